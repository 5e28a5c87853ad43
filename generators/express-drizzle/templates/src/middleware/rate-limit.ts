// RATE_LIMIT_MAX requests per RATE_LIMIT_WINDOW_MS per client IP; /health* is exempt. The counters live
// in memory, or in Redis when REDIS_URL is set so that every instance shares them.
import type { RequestHandler } from 'express';
import { rateLimit, type RateLimitInfo } from 'express-rate-limit';
import { RedisStore, type RedisReply } from 'rate-limit-redis';
import { createClient } from 'redis';
import type { Config } from '../config.js';
import { AppError } from '../lib/errors.js';

export interface RateLimiter {
  middleware: RequestHandler;
  close(): Promise<void>;
}

export async function createRateLimiter(config: Config): Promise<RateLimiter> {
  const redis = config.REDIS_URL ? await createClient({ url: config.REDIS_URL }).connect() : null;
  const middleware = rateLimit({
    windowMs: config.RATE_LIMIT_WINDOW_MS,
    limit: config.RATE_LIMIT_MAX,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    skip: (req) => req.method === 'OPTIONS' || req.path === '/health' || req.path.startsWith('/health/'),
    ...(redis && {
      store: new RedisStore({ prefix: 'rate-limit:', sendCommand: (...args: string[]) => redis.sendCommand(args) as Promise<RedisReply> }),
    }),
    handler: (req, res, next) => {
      const { resetTime: reset } = (req as typeof req & { rateLimit?: RateLimitInfo }).rateLimit ?? {};
      const resetTime = reset?.getTime() ?? Date.now() + config.RATE_LIMIT_WINDOW_MS;
      res.setHeader('Retry-After', String(Math.max(1, Math.ceil((resetTime - Date.now()) / 1000))));
      next(new AppError('RATE_LIMITED', 'too many requests; retry later'));
    },
  });
  return { middleware, close: async () => void (await redis?.quit()) };
}
