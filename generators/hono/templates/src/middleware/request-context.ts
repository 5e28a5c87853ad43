// One log line per request when it ends, and its id (see hono/request-id in app.ts) on every response,
// errors and 404s included.
import type { MiddlewareHandler } from 'hono';
import type { Logger } from '../lib/logger.js';

export function requestLog(log: Logger): MiddlewareHandler<{ Variables: { requestId: string } }> {
  return async (c, next) => {
    const started = performance.now();
    const id = c.get('requestId');
    // Before next(): onError, notFound and every handler build their response with it. Setting a header
    // after the response exists makes Hono copy it (on Node, out of @hono/node-server's fast path).
    c.header('X-Request-Id', id);
    await next();
    const status = c.res.status;
    const fields = { requestId: id, method: c.req.method, path: c.req.path, status, ms: Math.round(performance.now() - started) };
    if (status >= 500) log.error('request', fields);
    else log.info('request', fields);
  };
}
