// RATE_LIMIT_MAX requests per RATE_LIMIT_WINDOW_MS per client IP on Node (hono-rate-limiter, modelled on
// express-rate-limit). The counters live in memory, or in Redis when REDIS_URL is set so that every
// instance shares them. The client IP follows TRUST_PROXY with Express's own rules (proxy-addr): false
// takes the socket address, true the left-most X-Forwarded-For, a number that many proxy hops, a list
// those addresses or subnets.
import type { HttpBindings } from '@hono/node-server';
import type { MiddlewareHandler } from 'hono';
import { MemoryStore, RedisStore, rateLimiter, type RateLimitInfo, type RedisClient, type Store } from 'hono-rate-limiter';
import proxyaddr from 'proxy-addr';
import { createClient } from 'redis';
import type { Config } from '../config.js';
import { notCounted, tooManyRequests } from './rate-limit-policy.js';

type NodeEnv = { Bindings: HttpBindings; Variables: { rateLimit: RateLimitInfo } };

export interface RateLimiter {
  middleware: MiddlewareHandler;
  close(): Promise<void>;
}

function trustFunction(trust: Config['TRUST_PROXY']): (address: string, hop: number) => boolean {
  if (trust === true) return () => true;
  if (trust === false) return () => false;
  if (typeof trust === 'number') return (_address, hop) => hop < trust;
  return proxyaddr.compile(trust.split(',').map((part) => part.trim()));
}

export async function createRateLimiter(config: Config): Promise<RateLimiter> {
  const redis = config.REDIS_URL ? await createClient({ url: config.REDIS_URL }).connect() : null;
  // hono-rate-limiter's RedisStore speaks an Upstash-shaped client; node-redis is adapted here.
  const client: RedisClient | null = redis && {
    scriptLoad: (script) => redis.scriptLoad(script),
    evalsha: (sha, keys, args) => redis.evalSha(sha, { keys, arguments: args.map(String) }) as Promise<never>,
    decr: (key) => redis.decr(key),
    del: (key) => redis.del(key),
  };
  const store: Store<NodeEnv> = client ? new RedisStore<NodeEnv>({ client, prefix: 'rate-limit:' }) : new MemoryStore<NodeEnv>();
  const trust = trustFunction(config.TRUST_PROXY);
  const windowMs = config.RATE_LIMIT_WINDOW_MS;
  const middleware = rateLimiter<NodeEnv>({
    windowMs,
    limit: config.RATE_LIMIT_MAX,
    standardHeaders: 'draft-7',
    store,
    skip: notCounted,
    keyGenerator: (c) => proxyaddr(c.env.incoming, trust),
    handler: (c) => tooManyRequests(c, c.get('rateLimit').resetTime, windowMs),
  });
  return {
    middleware: middleware as MiddlewareHandler,
    close: async () => {
      await store.shutdown?.();
      await redis?.quit();
    },
  };
}
