// The contract's error body for everything that goes wrong: unknown routes, body-parser failures,
// AppErrors from services, and the unexpected (logged here, never shown to the client).
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError, toAppError } from '../lib/errors.js';
import { errorFields, type Logger } from '../lib/logger.js';

export const notFoundRoute: RequestHandler = (req, _res, next) => {
  next(new AppError('NOT_FOUND', `no route ${req.method} ${req.path}`));
};

/** Errors raised by express.json() / express.text() (body-parser) carry a `type`. */
function fromBodyParser(error: { type?: string; status?: number; message?: string }): AppError | null {
  if (error.type === 'entity.too.large') return new AppError('PAYLOAD_TOO_LARGE', 'the request body is larger than BODY_LIMIT');
  if (error.type === 'entity.parse.failed') return new AppError('INVALID_JSON', 'the request body is not valid JSON');
  if (error.type && error.status && error.status < 500) return new AppError('VALIDATION_ERROR', error.message ?? 'unreadable request body');
  return null;
}

/** Express's router throws a URIError for a path parameter that is not valid percent-encoding. */
const undecodablePath = (error: unknown) => error instanceof URIError;

export function errorHandler(log: Logger): ErrorRequestHandler {
  return (error, _req, res, _next) => {
    const appError = undecodablePath(error)
      ? new AppError('NOT_FOUND', 'not found: the path is not valid percent-encoding')
      : (error && typeof error === 'object' && fromBodyParser(error)) || toAppError(error);
    if (appError.status >= 500 && appError.code !== 'UPSTREAM_ERROR' && appError.code !== 'NOT_CONFIGURED') {
      log.error('unexpected error', { requestId: res.locals.requestId, ...errorFields(error) });
    }
    if (res.headersSent) return;
    res.status(appError.status).json(appError.toBody());
  };
}
