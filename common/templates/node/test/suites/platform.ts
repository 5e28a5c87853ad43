// Health, readiness, the OpenAPI document and the HTTP policies every response follows: request ids,
// security headers, CORS and the contract's 404 for unknown routes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operations } from '../../src/types/operations.js';
import { newAdmin } from '../helpers/actors.js';
import { FRONTEND_ORIGIN, startTestApp, type SharedApp, type TestApp } from '../helpers/app.js';
import { svixHeaders, userEvent } from '../helpers/svix.js';
import { newClerkId } from '../helpers/tokens.js';

let t: TestApp;

export function platformSuite(shared: SharedApp): void {
  describe('platform', () => {
    beforeAll(() => {
      t = shared.app;
    });

    describe('health', () => {
      it('GET /health answers {status: ok}', async () => {
        const res = await t.http.get('/health');
        expect(res.status).toBe(200);
        expect(res.headers['content-type']).toMatch(/^application\/json/);
        expect(res.body).toEqual({ status: 'ok' });
      });

      it('GET /health/ready checks the database', async () => {
        const res = await t.http.get('/health/ready');
        expect(res.status).toBe(200);
        expect(res.body).toEqual({ status: 'ok', db: 'ok' });
      });
    });

    describe('GET /openapi.json', () => {
      it('is an OpenAPI 3.1 document of every operation', async () => {
        const res = await t.http.get('/openapi.json');
        expect(res.status).toBe(200);
        const doc = res.body as { openapi: string; paths: Record<string, Record<string, { operationId: string; responses: Record<string, unknown> }>> };
        expect(doc.openapi).toMatch(/^3\.1\./);
        const documented = Object.entries(doc.paths).flatMap(([path, methods]) =>
          Object.entries(methods).map(([method, op]) => `${method.toUpperCase()} ${path} ${op.operationId}`),
        );
        const expected = Object.entries(operations).map(([id, op]) => `${op.method.toUpperCase()} ${op.path.replace(/:(\w+)/g, '{$1}')} ${id}`);
        expect(documented.sort()).toEqual(expected.sort());
        expect(expected.length).toBeGreaterThanOrEqual(24);
        for (const [id, op] of Object.entries(operations)) {
          const path = op.path.replace(/:(\w+)/g, '{$1}');
          expect(Object.keys(doc.paths[path]![op.method]!.responses), id).toContain(String(op.status));
        }
      });

      it('documents request schemas from the validators', async () => {
        const res = await t.http.get('/openapi.json');
        const createReport = res.body.paths['/api/reports'].post;
        const schema = createReport.requestBody.content['application/json'].schema;
        expect(schema.properties.title).toMatchObject({ type: 'string', minLength: 1, maxLength: 200 });
        expect(schema.required).toContain('title');
        const list = res.body.paths['/api/reports'].get.parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name}`);
        expect(list).toEqual(expect.arrayContaining(['query:limit', 'query:cursor', 'query:status']));
      });
    });

    describe('every response', () => {
      it('carries the caller X-Request-Id when sane, a fresh one otherwise', async () => {
        const mine = await t.http.get('/health').set('X-Request-Id', 'req-abc.123');
        expect(mine.headers['x-request-id']).toBe('req-abc.123');
        const made = await t.http.get('/api/nothing-here');
        expect(made.headers['x-request-id']).toMatch(/^[\w.:@-]{8,128}$/);
        const insane = await t.http.get('/health').set('X-Request-Id', 'no spaces <allowed>');
        expect(insane.headers['x-request-id']).not.toBe('no spaces <allowed>');
        expect(insane.headers['x-request-id']).toMatch(/^[\w.:@-]{8,128}$/);
        const other = await t.http.get('/health');
        expect(other.headers['x-request-id']).not.toBe(made.headers['x-request-id']);
      });

      it('has nosniff and no X-Powered-By, on success and error alike', async () => {
        for (const res of [await t.http.get('/health'), await t.http.get('/api/reports'), await t.http.get('/nope')]) {
          expect(res.headers['x-content-type-options']).toBe('nosniff');
          expect(res.headers['x-powered-by']).toBeUndefined();
        }
      });

      it('an unknown route is a 404 in the contract shape', async () => {
        const res = await t.http.get('/api/does-not-exist');
        expect(res.status).toBe(404);
        expect(res.body).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String) } });
        expect((await t.http.delete('/health')).status).toBe(404);
      });
    });

    describe('CORS', () => {
      it('echoes an allowed origin, with credentials', async () => {
        const res = await t.http.get('/health').set('Origin', FRONTEND_ORIGIN);
        expect(res.headers['access-control-allow-origin']).toBe(FRONTEND_ORIGIN);
        expect(res.headers['access-control-allow-credentials']).toBe('true');
      });

      it('answers a preflight from an allowed origin', async () => {
        const res = await t.http
          .options('/api/reports')
          .set('Origin', FRONTEND_ORIGIN)
          .set('Access-Control-Request-Method', 'POST')
          .set('Access-Control-Request-Headers', 'authorization,content-type');
        expect(res.status).toBeLessThan(300);
        expect(res.headers['access-control-allow-origin']).toBe(FRONTEND_ORIGIN);
        expect(res.headers['access-control-allow-methods']).toMatch(/POST/);
      });

      it('gives a foreign origin no Access-Control-Allow-Origin (localhost neither, outside development)', async () => {
        for (const origin of ['https://evil.example.com', 'http://localhost:3000']) {
          const res = await t.http.get('/health').set('Origin', origin);
          expect(res.status).toBe(200);
          expect(res.headers['access-control-allow-origin'], origin).toBeUndefined();
          const preflight = await t.http.options('/api/reports').set('Origin', origin).set('Access-Control-Request-Method', 'POST');
          expect(preflight.headers['access-control-allow-origin'], origin).toBeUndefined();
        }
      });
    });

    describe('CORS in development', () => {
      let dev: TestApp;
      beforeAll(async () => {
        dev = await startTestApp({ NODE_ENV: 'development' }, { database: t.database });
      });
      afterAll(async () => {
        await dev?.close();
      });

      it('also allows any http://localhost:* origin, still nobody else, never *', async () => {
        for (const origin of ['http://localhost:5173', 'http://127.0.0.1:3000', FRONTEND_ORIGIN]) {
          const res = await dev.http.get('/health').set('Origin', origin);
          expect(res.headers['access-control-allow-origin'], origin).toBe(origin);
          expect(res.headers['access-control-allow-credentials']).toBe('true');
        }
        for (const origin of ['https://localhost:5173', 'http://localhost.evil.example.com', 'null']) {
          const res = await dev.http.get('/health').set('Origin', origin);
          expect(res.headers['access-control-allow-origin'], origin).toBeUndefined();
        }
      });
    });

    describe('rate limit', () => {
      let limited: TestApp;
      beforeAll(async () => {
        limited = await startTestApp({ RATE_LIMIT_MAX: '3', RATE_LIMIT_WINDOW_MS: '60000' }, { database: t.database });
      });
      afterAll(async () => {
        await limited?.close();
      });

      it('/health* is exempt and uncounted; the 4th request in the window gets 429 with Retry-After', async () => {
        for (let i = 0; i < 6; i++) {
          expect((await limited.http.get('/health')).status).toBe(200);
          expect((await limited.http.get('/health/ready')).status).toBe(200);
        }
        for (let i = 0; i < 3; i++) expect((await limited.http.get('/api/help')).status, `request ${i + 1}`).toBe(200);
        const res = await limited.http.get('/api/help');
        expect(res.status).toBe(429);
        expect(res.body.error.code).toBe('RATE_LIMITED');
        const retryAfter = Number(res.headers['retry-after']);
        expect(Number.isInteger(retryAfter)).toBe(true);
        expect(retryAfter).toBeGreaterThanOrEqual(1);
        expect(retryAfter).toBeLessThanOrEqual(60);
        expect(res.headers['x-request-id']).toBeTruthy();
        // Every route counts, not just the one that was hammered; health stays open.
        expect((await limited.http.get('/api/reports')).status).toBe(429);
        expect((await limited.http.get('/health')).status).toBe(200);
      });

      it('another app (its own limiter) is not affected', async () => {
        expect((await t.http.get('/api/help')).status).toBe(200);
      });
    });

    describe('body limit', () => {
      let small: TestApp;
      beforeAll(async () => {
        small = await startTestApp({ BODY_LIMIT: '1kb' }, { database: t.database });
      });
      afterAll(async () => {
        await small?.close();
      });

      it('a JSON body over BODY_LIMIT → 413 PAYLOAD_TOO_LARGE; under it passes', async () => {
        const admin = await newAdmin(small);
        const big = await small.http.post('/api/reports').set(admin.auth).send({ title: 'Big', content: 'x'.repeat(2000) });
        expect(big.status).toBe(413);
        expect(big.body.error.code).toBe('PAYLOAD_TOO_LARGE');
        const fits = await small.http.post('/api/reports').set(admin.auth).send({ title: 'Small', content: 'x'.repeat(500) });
        expect(fits.status).toBe(201);
        const list = await small.http.get('/api/reports').set(admin.auth);
        expect(list.body.items.map((r: { title: string }) => r.title)).toEqual(['Small']);
      });

      it('applies to webhooks too', async () => {
        const body = userEvent('user.created', newClerkId(), `${'x'.repeat(2000)}@example.com`);
        const res = await small.http.post('/auth/webhooks/clerk').set(svixHeaders(small.webhookSecret, body)).send(body);
        expect(res.status).toBe(413);
        expect(res.body.error.code).toBe('PAYLOAD_TOO_LARGE');
      });
    });
  });
}

/** Closes the shared app's database: run it last. */
export function readinessSuite(shared: SharedApp): void {
  describe('readiness without a database', () => {
    it('GET /health/ready answers 503 when the database is gone, /health still 200', async () => {
      const app = shared.app;
      await app.closeDatabase();
      const ready = await app.http.get('/health/ready');
      expect(ready.status).toBe(503);
      expect(ready.body).toEqual({ status: 'unavailable', db: 'error' });
      expect((await app.http.get('/health')).status).toBe(200);
    });
  });
}
