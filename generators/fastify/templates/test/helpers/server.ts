// The only Fastify-specific test helper: the real app (buildApp) with the real rate limiter and a silent
// logger, listening on an ephemeral port of 127.0.0.1. Every shared test talks to it over HTTP only.
import type { Server } from 'node:http';
import { buildApp } from '../../src/app.js';
import type { Config } from '../../src/config.js';
import { createLogger } from '../../src/lib/logger.js';
import type { Services } from '../../src/services/index.js';

export interface TestServer {
  /** A listening server: supertest sends its requests to this address. */
  server: Server;
  close(): Promise<void>;
}

export async function createTestServer(services: Services, _config: Config): Promise<TestServer> {
  const app = await buildApp(services, { log: createLogger('silent') });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    server: app.server,
    async close() {
      app.server.closeAllConnections();
      await app.close();
    },
  };
}
