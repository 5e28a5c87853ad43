// Binds every operation of src/types/operations.ts to Hono with @hono/zod-openapi: one createRoute per
// operation (its params, query and body schemas validate the request and describe it in /openapi.json),
// then the framework-free handler of src/routes and its status. Same order as every stack: body limit
// and JSON syntax, the caller, a malformed path parameter (404), then query and body validation.
import { createRoute, z, type OpenAPIHono, type RouteConfig } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { AppError, ERROR_STATUS } from './lib/errors.js';
import { allHandlers } from './routes/index.js';
import { resolveCaller } from './services/auth.js';
import type { Services } from './services/index.js';
import { Reply, type Handler, type HandlerInput } from './types/handlers.js';
import { operations, type Operation, type OperationId } from './types/operations.js';
import type { AppEnv } from './app.js';

const ErrorBody = z.object({
  error: z.object({
    code: z.enum(Object.keys(ERROR_STATUS) as [keyof typeof ERROR_STATUS, ...(keyof typeof ERROR_STATUS)[]]),
    message: z.string(),
    details: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  }),
});

const JSON_TYPE = /^application\/([\w.-]+\+)?json\s*(;|$)/i;

/** The OpenAPI description of one operation; its Zod schemas are also what validates the request. */
function describe(id: OperationId, op: Operation): RouteConfig {
  const errors = op.access === 'public' ? [400, 429] : [400, 401, 403, 404, 429];
  const error = { description: 'Error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
  return createRoute({
    operationId: id,
    method: op.method,
    path: op.path.replace(/:(\w+)/g, '{$1}'),
    summary: op.summary,
    tags: [op.tag],
    ...(op.access !== 'public' && { security: [{ clerkSession: [] }] }),
    request: {
      ...(op.params && { params: op.params }),
      ...(op.query && { query: op.query }),
      ...(op.body && { body: { required: true, content: { 'application/json': { schema: op.body } } } }),
      // Signed webhooks: documented as JSON, never parsed here (the handler needs the signed bytes).
      ...(op.rawBody && { body: { required: true, content: { 'application/json': { schema: { type: 'object' } } } } }),
    },
    responses: {
      [op.status]: op.response
        ? { description: 'OK', content: { 'application/json': { schema: op.response } } }
        : { description: 'No content' },
      ...Object.fromEntries(errors.map((status) => [status, error])),
    },
  });
}

/** Before validation: the JSON syntax (400 INVALID_JSON), then the caller, then path parameters. */
function prepare(services: Services, op: Operation): MiddlewareHandler<AppEnv & { Variables: { caller: unknown } }> {
  return async (c, next) => {
    if (op.body && JSON_TYPE.test(c.req.header('content-type') ?? '')) {
      // Hono caches the parsed body: the validator reads this same value.
      await c.req.json().catch(() => {
        throw new AppError('INVALID_JSON', 'the request body is not valid JSON');
      });
    }
    c.set('caller', await resolveCaller(services.db, services.verifyToken, op.access, c.req.header('authorization')));
    // A malformed id names nothing that exists: 404, like an unknown one.
    if (op.params && !op.params.safeParse(c.req.param()).success) throw new AppError('NOT_FOUND', 'not found');
    await next();
  };
}

function respond(op: Operation, handler: Handler<OperationId>) {
  return async (c: Context<AppEnv & { Variables: { caller: unknown } }>) => {
    const valid = (target: string) => (c.req.valid as (target: string) => unknown).call(c.req, target);
    const raw = op.rawBody ? await c.req.text() : '';
    const input = {
      caller: c.get('caller'),
      params: op.params ? valid('param') : undefined,
      query: op.query ? valid('query') : undefined,
      body: op.rawBody ? raw : op.body ? valid('json') : undefined,
      request: {
        url: c.req.url,
        body: raw,
        // Only the webhook reads them; on Node, c.req.raw costs a full Request, so only when asked.
        get headers() {
          return Object.fromEntries(c.req.raw.headers);
        },
      },
    } as HandlerInput<never>;
    const answer = await handler(input);
    if (answer instanceof Reply) return c.json(answer.body, answer.status as 200);
    if (op.status === 204) return c.body(null, 204);
    return c.json(answer, op.status);
  };
}

export function bindOperations(app: OpenAPIHono<AppEnv>, services: Services): void {
  const handlers = allHandlers(services);
  const limit = bodyLimit({
    maxSize: services.config.BODY_LIMIT,
    onError: () => {
      throw new AppError('PAYLOAD_TOO_LARGE', 'the request body is larger than BODY_LIMIT');
    },
  });
  app.openAPIRegistry.register('Error', ErrorBody);
  app.openAPIRegistry.registerComponent('securitySchemes', 'clerkSession', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'A Clerk session token',
  });
  // Built on first request, once every route is registered, then kept.
  let document: unknown;
  const openApiDocument = () =>
    (document ??= app.getOpenAPI31Document({ openapi: '3.1.0', info: { title: '<%= projectName %>', version: '0.1.0' } }));

  for (const [id, op] of Object.entries(operations) as [OperationId, Operation][]) {
    const handler: Handler<OperationId> = id === 'openapi' ? async () => openApiDocument() as Record<string, unknown> : (handlers[id] as Handler<OperationId>);
    // The body limit only where a body is read: hono/body-limit looks at c.req.raw.body, which on Node
    // makes @hono/node-server build a full Request, a cost a GET need not pay.
    const middleware = op.body || op.rawBody ? [limit, prepare(services, op)] : [prepare(services, op)];
    const route = { ...describe(id, op), middleware };
    app.openapi(route as RouteConfig, respond(op, handler) as never);
  }
}
