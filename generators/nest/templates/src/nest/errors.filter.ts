// The contract's error body for everything that goes wrong: AppErrors from services, guards and pipes,
// Nest's own HttpExceptions (its 404 for unknown routes among them), body-parser failures (turned into
// AppErrors by app.ts) and the unexpected (logged here, never shown to the client).
import { Catch, HttpException, Inject, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { AppError, ERROR_STATUS, toAppError, type ErrorCode } from '../lib/errors.js';
import { errorFields, type Logger } from '../lib/logger.js';
import type { AppRequest } from './operation.js';
import { LOGGER } from './tokens.js';

const CODE_OF_STATUS: Partial<Record<number, ErrorCode>> = { 400: 'VALIDATION_ERROR', 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 405: 'NOT_FOUND', 409: 'CONFLICT', 413: 'PAYLOAD_TOO_LARGE', 429: 'RATE_LIMITED', 503: 'UNAVAILABLE' };

/** Nest's HttpException (NotFoundException, ThrottlerException, ...) in the contract's catalogue. */
export function fromHttpException(exception: HttpException): AppError {
  const status = exception.getStatus();
  const code = CODE_OF_STATUS[status] ?? (status >= 500 ? 'INTERNAL' : 'VALIDATION_ERROR');
  // A 5xx message may carry internals; a 4xx one is Nest's own ("Cannot GET /x").
  return new AppError(code, code === 'INTERNAL' ? 'internal error' : exception.message);
}

@Catch()
export class ErrorsFilter implements ExceptionFilter {
  constructor(@Inject(LOGGER) private readonly log: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<AppRequest>();
    const res = http.getResponse<Response>();
    const error = exception instanceof HttpException ? fromHttpException(exception) : toAppError(exception);
    if (error.status >= 500 && error.code !== 'UPSTREAM_ERROR' && error.code !== 'NOT_CONFIGURED') {
      this.log.error('unexpected error', { requestId: req.requestId, ...errorFields(exception) });
    }
    if (res.headersSent) return;
    res.status(ERROR_STATUS[error.code]).json(error.toBody());
  }
}
