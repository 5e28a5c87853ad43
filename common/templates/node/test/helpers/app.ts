// One real application per test file: configuration through loadConfig, a real database (PGlite or SQLite
// in memory by default, TEST_DATABASE_URL when set) migrated with the real migrate(), the real services,
// and the stack's own HTTP server from ./server.ts. Clerk keys and Gemini are local: a key pair made here
// and a fake Gemini server. Tests reach the app over HTTP only (supertest).
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { loadConfig, type Config } from '../../src/config.js';
import { connect, type Database } from '../../src/db/client.js';
import { migrate } from '../../src/db/migrate.js';
import { createServices, type Services } from '../../src/services/index.js';
import { startFakeGemini, type FakeGemini } from './gemini.js';
import { createTestServer } from './server.js';
import { newWebhookSecret } from './svix.js';
import { AUTHORIZED_PARTY, newKeyPair, sessionToken, type Claims, type KeyPair } from './tokens.js';

export const FRONTEND_ORIGIN = 'http://frontend.test.example.com';
export const GEMINI_MODEL = 'gemini-test-flash';

export interface TestApp {
  /** supertest bound to the running server: `t.http.get('/health')`. */
  http: ReturnType<typeof request>;
  config: Config;
  /** The app's database: pass it to another startTestApp to share it (PGlite takes seconds to start). */
  database: Database;
  keys: KeyPair;
  gemini: FakeGemini;
  webhookSecret: string;
  /** A valid session token for `sub` (claims may be overridden). */
  token(sub: string, overrides?: Claims): string;
  /** Closes the app's own database; the HTTP server keeps answering (for readiness tests). */
  closeDatabase(): Promise<void>;
  close(): Promise<void>;
}

// One key pair per test file (worker module instance): RSA generation costs ~100 ms.
let sharedKeys: KeyPair | undefined;

/** The app of a test file, set in its beforeAll and read by the suites in theirs. */
export interface SharedApp {
  app: TestApp;
}

export interface StartOptions {
  /** Use this (already migrated) database instead of opening one; the app then leaves it open on close(). */
  database?: Database;
}

/**
 * Starts the app with the test configuration; `overrides` change or unset (undefined) any variable.
 * A second app with other settings is cheap when it shares the first one's database: `{ database: t.database }`.
 */
export async function startTestApp(overrides: Record<string, string | undefined> = {}, options: StartOptions = {}): Promise<TestApp> {
  const keys = (sharedKeys ??= newKeyPair());
  const gemini = await startFakeGemini(`test-gemini-key-${randomUUID()}`);
  const webhookSecret = newWebhookSecret();
  const config = loadConfig({
    NODE_ENV: 'test',
    CLERK_JWT_KEY: keys.publicPem,
    CLERK_AUTHORIZED_PARTIES: `${AUTHORIZED_PARTY},http://other-app.test.example.com`,
    CLERK_WEBHOOK_SIGNING_SECRET: webhookSecret,
    GOOGLE_GEMINI_API_KEY: gemini.apiKey,
    GEMINI_BASE_URL: gemini.url,
    GEMINI_MODEL,
    AI_TIMEOUT_MS: '5000',
    // Tests make many requests from one address; the rate-limit test sets its own small limit.
    RATE_LIMIT_MAX: '1000000',
    FRONTEND_URL: FRONTEND_ORIGIN,
    LOG_LEVEL: 'silent',
    DATABASE_URL: process.env.TEST_DATABASE_URL,
    ...overrides,
  });
  const database = options.database ?? connect(config.databaseUrl);
  let databaseOpen = !options.database;
  const closeDatabase = async () => {
    if (databaseOpen) (databaseOpen = false), await database.close();
  };
  let stack: Awaited<ReturnType<typeof createTestServer>> | undefined;
  try {
    if (!options.database) await migrate(database);
    const services: Services = createServices(config, database);
    stack = await createTestServer(services, config);
  } catch (error) {
    await closeDatabase();
    await gemini.close();
    throw error;
  }
  const server = stack.server;
  return {
    http: request(server),
    config,
    database,
    keys,
    gemini,
    webhookSecret,
    token: (sub, claims) => sessionToken(keys, sub, claims),
    closeDatabase,
    async close() {
      await stack.close();
      await gemini.close();
      await closeDatabase();
    },
  };
}

/** A short random suffix for names, e-mails and categories, so tests never collide on a shared database. */
export const unique = (prefix = '') => `${prefix}${randomUUID().slice(0, 8)}`;
