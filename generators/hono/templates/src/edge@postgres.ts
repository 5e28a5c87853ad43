// The edge entry: the same Hono app, handlers and services as src/index.ts, as a Cloudflare Worker
// (`npx wrangler deploy`, see wrangler.toml and the README).
//
// Why Cloudflare Workers rather than Vercel Edge: Hono is built on the Workers fetch API first (no
// adapter), Workers keep the edge runtime as their main product while Vercel now steers new functions to
// its Node runtime, and Workers have a rate limiting binding that the app can call (below). Neon's
// serverless driver speaks HTTP and WebSocket, both of which Workers have.
//
// Only Web APIs here and in everything this file imports: no Node built-ins, no `nodejs_compat` flag.
// test/edge.test.ts bundles this graph for workerd and fails on any Node import.
//
// Differences from Node, on purpose:
// - configuration comes from the Worker's variables and secrets (`env`), validated on the first request;
// - the database is Neon over HTTP (src/db/neon.ts); migrations never run here (`npm run db:migrate`);
// - rate limits: a counter in an isolate's memory would be one of many, so none is kept. With a
//   RATE_LIMITER binding (Cloudflare's rate limiting, per Cloudflare location, period 10 or 60 s, set in
//   wrangler.toml) each client IP is counted there and answered 429 with Retry-After; without it the
//   app does not limit, and Cloudflare's WAF rate limiting rules are the place to do it.
import { rateLimiter } from 'hono-rate-limiter';
import { createApp } from './app.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { connectNeon } from './db/neon.js';
import { AppError } from './lib/errors.js';
import type { Logger, LogLevel } from './lib/logger.js';
import { notCounted, tooManyRequests } from './middleware/rate-limit-policy.js';
import { createServices } from './services/index.js';

/** Cloudflare's rate limiting binding (`[[ratelimits]]` in wrangler.toml). */
interface RateLimitBinding {
  limit(options: { key: string }): Promise<{ success: boolean }>;
}

export interface EdgeEnv {
  RATE_LIMITER?: RateLimitBinding;
  /** The period of RATE_LIMITER in seconds (10 or 60), for Retry-After. */
  RATE_LIMIT_PERIOD_SECONDS?: string;
  [variable: string]: unknown;
}

const LEVELS: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

/** The same JSON lines as on Node, through console (what Workers Logs collect). */
function consoleLogger(level: LogLevel): Logger {
  const write = (at: Exclude<LogLevel, 'silent'>) => (message: string, fields: Record<string, unknown> = {}) => {
    if (LEVELS[at] < LEVELS[level]) return;
    const line = JSON.stringify({ time: new Date().toISOString(), level: at, message, ...fields });
    if (LEVELS[at] >= LEVELS.warn) console.error(line);
    else console.log(line);
  };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}

function edgeRateLimiter(env: EdgeEnv, config: Config, log: Logger) {
  const binding = env.RATE_LIMITER;
  if (!binding) {
    log.warn('no RATE_LIMITER binding: the app does not rate-limit at the edge (see wrangler.toml)');
    return { middleware: rateLimiterOff };
  }
  const periodMs = Number(env.RATE_LIMIT_PERIOD_SECONDS ?? 60) * 1000 || config.RATE_LIMIT_WINDOW_MS;
  return {
    middleware: rateLimiter({
      binding,
      skip: notCounted,
      keyGenerator: (c) => c.req.header('cf-connecting-ip') ?? 'unknown',
      handler: (c) => tooManyRequests(c, undefined, periodMs),
    }),
  };
}

const rateLimiterOff = async (_c: unknown, next: () => Promise<void>) => next();

/** Built on the first request of an isolate (env is only known then) and kept for the next ones. */
function build(env: EdgeEnv) {
  const variables = Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  const config = loadConfig({ NODE_ENV: 'production', ...variables });
  const log = consoleLogger(config.LOG_LEVEL);
  const services = createServices(config, connectNeon(config.databaseUrl));
  return createApp(services, { log, rateLimiter: edgeRateLimiter(env, config, log) });
}

let app: ReturnType<typeof build> | undefined;

export default {
  fetch(request: Request, env: EdgeEnv, ctx: unknown): Response | Promise<Response> {
    try {
      app ??= build(env);
    } catch (error) {
      // A wrong variable: one line per problem in the logs (never in the answer), and no app yet.
      console.error(error instanceof ConfigError ? error.message : String(error));
      const body = new AppError('NOT_CONFIGURED', 'the service is not configured; see its logs').toBody();
      return Response.json(body, { status: 503 });
    }
    return app.fetch(request, env, ctx as never);
  },
};
