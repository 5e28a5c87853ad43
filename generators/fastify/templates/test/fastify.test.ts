// What is Fastify's own in this stack, checked in-process with app.inject() (no socket): how its body
// parsers, router and plugins meet the contract. Everything else is in the shared suites (test/suites).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { connect, type Database } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';
import type { Logger } from '../src/lib/logger.js';
import { createServices } from '../src/services/index.js';
import { newClerkId, newKeyPair, sessionToken } from './helpers/tokens.js';

const keys = newKeyPair();
const lines: { level: string; message: string; fields?: Record<string, unknown> }[] = [];
const log: Logger = Object.fromEntries(
  (['debug', 'info', 'warn', 'error'] as const).map((level) => [level, (message: string, fields?: Record<string, unknown>) => lines.push({ level, message, fields })]),
) as unknown as Logger;

let database: Database;
let app: FastifyInstance;
let auth: { authorization: string };

beforeAll(async () => {
  const config = loadConfig({ NODE_ENV: 'test', CLERK_JWT_KEY: keys.publicPem, RATE_LIMIT_MAX: '1000', RATE_LIMIT_WINDOW_MS: '60000', DATABASE_URL: process.env.TEST_DATABASE_URL });
  database = connect(config.databaseUrl);
  await migrate(database);
  app = await buildApp(createServices(config, database), { log });
  const clerkId = newClerkId();
  auth = { authorization: `Bearer ${sessionToken(keys, clerkId)}` };
  const sync = await app.inject({ method: 'POST', url: '/auth/sync', headers: auth, payload: { email: `${clerkId}@example.com`, organizationName: 'Fastify Org' } });
  expect(sync.statusCode).toBe(200);
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe('body parsing', () => {
  it('Content-Type: application/json with an empty body is no body (PATCH → 200 unchanged)', async () => {
    const res = await app.inject({ method: 'PATCH', url: '/api/organizations/current', headers: { ...auth, 'content-type': 'application/json' }, payload: '' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Fastify Org' });
  });

  it('a content type Fastify has no parser for (FST_ERR_CTP_INVALID_MEDIA_TYPE) → 400 in the contract shape', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/reports', headers: { ...auth, 'content-type': 'application/x-www-form-urlencoded' }, payload: 'title=x' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ error: { code: 'VALIDATION_ERROR', message: expect.stringMatching(/Content-Type/), details: [{ field: 'body', message: expect.any(String) }] } });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-request-id']).toBeTruthy();
  });

  it('a body with __proto__ is refused as INVALID_JSON (secure-json-parse), never merged', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/reports', headers: { ...auth, 'content-type': 'application/json' }, payload: '{"title": "x", "__proto__": {"admin": true}}' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('INVALID_JSON');
  });

  it('the webhook route keeps its own raw-text parser, the API routes do not get it', async () => {
    const webhook = await app.inject({ method: 'POST', url: '/auth/webhooks/clerk', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'a=b' });
    // Parsed as text (no 415), then refused for its missing signature (the secret is not set here: 503).
    expect(webhook.statusCode).toBe(503);
    expect(webhook.json().error.code).toBe('NOT_CONFIGURED');
  });
});

describe('router', () => {
  it('a URL the router cannot decode is a 404 in the contract shape, with the usual headers', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/reports/%E0%A4%A', headers: { ...auth, 'x-request-id': 'bad-url-1' } });
    expect(res.statusCode).toBe(404);
    // From frameworkErrors (the router refused the URL), not from the params schema (same 404, other words).
    expect(res.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'not found: the URL is malformed' } });
    expect(res.headers['x-request-id']).toBe('bad-url-1');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('a trailing slash reaches the same route', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/reports/', headers: auth });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ items: expect.any(Array) });
  });
});

describe('rate-limit headers', () => {
  it('answers carry RateLimit and RateLimit-Policy (draft 7), not the plugin’s split headers; /health none', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/help' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['ratelimit-policy']).toBe('1000;w=60');
    expect(res.headers.ratelimit).toMatch(/^limit=1000, remaining=\d+, reset=\d+$/);
    expect(res.headers['ratelimit-limit']).toBeUndefined();
    expect(res.headers['x-ratelimit-limit']).toBeUndefined();
    const health = await app.inject({ method: 'GET', url: '/health' });
    expect(health.headers.ratelimit).toBeUndefined();
  });
});

describe('logs', () => {
  it('one line per request with id, method, path, status and duration; never headers, query or body', async () => {
    lines.length = 0;
    const secret = 'very-secret-content-1234';
    const res = await app.inject({ method: 'POST', url: `/api/reports?x=${secret}`, headers: { ...auth, 'x-request-id': 'log-test-1' }, payload: { title: 'Logged', content: secret } });
    expect(res.statusCode).toBe(201);
    const request = lines.filter((l) => l.message === 'request');
    expect(request).toEqual([{ level: 'info', message: 'request', fields: { requestId: 'log-test-1', method: 'POST', path: '/api/reports', status: 201, ms: expect.any(Number) } }]);
    const everything = JSON.stringify(lines);
    expect(everything).not.toContain(secret);
    expect(everything).not.toContain(auth.authorization.slice(7));
  });
});
