// Reports: validation (field names, INVALID_JSON, malformed ids), keyset pagination under concurrent
// inserts, the status filter, and AI analyses through the real Gemini SDK against a local fake.
import type { Response } from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newAdmin, newMember, newReport, type Actor } from '../helpers/actors.js';
import { GEMINI_MODEL, startTestApp, unique, type SharedApp, type TestApp } from '../helpers/app.js';

let t: TestApp;

type Item = { id: string; createdAt: string };
const fields = (res: { body: { error: { details?: { field: string }[] } } }) => (res.body.error.details ?? []).map((d) => d.field).sort();
function expectError(res: { status: number; body: { error?: { code?: string } } }, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.body.error?.code).toBe(code);
}
/** Newest first: (createdAt, id) strictly decreasing. */
function expectNewestFirst(items: Item[]) {
  for (let i = 1; i < items.length; i++) {
    const [prev, next] = [items[i - 1]!, items[i]!];
    const ordered = prev.createdAt > next.createdAt || (prev.createdAt === next.createdAt && prev.id > next.id);
    expect(ordered, `${JSON.stringify(prev)} before ${JSON.stringify(next)}`).toBe(true);
  }
}
const byNewest = (a: Item, b: Item) => (a.createdAt === b.createdAt ? (a.id < b.id ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1);

export function reportsSuite(shared: SharedApp): void {
  describe('reports', () => {
    beforeAll(() => {
      t = shared.app;
    });

    describe('writing reports', () => {
      let admin: Actor;
      beforeAll(async () => {
        admin = await newAdmin(t);
      });

      it('creates with defaults and answers the bare resource', async () => {
        const title = unique('Q3 ');
        const res = await t.http.post('/api/reports').set(admin.auth).send({ title: `  ${title}  ` });
        expect(res.status).toBe(201);
        expect(res.body).toEqual({
          id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
          organizationId: admin.organization!.id,
          title,
          content: '',
          status: 'DRAFT',
          createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
          updatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        });
        expect((await t.http.get(`/api/reports/${res.body.id}`).set(admin.auth)).body).toEqual(res.body);
      });

      it('updates only what is sent', async () => {
        const report = await newReport(t, admin, { content: 'Original.' });
        const res = await t.http.patch(`/api/reports/${report.id}`).set(admin.auth).send({ status: 'ARCHIVED' });
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ id: report.id, title: report.title, content: 'Original.', status: 'ARCHIVED' });
        const empty = await t.http.patch(`/api/reports/${report.id}`).set(admin.auth).send({});
        expect(empty.status).toBe(200);
        expect(empty.body).toMatchObject({ title: report.title, status: 'ARCHIVED' });
      });

      it('names every failing field', async () => {
        const missing = await t.http.post('/api/reports').set(admin.auth).send({});
        expectError(missing, 400, 'VALIDATION_ERROR');
        expect(fields(missing)).toEqual(['title']);
        expect(missing.body.error.message).toMatch(/title/);

        const many = await t.http.post('/api/reports').set(admin.auth).send({ title: '   ', content: 5, status: 'LOST' });
        expectError(many, 400, 'VALIDATION_ERROR');
        expect(fields(many)).toEqual(['content', 'status', 'title']);

        expect(fields(await t.http.post('/api/reports').set(admin.auth).send({ title: 'x'.repeat(201) }))).toEqual(['title']);
        expect(fields(await t.http.post('/api/reports').set(admin.auth).send({ title: 'ok', content: 'x'.repeat(100_001) }))).toEqual(['content']);
        expect((await t.http.post('/api/reports').set(admin.auth).send({ title: 'x'.repeat(200), content: 'x'.repeat(100_000) })).status).toBe(201);

        const report = await newReport(t, admin);
        const patch = await t.http.patch(`/api/reports/${report.id}`).set(admin.auth).send({ title: '', status: 'GONE' });
        expectError(patch, 400, 'VALIDATION_ERROR');
        expect(fields(patch)).toEqual(['status', 'title']);
        expect((await t.http.get(`/api/reports/${report.id}`).set(admin.auth)).body.title).toBe(report.title);
      });

      it('validates query parameters', async () => {
        for (const limit of ['0', '101', 'abc', '2.5']) {
          const res = await t.http.get(`/api/reports?limit=${limit}`).set(admin.auth);
          expectError(res, 400, 'VALIDATION_ERROR');
          expect(fields(res), limit).toEqual(['limit']);
        }
        const status = await t.http.get('/api/reports?status=LOST').set(admin.auth);
        expectError(status, 400, 'VALIDATION_ERROR');
        expect(fields(status)).toEqual(['status']);
        expect((await t.http.get('/api/reports?limit=100').set(admin.auth)).status).toBe(200);
      });

      it('a body that is not JSON → 400 INVALID_JSON', async () => {
        const res = await t.http.post('/api/reports').set(admin.auth).set('Content-Type', 'application/json').send('{"title": "broken",');
        expectError(res, 400, 'INVALID_JSON');
        const patch = await t.http.patch(`/api/organizations/current`).set(admin.auth).set('Content-Type', 'application/json').send("{'name': 1}");
        expectError(patch, 400, 'INVALID_JSON');
      });

      it('a JSON body that is not an object → 400 VALIDATION_ERROR', async () => {
        const res = await t.http.post('/api/reports').set(admin.auth).send([{ title: 'in an array' }]);
        expectError(res, 400, 'VALIDATION_ERROR');
      });

      it('a malformed or unknown id → 404, never a 500', async () => {
        for (const id of ['not-a-uuid', '123', "1' or '1'='1", '00000000-0000-4000-8000-00000000000g']) {
          const path = `/api/reports/${encodeURIComponent(id)}`;
          expectError(await t.http.get(path).set(admin.auth), 404, 'NOT_FOUND');
          expectError(await t.http.patch(path).set(admin.auth).send({ title: 'x' }), 404, 'NOT_FOUND');
          expectError(await t.http.delete(path).set(admin.auth), 404, 'NOT_FOUND');
          expectError(await t.http.post(`${path}/analysis`).set(admin.auth), 404, 'NOT_FOUND');
          expectError(await t.http.patch(`/api/users/${encodeURIComponent(id)}`).set(admin.auth).send({ role: 'USER' }), 404, 'NOT_FOUND');
          expectError(await t.http.get(`/api/help/${encodeURIComponent(id)}`), 404, 'NOT_FOUND');
        }
        const unknown = '7d0c6a3e-1c51-4c3e-9a55-1f1d5d6a0b42';
        expectError(await t.http.get(`/api/reports/${unknown}`).set(admin.auth), 404, 'NOT_FOUND');
        expectError(await t.http.patch(`/api/reports/${unknown}`).set(admin.auth).send({ title: 'x' }), 404, 'NOT_FOUND');
      });
    });

    describe('keyset pagination', () => {
      it('walks every report exactly once, newest first, while others are inserted between pages', async () => {
        const admin = await newAdmin(t);
        const created: Item[] = [];
        for (let i = 0; i < 25; i++) created.push(await newReport(t, admin, { title: `Page item ${i}` }));
        const expected = [...created].sort(byNewest).map((r) => r.id);
        expect(new Set(expected).size).toBe(25);

        const seen: Item[] = [];
        const inserted: string[] = [];
        let cursor: string | null = null;
        let pages = 0;
        do {
          const res: Response = await t.http.get('/api/reports').query({ limit: 10, ...(cursor ? { cursor } : {}) }).set(admin.auth);
          expect(res.status).toBe(200);
          expect(Object.keys(res.body).sort()).toEqual(['items', 'nextCursor']);
          seen.push(...res.body.items);
          cursor = res.body.nextCursor;
          pages++;
          // Concurrent writers: newer reports must not shift the pages still to come.
          if (cursor) inserted.push(...(await Promise.all([newReport(t, admin), newReport(t, admin)])).map((r) => r.id));
        } while (cursor && pages < 10);

        expect(pages).toBe(3);
        expect(seen.map((r) => r.id)).toEqual(expected);
        expectNewestFirst(seen);
        expect(seen.map((r) => r.id).filter((id) => inserted.includes(id))).toEqual([]);

        // A fresh walk starts with the newest (the ones inserted meanwhile), 20 by default.
        const first = await t.http.get('/api/reports').set(admin.auth);
        expect(first.body.items).toHaveLength(20);
        expect(first.body.items.slice(0, 4).map((r: Item) => r.id).sort()).toEqual([...inserted].sort());
        expectNewestFirst(first.body.items);
      });

      it('a malformed cursor → 400 VALIDATION_ERROR naming cursor', async () => {
        const admin = await newAdmin(t);
        const forged = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
        for (const cursor of ['garbage', '!!!', forged({ t: 'yesterday', id: 'x' }), forged({ t: new Date().toISOString() }), forged([1, 2])]) {
          const res = await t.http.get('/api/reports').query({ cursor }).set(admin.auth);
          expectError(res, 400, 'VALIDATION_ERROR');
          expect(fields(res), cursor).toEqual(['cursor']);
        }
        expectError(await t.http.get('/api/users').query({ cursor: 'garbage' }).set(admin.auth), 400, 'VALIDATION_ERROR');
      });

      it('lists users page by page too', async () => {
        const admin = await newAdmin(t);
        const members = [];
        for (let i = 0; i < 4; i++) members.push(await newMember(t, admin));
        const all: Item[] = [];
        let cursor: string | null = null;
        do {
          const res: Response = await t.http.get('/api/users').query({ limit: 2, ...(cursor ? { cursor } : {}) }).set(admin.auth);
          expect(res.body.items.length).toBeLessThanOrEqual(2);
          all.push(...res.body.items);
          cursor = res.body.nextCursor;
        } while (cursor);
        expect(all.map((u) => u.id).sort()).toEqual([admin.user.id, ...members.map((m) => m.user.id)].sort());
        expectNewestFirst(all);
      });
    });

    describe('status filter', () => {
      it('?status= lists only reports of that status', async () => {
        const admin = await newAdmin(t);
        const made = { DRAFT: [] as string[], PUBLISHED: [] as string[], ARCHIVED: [] as string[] };
        for (const status of ['DRAFT', 'PUBLISHED', 'ARCHIVED', 'PUBLISHED', 'DRAFT', 'PUBLISHED'] as const) {
          made[status].push((await newReport(t, admin, { status })).id);
        }
        for (const status of ['DRAFT', 'PUBLISHED', 'ARCHIVED'] as const) {
          const res = await t.http.get('/api/reports').query({ status }).set(admin.auth);
          expect(res.status).toBe(200);
          expect(res.body.items.map((r: Item) => r.id).sort(), status).toEqual([...made[status]].sort());
          expect(res.body.items.every((r: { status: string }) => r.status === status)).toBe(true);
        }
        // With pagination: the cursor keeps the filter's meaning.
        const first = await t.http.get('/api/reports').query({ status: 'PUBLISHED', limit: 2 }).set(admin.auth);
        const second = await t.http.get('/api/reports').query({ status: 'PUBLISHED', limit: 2, cursor: first.body.nextCursor }).set(admin.auth);
        expect([...first.body.items, ...second.body.items].map((r: Item) => r.id).sort()).toEqual([...made.PUBLISHED].sort());
        expect(second.body.nextCursor).toBeNull();
        // Moving a report changes which list it is in.
        await t.http.patch(`/api/reports/${made.DRAFT[0]}`).set(admin.auth).send({ status: 'ARCHIVED' });
        expect((await t.http.get('/api/reports?status=ARCHIVED').set(admin.auth)).body.items.map((r: Item) => r.id)).toContain(made.DRAFT[0]);
      });
    });

    describe('AI analysis', () => {
      let admin: Actor;
      let quick: TestApp;
      let keyless: TestApp;
      beforeAll(async () => {
        admin = await newAdmin(t);
        [quick, keyless] = await Promise.all([
          startTestApp({ AI_TIMEOUT_MS: '300' }, { database: t.database }),
          startTestApp({ GOOGLE_GEMINI_API_KEY: undefined }, { database: t.database }),
        ]);
      });
      afterAll(async () => {
        await quick?.close();
        await keyless?.close();
      });
      const analyses = (reportId: string) => t.http.get(`/api/reports/${reportId}/analysis`).set(admin.auth);

      it('sends the report to Gemini with the key and model, stores the answer and lists it newest first', async () => {
        const marker = unique('revenue-marker-');
        const report = await newReport(t, admin, { title: 'Sales Q3', content: `Revenue grew 12%. ${marker}` });
        t.gemini.answer('Revenue is up; watch costs.');
        const before = t.gemini.calls.length;
        const res = await t.http.post(`/api/reports/${report.id}/analysis`).set(admin.auth);
        expect(res.status).toBe(201);
        expect(res.body).toEqual({
          id: expect.any(String),
          reportId: report.id,
          // Not in the contract's field list, but in this project's AiAnalysis schema (and OpenAPI).
          organizationId: admin.organization!.id,
          content: 'Revenue is up; watch costs.',
          provider: 'GEMINI',
          createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        });
        expect(t.gemini.calls).toHaveLength(before + 1);
        const call = t.gemini.calls.at(-1)!;
        expect(call.apiKey).toBe(t.gemini.apiKey);
        expect(call.model).toBe(GEMINI_MODEL);
        expect(call.text).toContain(marker);
        expect(call.text).toContain('Sales Q3');

        t.gemini.answer('Second opinion.');
        const second = await t.http.post(`/api/reports/${report.id}/analysis`).set(admin.auth);
        expect(second.status).toBe(201);
        const list = await analyses(report.id);
        expect(list.status).toBe(200);
        expect(list.body.nextCursor).toBeNull();
        expect(list.body.items.map((a: { content: string }) => a.content)).toEqual(['Second opinion.', 'Revenue is up; watch costs.']);
        expectNewestFirst(list.body.items);
        t.gemini.answer('Summary: fine.');
      });

      it('a member (not only an ADMIN) may ask for an analysis', async () => {
        const member = await newMember(t, admin);
        const report = await newReport(t, member);
        expect((await t.http.post(`/api/reports/${report.id}/analysis`).set(member.auth)).status).toBe(201);
      });

      it('a provider error → 502 UPSTREAM_ERROR and nothing is stored', async () => {
        const report = await newReport(t, admin);
        t.gemini.fail(500);
        try {
          const before = t.gemini.calls.length;
          const res = await t.http.post(`/api/reports/${report.id}/analysis`).set(admin.auth);
          expectError(res, 502, 'UPSTREAM_ERROR');
          expect(t.gemini.calls.length).toBe(before + 1);
          expect(JSON.stringify(res.body)).not.toContain(t.gemini.apiKey);
          t.gemini.answer('   ');
          expectError(await t.http.post(`/api/reports/${report.id}/analysis`).set(admin.auth), 502, 'UPSTREAM_ERROR');
        } finally {
          t.gemini.answer('Summary: fine.');
        }
        expect((await analyses(report.id)).body.items).toEqual([]);
      });

      it('no answer within AI_TIMEOUT_MS → 502 UPSTREAM_ERROR in time, and nothing is stored', async () => {
        const report = await newReport(t, admin);
        quick.gemini.late(2000, 'Too late.');
        const started = Date.now();
        const res = await quick.http.post(`/api/reports/${report.id}/analysis`).set(admin.auth);
        const elapsed = Date.now() - started;
        expectError(res, 502, 'UPSTREAM_ERROR');
        expect(quick.gemini.calls).toHaveLength(1);
        expect(elapsed).toBeLessThan(1500);
        await quick.gemini.idle();
        expect((await analyses(report.id)).body.items).toEqual([]);
      });

      it('without GOOGLE_GEMINI_API_KEY → 503 NOT_CONFIGURED', async () => {
        const report = await newReport(t, admin);
        const res = await keyless.http.post(`/api/reports/${report.id}/analysis`).set(admin.auth);
        expectError(res, 503, 'NOT_CONFIGURED');
        expect(keyless.gemini.calls).toHaveLength(0);
        expect((await analyses(report.id)).body.items).toEqual([]);
      });

      it('a report with empty content → 400 VALIDATION_ERROR without calling the AI', async () => {
        const before = t.gemini.calls.length;
        for (const content of ['', '   \n ']) {
          const report = await newReport(t, admin, { content });
          const res = await t.http.post(`/api/reports/${report.id}/analysis`).set(admin.auth);
          expectError(res, 400, 'VALIDATION_ERROR');
          expect(fields(res)).toEqual(['content']);
        }
        expect(t.gemini.calls.length).toBe(before);
      });
    });
  });
}
