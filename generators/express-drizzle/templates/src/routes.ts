// Binds every operation of src/types/operations.ts to Express: body parsing, the caller, validation
// of params, query and body with the operation's Zod schemas, then the handler and its status.
import express, { Router, type RequestHandler } from 'express';
import type { z } from 'zod';
import { AppError, validationError } from './lib/errors.js';
import { allHandlers } from './routes/index.js';
import { resolveCaller } from './services/auth.js';
import type { Services } from './services/index.js';
import { Reply, type Handler, type HandlerInput } from './types/handlers.js';
import { operations, type OperationId, type Operation } from './types/operations.js';

function parse<S extends z.ZodType>(schema: S, value: unknown, where?: string): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw validationError(result.error.issues, where);
  return result.data;
}

function route(services: Services, operation: Operation, handler: Handler<OperationId>): RequestHandler {
  return async (req, res, next) => {
    try {
      const caller = await resolveCaller(services.db, services.verifyToken, operation.access, req.get('authorization'));
      // A malformed id names nothing that exists: 404, like an unknown one.
      if (operation.params && !operation.params.safeParse(req.params).success) throw new AppError('NOT_FOUND', 'not found');
      const input = {
        caller,
        params: operation.params ? parse(operation.params, req.params) : undefined,
        query: operation.query ? parse(operation.query, req.query) : undefined,
        body: operation.rawBody ? String(req.body ?? '') : operation.body ? parse(operation.body, req.body ?? {}) : undefined,
        request: { url: `${req.protocol}://${req.get('host')}${req.originalUrl}`, headers: req.headers, body: typeof req.body === 'string' ? req.body : '' },
      } as HandlerInput<never>;
      const answer = await handler(input);
      if (answer instanceof Reply) res.status(answer.status).json(answer.body);
      else if (operation.status === 204) res.status(204).end();
      else res.status(operation.status).json(answer);
    } catch (error) {
      next(error);
    }
  };
}

export function apiRouter(services: Services): Router {
  const router = Router();
  const handlers = allHandlers(services);
  const limit = services.config.BODY_LIMIT;
  // Signed webhooks need the exact bytes that were signed.
  const rawText = express.text({ type: () => true, limit });
  const json = express.json({ limit });
  for (const [id, operation] of Object.entries(operations) as [OperationId, Operation][]) {
    router[operation.method](operation.path, operation.rawBody ? rawText : json, route(services, operation, handlers[id] as Handler<OperationId>));
  }
  return router;
}
