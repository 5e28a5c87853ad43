// Every answer carries X-Request-Id (request.id, from genReqId in app.ts); one log line per request when
// it ends: method, path (no query string), status, duration and request id — never headers or bodies.
//
// Why the shared JSON logger and not Fastify's pino: the process already logs start-up, migrations and
// shutdown through src/lib/logger.ts, and the contract wants one JSON line format across every stack; a
// second logger would split the stream in two formats and add one more place where headers (tokens)
// could leak through a default serializer.
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import type { Logger } from '../lib/logger.js';

const plugin: FastifyPluginAsync<{ log: Logger }> = async (app, { log }) => {
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  app.addHook('onResponse', async (request, reply) => {
    const query = request.url.indexOf('?');
    const fields = {
      requestId: request.id,
      method: request.method,
      path: query === -1 ? request.url : request.url.slice(0, query),
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime),
    };
    if (reply.statusCode >= 500) log.error('request', fields);
    else log.info('request', fields);
  });
};

export const requestContextPlugin = fp(plugin, { name: 'request-context', fastify: '5.x' });
