// The only Nest-specific test file: the real AppModule compiled by @nestjs/testing, configured like the
// server (configureApp) with a silent logger, listening on an ephemeral port of 127.0.0.1. Every shared
// test talks to it over HTTP only, so each stack reuses them all through this same interface.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Test } from '@nestjs/testing';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from '../../src/app.module.js';
import { configureApp, NEST_APP_OPTIONS } from '../../src/app.js';
import type { Config } from '../../src/config.js';
import { createLogger } from '../../src/lib/logger.js';
import { NestLogger } from '../../src/nest/nest-logger.js';
import type { Services } from '../../src/services/index.js';

export interface TestServer {
  /** A listening server: supertest sends its requests to this address. */
  server: Server;
  close(): Promise<void>;
}

export async function createTestServer(services: Services, config: Config): Promise<TestServer> {
  const log = createLogger(config.LOG_LEVEL);
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.register({ services, log })] })
    .setLogger(new NestLogger(log))
    .compile();
  const app = configureApp(moduleRef.createNestApplication<NestExpressApplication>({ ...NEST_APP_OPTIONS }), { services, log });
  await app.listen(0, '127.0.0.1');
  const server = app.getHttpServer() as Server;
  if (!(server.address() as AddressInfo | null)?.port) throw new Error('the test server did not get a port');
  return {
    server,
    async close() {
      server.closeAllConnections();
      await app.close();
    },
  };
}
