// The contract's error body for everything that goes wrong: unknown routes, Hono's own HTTP exceptions
// (body limit, malformed JSON, media type), AppErrors from services, and the unexpected (logged here,
// never shown to the client).
import type { ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { AppError, toAppError, type ErrorCode } from '../lib/errors.js';
import { errorFields, type Logger } from '../lib/logger.js';

export const notFoundRoute: NotFoundHandler = (c) => {
  const error = new AppError('NOT_FOUND', `no route ${c.req.method} ${c.req.path}`);
  return c.json(error.toBody(), 404);
};

const BY_STATUS: Record<number, ErrorCode> = { 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 409: 'CONFLICT', 429: 'RATE_LIMITED' };

/** An HTTPException thrown by a Hono middleware, in the contract's terms. */
function fromHttpException(error: HTTPException): AppError {
  if (error.status === 413) return new AppError('PAYLOAD_TOO_LARGE', 'the request body is larger than BODY_LIMIT');
  if (error.status === 400 && /json/i.test(error.message)) return new AppError('INVALID_JSON', 'the request body is not valid JSON');
  // @hono/zod-openapi answers 415 to a body that is not JSON; the contract reads it as an invalid body.
  if (error.status === 415) return new AppError('VALIDATION_ERROR', 'send the body as application/json', [{ field: 'body', message: 'expected application/json' }]);
  const code = BY_STATUS[error.status] ?? (error.status < 500 ? 'VALIDATION_ERROR' : 'INTERNAL');
  return new AppError(code, error.status < 500 ? error.message || code.toLowerCase() : 'internal error');
}

export function errorHandler(log: Logger): ErrorHandler {
  return (error, c) => {
    const appError = error instanceof HTTPException ? fromHttpException(error) : toAppError(error);
    if (appError.status >= 500 && appError.code !== 'UPSTREAM_ERROR' && appError.code !== 'NOT_CONFIGURED') {
      log.error('unexpected error', { requestId: c.get('requestId'), ...errorFields(error) });
    }
    return c.json(appError.toBody(), appError.status as 400);
  };
}
