// The Fastify application: request ids and logs, security headers, CORS, rate limits, the API, and the
// contract's JSON errors for everything else. Each concern is a plugin (src/plugins); the ones the whole
// app must see (services, errors, headers) are wrapped in fastify-plugin, the routes stay encapsulated.
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { SANE_REQUEST_ID } from './lib/http.js';
import type { Logger } from './lib/logger.js';
import { errorsPlugin, frameworkErrors, notFound } from './plugins/errors.js';
import { rateLimitPlugin } from './plugins/rate-limit.js';
import { requestContextPlugin } from './plugins/request-context.js';
import { securityPlugin } from './plugins/security.js';
import { servicesPlugin } from './plugins/services.js';
import { apiRoutes } from './routes.js';
import type { Services } from './services/index.js';

export interface AppOptions {
  log: Logger;
}

export async function buildApp(services: Services, { log }: AppOptions): Promise<FastifyInstance> {
  const { config } = services;
  // TRUST_PROXY as Express reads it: true/false, a hop count, or addresses / subnets / loopback…
  const hops = config.TRUST_PROXY;
  const trustProxy = typeof hops === 'number' ? (_address: string, hop: number) => hop < hops : hops;
  const app = Fastify({
    // One log format for the whole process: the shared JSON logger (src/lib/logger.ts), which the start-up
    // already uses and which never sees headers or bodies. Fastify's pino stays off; see plugins/request-context.ts.
    logger: false,
    bodyLimit: config.BODY_LIMIT,
    trustProxy,
    // The caller's X-Request-Id when it is sane, a fresh UUID otherwise (never the raw header as is).
    requestIdHeader: false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && SANE_REQUEST_ID.test(given) ? given : randomUUID();
    },
    frameworkErrors,
    routerOptions: { ignoreTrailingSlash: true },
  });
  // Hooks run in registration order: the request id first, then security headers and CORS, then the rate
  // limit, so that every answer (a 429 too) carries them. The error handler comes before any route.
  await app.register(requestContextPlugin, { log });
  await app.register(servicesPlugin, { services });
  await app.register(errorsPlugin, { log });
  await app.register(securityPlugin, { config });
  await app.register(rateLimitPlugin, { config });
  await app.register(apiRoutes);
  // Unknown routes count against the rate limit too (the limiter's hooks only reach declared routes).
  app.setNotFoundHandler({ preHandler: app.rateLimit() }, notFound);
  await app.ready();
  return app;
}
