// Gives every request an id (the caller's X-Request-Id when it is sane) and logs one line when it ends.
import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import { SANE_REQUEST_ID } from '../lib/http.js';
import type { Logger } from '../lib/logger.js';

export function requestContext(log: Logger): RequestHandler {
  return (req, res, next) => {
    const given = req.get('x-request-id');
    const id = given && SANE_REQUEST_ID.test(given) ? given : randomUUID();
    res.locals.requestId = id;
    res.setHeader('X-Request-Id', id);
    const started = performance.now();
    res.on('finish', () => {
      const fields = { requestId: id, method: req.method, path: req.path, status: res.statusCode, ms: Math.round(performance.now() - started) };
      if (res.statusCode >= 500) log.error('request', fields);
      else log.info('request', fields);
    });
    next();
  };
}
