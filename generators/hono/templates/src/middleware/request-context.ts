// One log line per request when it ends, and its id (see hono/request-id in app.ts) on every response,
// errors and 404s included: onError and notFound answer inside this middleware.
import type { MiddlewareHandler } from 'hono';
import type { Logger } from '../lib/logger.js';

export function requestLog(log: Logger): MiddlewareHandler<{ Variables: { requestId: string } }> {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const id = c.get('requestId');
    c.header('X-Request-Id', id);
    const status = c.res.status;
    const fields = { requestId: id, method: c.req.method, path: c.req.path, status, ms: Math.round(performance.now() - started) };
    if (status >= 500) log.error('request', fields);
    else log.info('request', fields);
  };
}
