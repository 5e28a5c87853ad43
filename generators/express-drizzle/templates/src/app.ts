// The Express application: security headers, CORS, request ids and logs, rate limits, the API, and the
// contract's JSON errors for everything else.
import cors from 'cors';
import express, { type Express } from 'express';
import helmet from 'helmet';
import { corsOriginAllowed } from './lib/http.js';
import type { Logger } from './lib/logger.js';
import { errorHandler, notFoundRoute } from './middleware/errors.js';
import type { RateLimiter } from './middleware/rate-limit.js';
import { requestContext } from './middleware/request-context.js';
import { apiRouter } from './routes.js';
import type { Services } from './services/index.js';

export function createApp(services: Services, { log, rateLimiter }: { log: Logger; rateLimiter: RateLimiter }): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', services.config.TRUST_PROXY);
  app.use(requestContext(log));
  app.use(helmet());
  app.use(
    cors({
      origin: (origin, callback) => callback(null, corsOriginAllowed(services.config, origin)),
      credentials: true,
      exposedHeaders: ['X-Request-Id', 'Retry-After'],
      maxAge: 600,
    }),
  );
  app.use(rateLimiter.middleware);
  app.use(apiRouter(services));
  app.use(notFoundRoute);
  app.use(errorHandler(log));
  return app;
}
