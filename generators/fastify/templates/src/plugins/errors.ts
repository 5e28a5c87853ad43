// The contract's error body for everything that goes wrong: AppErrors from services, validation by the
// operations' Zod schemas, Fastify's own errors (body too large, invalid JSON, unsupported media type,
// bad URLs), unknown routes, and the unexpected (logged here, never shown to the client).
import type { FastifyError, FastifyPluginAsync, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, toAppError, validationError } from '../lib/errors.js';
import { errorFields, type Logger } from '../lib/logger.js';

/** Fastify's own errors (codes FST_…) in the contract's catalogue. */
function fromFastify(error: FastifyError): AppError | null {
  if (hasZodFastifySchemaValidationErrors(error)) {
    // A malformed id names nothing that exists: 404, like an unknown one.
    if (error.validationContext === 'params') return new AppError('NOT_FOUND', 'not found');
    return validationError(error.validation.map((issue) => ({ path: issue.instancePath.split('/').filter(Boolean), message: issue.message ?? 'invalid' })));
  }
  if (typeof error.code !== 'string' || !error.code.startsWith('FST_')) return null;
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('PAYLOAD_TOO_LARGE', 'the request body is larger than BODY_LIMIT');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('INVALID_JSON', 'the request body is not valid JSON');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('VALIDATION_ERROR', 'unsupported Content-Type: send the body as application/json', [
        { field: 'body', message: 'expected Content-Type: application/json' },
      ]);
  }
  const status = error.statusCode ?? 500;
  if (status === 404) return new AppError('NOT_FOUND', 'not found');
  if (status === 413) return new AppError('PAYLOAD_TOO_LARGE', 'the request body is larger than BODY_LIMIT');
  if (status >= 400 && status < 500) return new AppError('VALIDATION_ERROR', error.message || 'unreadable request');
  return null;
}

const plugin: FastifyPluginAsync<{ log: Logger }> = async (app, { log }) => {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const appError = fromFastify(error) ?? toAppError(error);
    if (appError.status >= 500 && appError.code !== 'UPSTREAM_ERROR' && appError.code !== 'NOT_CONFIGURED') {
      log.error('unexpected error', { requestId: request.id, ...errorFields(error) });
    }
    if (reply.sent) return;
    return reply.code(appError.status).send(appError.toBody());
  });
};

/** Registered before any route: routes keep the error handler of the context they were declared in. */
export const errorsPlugin = fp(plugin, { name: 'errors', fastify: '5.x' });

/** Unknown routes (and known paths with another method). */
export async function notFound(request: FastifyRequest): Promise<never> {
  throw new AppError('NOT_FOUND', `no route ${request.method} ${request.url.split('?')[0]}`);
}

/**
 * URLs the router cannot even decode (`/api/reports/%E0%A4`) or params over its length limit: they name
 * nothing, so 404. Fastify answers these before any hook, so the headers hooks add are set here.
 */
export const frameworkErrors: NonNullable<FastifyServerOptions['frameworkErrors']> = (_error, request: FastifyRequest, reply: FastifyReply) => {
  reply
    .code(404)
    .header('x-request-id', request.id)
    .header('x-content-type-options', 'nosniff')
    .send(new AppError('NOT_FOUND', 'not found: the URL is malformed').toBody());
};
