// Help articles: public reading of published articles (category and q filters, pagination), exact view
// counts under concurrent reads, and writes reserved to ADMINs. Every test works in its own random
// category, so a shared database with other articles does not disturb it.
import type { Response } from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { newAdmin, newLoner, type Actor } from '../helpers/actors.js';
import { unique, type SharedApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
let admin: Actor;

interface Article { id: string; title: string; content: string; category: string; isPublished: boolean; viewCount: number; createdAt: string; updatedAt: string }

async function write(body: Partial<Article>): Promise<Article> {
  const res = await t.http.post('/api/help').set(admin.auth).send({ content: 'How to do it.', isPublished: true, ...body, title: body.title ?? unique('Article ') });
  expect(res.status).toBe(201);
  return res.body;
}
const titles = (res: Response) => (res.body.items as Article[]).map((a) => a.title);
const fields = (res: Response) => (res.body.error.details as { field: string }[]).map((d) => d.field).sort();

export function helpSuite(shared: SharedApp): void {
  describe('help', () => {
    beforeAll(async () => {
      t = shared.app;
      admin = await newAdmin(t);
    });

    describe('reading', () => {
      it('lists only published articles, newest first, without a token', async () => {
        const category = unique('cat-');
        const first = await write({ category, title: 'First' });
        await write({ category, title: 'Hidden', isPublished: false });
        const second = await write({ category, title: 'Second' });
        const res = await t.http.get('/api/help').query({ category });
        expect(res.status).toBe(200);
        expect(res.body.nextCursor).toBeNull();
        const newestFirst = [second, first].sort((a, b) => (a.createdAt === b.createdAt ? (a.id < b.id ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1));
        expect(res.body.items.map((a: Article) => a.id)).toEqual(newestFirst.map((a) => a.id));
        expect(titles(res).sort()).toEqual(['First', 'Second']);
        expect(res.body.items[0]).toEqual({
          id: expect.any(String), title: expect.any(String), content: 'How to do it.', category, isPublished: true, viewCount: 0,
          createdAt: expect.stringMatching(/\.\d{3}Z$/), updatedAt: expect.stringMatching(/\.\d{3}Z$/),
        });
      });

      it('an unpublished article is 404 until an ADMIN publishes it', async () => {
        const category = unique('cat-');
        const draft = await write({ category, isPublished: false });
        const hidden = await t.http.get(`/api/help/${draft.id}`);
        expect(hidden.status).toBe(404);
        expect(hidden.body.error.code).toBe('NOT_FOUND');
        const published = await t.http.patch(`/api/help/${draft.id}`).set(admin.auth).send({ isPublished: true });
        expect(published.status).toBe(200);
        expect(published.body).toMatchObject({ id: draft.id, isPublished: true, title: draft.title });
        const seen = await t.http.get(`/api/help/${draft.id}`);
        expect(seen.status).toBe(200);
        expect(seen.body.viewCount).toBe(1);
        expect((await t.http.get('/api/help').query({ category })).body.items.map((a: Article) => a.id)).toEqual([draft.id]);
      });

      it('q matches a case-insensitive substring of title or content, % and _ literally', async () => {
        const category = unique('cat-');
        await write({ category, title: 'Resetting your PASSWORD', content: 'Open settings.' });
        await write({ category, title: 'Invoices', content: 'Download the password-protected PDF.' });
        await write({ category, title: 'Discounts', content: 'Save 50% on plans.' });
        await write({ category, title: 'Big numbers', content: 'Up to 500 seats.' });
        await write({ category, title: 'snake_case names', content: 'Naming.' });
        await write({ category, title: 'snakeXcase', content: 'Naming.' });
        await write({ category, title: 'Secret password draft', isPublished: false });
        const search = async (q: string) => titles(await t.http.get('/api/help').query({ category, q })).sort();
        expect(await search('password')).toEqual(['Invoices', 'Resetting your PASSWORD']);
        expect(await search('PassWord')).toEqual(['Invoices', 'Resetting your PASSWORD']);
        expect(await search('50%')).toEqual(['Discounts']);
        expect(await search('e_c')).toEqual(['snake_case names']);
        expect(await search('no such text anywhere')).toEqual([]);
      });

      it('the category filter is exact', async () => {
        const category = unique('cat-');
        await write({ category, title: 'In' });
        await write({ category: `${category}-other`, title: 'Out' });
        expect(titles(await t.http.get('/api/help').query({ category }))).toEqual(['In']);
      });

      it('pages with a cursor', async () => {
        const category = unique('cat-');
        const made = [];
        for (let i = 0; i < 5; i++) made.push(await write({ category, title: `Page ${i}` }));
        const seen: string[] = [];
        let cursor: string | null = null;
        let pages = 0;
        do {
          const res: Response = await t.http.get('/api/help').query({ category, limit: 2, ...(cursor ? { cursor } : {}) });
          expect(res.status).toBe(200);
          seen.push(...titles(res));
          cursor = res.body.nextCursor;
          pages++;
        } while (cursor && pages < 10);
        expect(pages).toBe(3);
        expect([...seen].sort()).toEqual(made.map((a) => a.title).sort());
        expect(new Set(seen).size).toBe(5);
        const bad = await t.http.get('/api/help').query({ cursor: 'nope' });
        expect(bad.status).toBe(400);
        expect(fields(bad)).toEqual(['cursor']);
      });
    });

    describe('views', () => {
      it('each GET /api/help/:id counts exactly one view, also concurrently, and shows the count with it', async () => {
        const article = await write({ category: unique('cat-') });
        const first = await t.http.get(`/api/help/${article.id}`);
        expect(first.body.viewCount).toBe(1);
        const answers = await Promise.all(Array.from({ length: 20 }, () => t.http.get(`/api/help/${article.id}`)));
        expect(answers.every((r) => r.status === 200)).toBe(true);
        expect(answers.map((r) => r.body.viewCount).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 2));
        const last = await t.http.get(`/api/help/${article.id}`);
        expect(last.body.viewCount).toBe(22);
        // A view is not an edit.
        expect(last.body.updatedAt).toBe(article.updatedAt);
        expect((await t.http.get('/api/help').query({ category: article.category })).body.items[0].viewCount).toBe(22);
      });
    });

    describe('writing', () => {
      it('an ADMIN creates with defaults, updates and deletes', async () => {
        const created = await t.http.post('/api/help').set(admin.auth).send({ title: unique('Draft '), content: 'Body.' });
        expect(created.status).toBe(201);
        expect(created.body).toMatchObject({ category: 'general', isPublished: false, viewCount: 0, content: 'Body.' });
        const id = created.body.id as string;
        const category = unique('cat-');
        const updated = await t.http.patch(`/api/help/${id}`).set(admin.auth).send({ category, title: 'Renamed', isPublished: true });
        expect(updated.status).toBe(200);
        expect(updated.body).toMatchObject({ id, category, title: 'Renamed', isPublished: true, content: 'Body.' });
        expect(titles(await t.http.get('/api/help').query({ category }))).toEqual(['Renamed']);
        const deleted = await t.http.delete(`/api/help/${id}`).set(admin.auth);
        expect(deleted.status).toBe(204);
        expect((await t.http.get(`/api/help/${id}`)).status).toBe(404);
        expect(titles(await t.http.get('/api/help').query({ category }))).toEqual([]);
        expect((await t.http.delete(`/api/help/${id}`).set(admin.auth)).status).toBe(404);
        expect((await t.http.patch(`/api/help/${id}`).set(admin.auth).send({ title: 'x' })).status).toBe(404);
      });

      it('validates with field names', async () => {
        const res = await t.http.post('/api/help').set(admin.auth).send({ title: '', category: '', isPublished: 'yes' });
        expect(res.status).toBe(400);
        expect(res.body.error.code).toBe('VALIDATION_ERROR');
        expect(fields(res)).toEqual(['category', 'content', 'isPublished', 'title']);
        const query = await t.http.get('/api/help').query({ category: 'x'.repeat(101), limit: 0 });
        expect(query.status).toBe(400);
        expect(fields(query)).toEqual(['category', 'limit']);
      });

      it('needs a token, an organization and the ADMIN role', async () => {
        const anonymous = await t.http.post('/api/help').send({ title: 'T', content: 'C' });
        expect(anonymous.status).toBe(401);
        expect(anonymous.body.error.code).toBe('UNAUTHENTICATED');
        const loner = await newLoner(t);
        const res = await t.http.post('/api/help').set(loner.auth).send({ title: 'T', content: 'C' });
        expect(res.status).toBe(403);
        expect(res.body.error.code).toBe('FORBIDDEN');
      });
    });
  });
}
