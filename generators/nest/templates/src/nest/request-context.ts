// Gives every request an id (the caller's X-Request-Id when it is sane) and logs one line when it ends.
// Plain Express middleware, mounted first in app.ts: the id is set even when body parsing fails.
import { randomUUID } from 'node:crypto';
import type { NextFunction, Response } from 'express';
import { SANE_REQUEST_ID } from '../lib/http.js';
import type { Logger } from '../lib/logger.js';
import type { AppRequest } from './operation.js';

export function requestContext(log: Logger) {
  return (req: AppRequest, res: Response, next: NextFunction): void => {
    const given = req.get('x-request-id');
    const id = given && SANE_REQUEST_ID.test(given) ? given : randomUUID();
    req.requestId = id;
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
