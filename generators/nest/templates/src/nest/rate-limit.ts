// RATE_LIMIT_MAX requests per RATE_LIMIT_WINDOW_MS per client IP (req.ip: TRUST_PROXY decides it) with
// @nestjs/throttler; /health and /health/ready are exempt (@SkipThrottle), so are OPTIONS preflights
// (answered by CORS before any route). One counter per client across every route. The counters live in
// memory, or in Redis when REDIS_URL is set so that every instance shares them.
import { Injectable, Module, type ExecutionContext, type OnApplicationShutdown } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerModule, ThrottlerStorageService, type ThrottlerLimitDetail, type ThrottlerStorage } from '@nestjs/throttler';
import type { Response } from 'express';
import { createClient } from 'redis';
import type { Config } from '../config.js';
import { AppError } from '../lib/errors.js';
import { CONFIG } from './tokens.js';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/** A fixed window per key: INCR, PEXPIRE on the first hit, PTTL; atomic as one script. */
const HIT = `local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return { hits, redis.call('PTTL', KEYS[1]) }`;

export class RedisThrottlerStorage implements ThrottlerStorage, OnApplicationShutdown {
  private closed = false;

  private constructor(private readonly client: ReturnType<typeof createClient>) {}

  static async connect(url: string): Promise<RedisThrottlerStorage> {
    return new RedisThrottlerStorage(await createClient({ url }).connect());
  }

  async increment(key: string, ttl: number, limit: number): Promise<ThrottlerStorageRecord> {
    const [totalHits, pttl] = (await this.client.eval(HIT, { keys: [`rate-limit:${key}`], arguments: [String(ttl)] })) as [number, number];
    const timeToExpire = Math.max(1, Math.ceil((pttl > 0 ? pttl : ttl) / 1000));
    const isBlocked = totalHits > limit;
    return { totalHits, timeToExpire, isBlocked, timeToBlockExpire: isBlocked ? timeToExpire : 0 };
  }

  /** Idempotent: Nest may call it for each provider that hands out this instance. */
  async onApplicationShutdown(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.client.quit();
  }
}

/** The contract's 429: RATE_LIMITED with Retry-After (seconds) and the RateLimit / RateLimit-Policy headers. */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const retryAfter = Math.max(1, detail.timeToBlockExpire);
    const res = context.switchToHttp().getResponse<Response>();
    res.setHeader('Retry-After', String(retryAfter));
    res.setHeader('RateLimit-Policy', `${detail.limit};w=${Math.ceil(detail.ttl / 1000)}`);
    res.setHeader('RateLimit', `limit=${detail.limit}, remaining=0, reset=${retryAfter}`);
    throw new AppError('RATE_LIMITED', 'too many requests; retry later');
  }
}

const RATE_LIMIT_STORAGE = Symbol('RateLimitStorage');

@Module({
  providers: [
    {
      provide: RATE_LIMIT_STORAGE,
      inject: [CONFIG],
      useFactory: async (config: Config): Promise<ThrottlerStorage> =>
        config.REDIS_URL ? RedisThrottlerStorage.connect(config.REDIS_URL) : new ThrottlerStorageService(),
    },
  ],
  exports: [RATE_LIMIT_STORAGE],
})
class RateLimitStorageModule {}

@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      imports: [RateLimitStorageModule],
      inject: [CONFIG, RATE_LIMIT_STORAGE],
      useFactory: (config: Config, storage: ThrottlerStorage) => ({
        throttlers: [{ ttl: config.RATE_LIMIT_WINDOW_MS, limit: config.RATE_LIMIT_MAX }],
        storage,
        // The 429 headers are set above; one counter per client, whatever the route.
        setHeaders: false,
        generateKey: (_context: ExecutionContext, tracker: string, name: string) => `${name}:${tracker}`,
      }),
    }),
  ],
})
export class RateLimitModule {}

