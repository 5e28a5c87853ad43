// RATE_LIMIT_MAX requests per RATE_LIMIT_WINDOW_MS per client IP (request.ip: TRUST_PROXY decides);
// OPTIONS preflights and /health* are exempt. The counters live in memory, or in Redis when REDIS_URL is
// set so that every instance shares them (@fastify/rate-limit's Redis store speaks to an ioredis client).
// Answers carry the same headers as every other stack: RateLimit and RateLimit-Policy (IETF draft 7),
// and Retry-After in seconds on a 429.
import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import { Redis } from 'ioredis';
import type { Config } from '../config.js';
import { AppError } from '../lib/errors.js';

const exempt = (method: string, url: string) => {
  const path = url.split('?', 1)[0]!;
  return method === 'OPTIONS' || path === '/health' || path.startsWith('/health/');
};

const plugin: FastifyPluginAsync<{ config: Config }> = async (app, { config }) => {
  let redis: Redis | undefined;
  if (config.REDIS_URL) {
    redis = new Redis(config.REDIS_URL, { lazyConnect: true });
    await redis.connect();
    app.addHook('onClose', async () => {
      await redis?.quit();
    });
  }
  await app.register(rateLimit, {
    max: config.RATE_LIMIT_MAX,
    timeWindow: config.RATE_LIMIT_WINDOW_MS,
    allowList: (request) => exempt(request.method, request.url),
    ...(redis && { redis, nameSpace: 'rate-limit:' }),
    enableDraftSpec: true,
    errorResponseBuilder: () => new AppError('RATE_LIMITED', 'too many requests; retry later'),
  });
  // @fastify/rate-limit writes RateLimit-Limit / -Remaining / -Reset; the contract's stacks answer the
  // combined draft-7 form, as express-rate-limit does for the Express stack.
  const windowSeconds = Math.ceil(config.RATE_LIMIT_WINDOW_MS / 1000);
  app.addHook('onSend', async (_request, reply, payload) => {
    const limit = reply.getHeader('ratelimit-limit');
    if (limit === undefined) return payload;
    const remaining = reply.getHeader('ratelimit-remaining') ?? 0;
    const reset = reply.getHeader('ratelimit-reset') ?? windowSeconds;
    reply.removeHeader('ratelimit-limit').removeHeader('ratelimit-remaining').removeHeader('ratelimit-reset');
    reply.header('ratelimit-policy', `${limit};w=${windowSeconds}`);
    reply.header('ratelimit', `limit=${limit}, remaining=${remaining}, reset=${reset}`);
    return payload;
  });
};

export const rateLimitPlugin = fp(plugin, { name: 'rate-limit', fastify: '5.x' });
