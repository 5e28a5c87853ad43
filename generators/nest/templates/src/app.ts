// The Nest application on Express: no X-Powered-By, request ids and logs, security headers, CORS, body
// parsing with BODY_LIMIT (raw text for signed webhooks), then the modules of app.module.ts, whose global
// guards, pipe and filter give the contract's behaviour. index.ts and the tests both build it here.
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import bodyParser from 'body-parser';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';
import { AppModule } from './app.module.js';
import { AppError } from './lib/errors.js';
import { corsOriginAllowed } from './lib/http.js';
import type { Logger } from './lib/logger.js';
import { NestLogger } from './nest/nest-logger.js';
import { requestContext } from './nest/request-context.js';
import type { Services } from './services/index.js';
import { operations, type Operation } from './types/operations.js';

export interface AppOptions {
  services: Services;
  log: Logger;
}

/** Errors raised by body-parser carry a `type`; they become the contract's errors before Nest sees them. */
function fromBodyParser(error: { type?: string; status?: number; message?: string }): unknown {
  if (error.type === 'entity.too.large') return new AppError('PAYLOAD_TOO_LARGE', 'the request body is larger than BODY_LIMIT');
  if (error.type === 'entity.parse.failed') return new AppError('INVALID_JSON', 'the request body is not valid JSON');
  if (error.type && error.status && error.status < 500) return new AppError('VALIDATION_ERROR', error.message ?? 'unreadable request body');
  return error;
}

function bodyParsing(limit: number): RequestHandler {
  const json = bodyParser.json({ limit });
  // Signed webhooks need the exact bytes that were signed.
  const text = bodyParser.text({ type: () => true, limit });
  const raw = new Set(
    (Object.values(operations) as Operation[]).filter((op) => op.rawBody).map((op) => `${op.method.toUpperCase()} ${op.path}`),
  );
  return (req: Request, res: Response, next: NextFunction) => {
    const parse = raw.has(`${req.method} ${req.path}`) ? text : json;
    parse(req, res, (error?: unknown) => next(error ? fromBodyParser(error as object) : undefined));
  };
}

/** Everything app.module.ts cannot express: Express settings and middleware that must run before routing. */
export function configureApp(app: NestExpressApplication, { services, log }: AppOptions): NestExpressApplication {
  const { config } = services;
  app.useLogger(new NestLogger(log));
  app.disable('x-powered-by');
  app.set('trust proxy', config.TRUST_PROXY);
  app.use(requestContext(log));
  app.use(helmet());
  app.enableCors({
    origin: (origin, callback) => callback(null, corsOriginAllowed(config, origin)),
    credentials: true,
    exposedHeaders: ['X-Request-Id', 'Retry-After'],
    maxAge: 600,
  });
  app.use(bodyParsing(config.BODY_LIMIT));
  return app;
}

/** Nest's own body parser is off: ours applies BODY_LIMIT, keeps webhook bodies raw and names its errors. */
export const NEST_APP_OPTIONS = { bodyParser: false, abortOnError: false } as const;

export async function createApp(options: AppOptions): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(options), {
    ...NEST_APP_OPTIONS,
    logger: new NestLogger(options.log),
  });
  return configureApp(app, options);
}
