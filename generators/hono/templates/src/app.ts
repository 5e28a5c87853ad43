// The Hono application, the same on Node (src/index.ts) and at the edge (src/edge.ts): request ids and
// logs, security headers, CORS, rate limits, every operation of src/types/operations.ts with its
// validation and OpenAPI description, and the contract's JSON errors for everything else.
// Only Web APIs here: the runtime-specific parts (the rate limiter's counters, the database) come in.
import { OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { AppError, validationError } from './lib/errors.js';
import { corsOriginAllowed, SANE_REQUEST_ID } from './lib/http.js';
import type { Logger } from './lib/logger.js';
import { errorHandler, notFoundRoute } from './middleware/errors.js';
import { requestLog } from './middleware/request-context.js';
import { bindOperations } from './routes.js';
import type { Services } from './services/index.js';

export type AppEnv = { Variables: { requestId: string } };

export interface AppOptions {
  log: Logger;
  /** Counts requests per client and answers 429 (see middleware/rate-limit.ts and src/edge.ts). */
  rateLimiter: { middleware: MiddlewareHandler };
}

export function createApp(services: Services, { log, rateLimiter }: AppOptions): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({
    // Like Express: /health/ answers as /health does.
    strict: false,
    // Validation failures of @hono/zod-openapi's validators: a malformed path parameter names nothing
    // that exists (404, like an unknown id); a bad query or body is a 400 listing each field.
    defaultHook: (result) => {
      if (result.success) return;
      if (result.target === 'param') throw new AppError('NOT_FOUND', 'not found');
      throw validationError(result.error.issues);
    },
  });
  // The caller's X-Request-Id when it is sane (hono/request-id's own check refuses '.', ':' and '@',
  // which the contract allows), a fresh UUID otherwise; requestLog writes it on every response.
  app.use(
    requestId({
      headerName: '',
      generator: (c) => {
        const given = c.req.header('x-request-id');
        return given && SANE_REQUEST_ID.test(given) ? given : crypto.randomUUID();
      },
    }),
  );
  app.use(requestLog(log));
  app.use(secureHeaders());
  const corsPolicy = cors({
    origin: (origin) => (corsOriginAllowed(services.config, origin) ? origin : null),
    credentials: true,
    allowMethods: ['GET', 'HEAD', 'POST', 'PATCH', 'DELETE'],
    exposeHeaders: ['X-Request-Id', 'Retry-After'],
    maxAge: 600,
  });
  // A request without Origin is not a CORS request: it gets no CORS headers either way, only
  // `Vary: Origin` (set up front, as hono/cors would after the handler; doing it afterwards makes Hono copy
  // the response, which on Node leaves @hono/node-server's fast path).
  app.use(async (c, next) => {
    if (c.req.header('origin')) return corsPolicy(c, next);
    c.header('Vary', 'Origin');
    await next();
  });
  app.use(rateLimiter.middleware);
  bindOperations(app, services);
  app.notFound(notFoundRoute);
  app.onError(errorHandler(log));
  return app;
}
