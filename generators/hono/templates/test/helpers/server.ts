// The only Hono-specific test file: the real app (createApp) with the real rate limiter and a silent
// logger, served by @hono/node-server's adaptor on an ephemeral port of 127.0.0.1. Every shared test
// talks to it over HTTP only, with the same interface as every other stack's test/helpers/server.ts.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { createApp } from '../../src/app.js';
import type { Config } from '../../src/config.js';
import { createLogger } from '../../src/lib/logger.js';
import { createRateLimiter } from '../../src/middleware/rate-limit.js';
import type { Services } from '../../src/services/index.js';

export interface TestServer {
  /** A listening server: supertest sends its requests to this address. */
  server: Server;
  close(): Promise<void>;
}

export async function createTestServer(services: Services, config: Config): Promise<TestServer> {
  const rateLimiter = await createRateLimiter(config);
  const app = createApp(services, { log: createLogger('silent'), rateLimiter });
  const server = createAdaptorServer({ fetch: app.fetch }) as Server;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  if (!(server.address() as AddressInfo | null)?.port) throw new Error('the test server did not get a port');
  return {
    server,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rateLimiter.close();
    },
  };
}
