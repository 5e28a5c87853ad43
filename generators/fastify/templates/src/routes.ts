// Binds every operation of src/types/operations.ts to Fastify, in an encapsulated plugin: Fastify parses
// the body (BODY_LIMIT), a preValidation hook resolves the caller, the Zod type provider validates params
// (malformed → 404, see plugins/errors.ts), query and body with the operation's own schemas, then the
// framework-free handler runs and its answer is sent with the operation's status.
//
// /openapi.json is one of those operations: the shared buildOpenApi() (src/openapi.ts) turns the same Zod
// schemas into an OpenAPI 3.1 document, identical in every Node stack, with the error responses, the
// security scheme and the named components the contract documents. @fastify/swagger with the type
// provider's jsonSchemaTransform would be a second generator of that document to keep in line with the
// first, for no gain to the contract. (npm still installs @fastify/swagger: fastify-type-provider-zod
// names it as a peer dependency; nothing here loads it.)
import type { FastifyPluginAsync, FastifyRequest, RouteOptions } from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { allHandlers } from './routes/index.js';
import { resolveCaller, type Access, type Caller } from './services/auth.js';
import { Reply, type Handler, type HandlerInput } from './types/handlers.js';
import { operations, type Operation, type OperationId } from './types/operations.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is calling, as the route's access needs it (null on public routes). */
    caller: Caller<Access> | null;
  }
}

const rawRequest = (request: FastifyRequest) => ({
  url: `${request.protocol}://${request.host}${request.url}`,
  headers: request.headers,
  body: typeof request.body === 'string' ? request.body : '',
});

export const apiRoutes: FastifyPluginAsync = async (parent) => {
  const app = parent.withTypeProvider<ZodTypeProvider>();
  const { services } = app;
  const handlers = allHandlers(services);
  app.decorateRequest('caller', null);
  app.setValidatorCompiler(validatorCompiler);
  // Responses are not re-validated at run time: each Handler is type-checked against its operation's
  // response schema, and plain JSON.stringify keeps the hot path fast.

  // A JSON content type with an empty body is "no body" (a client that sets the header on every call),
  // as in the other stacks; anything else goes through Fastify's parser (prototype-poisoning safe).
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (body === '') done(null, undefined);
    else parseJson(request, body as string, done);
  });

  const route = (id: OperationId, operation: Operation): RouteOptions => {
    const handler = handlers[id] as Handler<OperationId>;
    return {
      method: operation.method.toUpperCase(),
      url: operation.path,
      schema: {
        ...(operation.params && { params: operation.params }),
        ...(operation.query && { querystring: operation.query }),
        ...(operation.body && !operation.rawBody && { body: operation.body }),
      },
      // Before validation, as everywhere: who may call comes before what they sent.
      preValidation: async (request) => {
        request.caller = await resolveCaller(services.db, services.verifyToken, operation.access, request.headers.authorization);
        if (operation.body && !operation.rawBody) request.body ??= {};
      },
      handler: async (request, reply) => {
        const input = {
          caller: request.caller,
          params: operation.params ? request.params : undefined,
          query: operation.query ? request.query : undefined,
          body: operation.rawBody ? String(request.body ?? '') : operation.body ? request.body : undefined,
          request: rawRequest(request),
        } as HandlerInput<never>;
        const answer = await handler(input);
        if (answer instanceof Reply) return reply.code(answer.status).send(answer.body);
        if (operation.status === 204) return reply.code(204).send();
        return reply.code(operation.status).send(answer);
      },
    };
  };

  const entries = Object.entries(operations) as [OperationId, Operation][];
  for (const [id, operation] of entries) if (!operation.rawBody) app.route(route(id, operation));

  // Signed webhooks need the exact bytes that were signed, whatever the content type: their own context,
  // whose only parser keeps the body as text (BODY_LIMIT still applies).
  await app.register(async (raw) => {
    raw.removeAllContentTypeParsers();
    raw.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));
    for (const [id, operation] of entries) if (operation.rawBody) raw.route(route(id, operation));
  });
};
