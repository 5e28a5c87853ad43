// Organizations: tenant isolation (another organization's ids are 404 and never listed), roles (what a
// USER may not do), member management and the rule that an organization keeps at least one ADMIN.
import { beforeAll, describe, expect, it } from 'vitest';
import { newAdmin, newMember, newReport, type Actor } from '../helpers/actors.js';
import { unique, type SharedApp, type TestApp } from '../helpers/app.js';
import { newClerkId } from '../helpers/tokens.js';

let t: TestApp;

const ids = (res: { body: { items: { id: string }[] } }) => res.body.items.map((item) => item.id);
function expectError(res: { status: number; body: { error?: { code?: string } } }, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.body.error?.code).toBe(code);
}

export function organizationsSuite(shared: SharedApp): void {
  describe('organizations', () => {
    beforeAll(() => {
      t = shared.app;
    });

    describe('tenant isolation', () => {
      let a: Actor, aMember: Actor, b: Actor;
      let aReport: Awaited<ReturnType<typeof newReport>>;
      let aAnalysisId: string;
      beforeAll(async () => {
        [a, b] = await Promise.all([newAdmin(t), newAdmin(t)]);
        aMember = await newMember(t, a);
        aReport = await newReport(t, a, { content: 'Confidential numbers of A.' });
        const analysis = await t.http.post(`/api/reports/${aReport.id}/analysis`).set(a.auth);
        expect(analysis.status).toBe(201);
        aAnalysisId = analysis.body.id;
        await newReport(t, b);
      });

      it('each caller sees their own organization', async () => {
        expect((await t.http.get('/api/organizations/current').set(a.auth)).body.id).toBe(a.organization!.id);
        expect((await t.http.get('/api/organizations/current').set(b.auth)).body.id).toBe(b.organization!.id);
        expect(a.organization!.id).not.toBe(b.organization!.id);
      });

      it("another organization's report is 404 for every operation and never listed", async () => {
        const path = `/api/reports/${aReport.id}`;
        expectError(await t.http.get(path).set(b.auth), 404, 'NOT_FOUND');
        expectError(await t.http.patch(path).set(b.auth).send({ title: 'Mine now' }), 404, 'NOT_FOUND');
        expectError(await t.http.delete(path).set(b.auth), 404, 'NOT_FOUND');
        expect(ids(await t.http.get('/api/reports').set(b.auth))).not.toContain(aReport.id);
        expect(ids(await t.http.get('/api/reports?status=DRAFT').set(b.auth))).not.toContain(aReport.id);
        // Untouched for its owners.
        const own = await t.http.get(path).set(aMember.auth);
        expect(own.status).toBe(200);
        expect(own.body).toEqual(aReport);
      });

      it("another organization's analyses are 404 and never sent to the AI", async () => {
        const calls = t.gemini.calls.length;
        expectError(await t.http.post(`/api/reports/${aReport.id}/analysis`).set(b.auth), 404, 'NOT_FOUND');
        expectError(await t.http.get(`/api/reports/${aReport.id}/analysis`).set(b.auth), 404, 'NOT_FOUND');
        expect(t.gemini.calls.length).toBe(calls);
        expect(ids(await t.http.get(`/api/reports/${aReport.id}/analysis`).set(a.auth))).toEqual([aAnalysisId]);
      });

      it("another organization's users are 404 and never listed", async () => {
        const listed = ids(await t.http.get('/api/users').set(b.auth));
        expect(listed).toEqual([b.user.id]);
        expectError(await t.http.patch(`/api/users/${aMember.user.id}`).set(b.auth).send({ role: 'ADMIN' }), 404, 'NOT_FOUND');
        expectError(await t.http.delete(`/api/users/${aMember.user.id}`).set(b.auth), 404, 'NOT_FOUND');
        const aUsers = await t.http.get('/api/users').set(a.auth);
        expect(ids(aUsers).sort()).toEqual([a.user.id, aMember.user.id].sort());
        expect(aUsers.body.items.find((u: { id: string }) => u.id === aMember.user.id).role).toBe('USER');
      });

      it('adding a user whose clerkId already exists elsewhere → 409, nobody moves', async () => {
        const res = await t.http.post('/api/users').set(b.auth).send({ clerkId: aMember.clerkId, email: 'steal@example.com' });
        expectError(res, 409, 'CONFLICT');
        expect((await t.http.get('/auth/me').set(aMember.auth)).body.user.organizationId).toBe(a.organization!.id);
      });
    });

    describe('roles', () => {
      let admin: Actor, user: Actor;
      beforeAll(async () => {
        admin = await newAdmin(t);
        user = await newMember(t, admin);
      });

      it('a USER reads and writes reports but cannot delete them', async () => {
        const report = await newReport(t, user, { title: 'By a user' });
        expect(report.organizationId).toBe(admin.organization!.id);
        const patched = await t.http.patch(`/api/reports/${report.id}`).set(user.auth).send({ status: 'PUBLISHED' });
        expect(patched.status).toBe(200);
        expect(patched.body.status).toBe('PUBLISHED');
        expectError(await t.http.delete(`/api/reports/${report.id}`).set(user.auth), 403, 'FORBIDDEN');
        expect((await t.http.get(`/api/reports/${report.id}`).set(user.auth)).status).toBe(200);
      });

      it('a USER cannot manage users or the organization', async () => {
        expect((await t.http.get('/api/users').set(user.auth)).status).toBe(200);
        expectError(await t.http.post('/api/users').set(user.auth).send({ clerkId: newClerkId(), email: 'x@example.com' }), 403, 'FORBIDDEN');
        expectError(await t.http.patch(`/api/users/${user.user.id}`).set(user.auth).send({ role: 'ADMIN' }), 403, 'FORBIDDEN');
        expectError(await t.http.delete(`/api/users/${admin.user.id}`).set(user.auth), 403, 'FORBIDDEN');
        expectError(await t.http.patch('/api/organizations/current').set(user.auth).send({ name: 'Coup' }), 403, 'FORBIDDEN');
        expect((await t.http.get('/auth/me').set(user.auth)).body.user.role).toBe('USER');
        expect((await t.http.get('/api/organizations/current').set(user.auth)).body.name).toBe(admin.organization!.name);
      });

      it('a USER cannot write help articles', async () => {
        expectError(await t.http.post('/api/help').set(user.auth).send({ title: 'T', content: 'C' }), 403, 'FORBIDDEN');
        const id = '00000000-0000-4000-8000-000000000001';
        expectError(await t.http.patch(`/api/help/${id}`).set(user.auth).send({ title: 'T' }), 403, 'FORBIDDEN');
        expectError(await t.http.delete(`/api/help/${id}`).set(user.auth), 403, 'FORBIDDEN');
      });

      it('an ADMIN deletes a report, and its analyses go with it', async () => {
        const report = await newReport(t, user);
        expect((await t.http.post(`/api/reports/${report.id}/analysis`).set(user.auth)).status).toBe(201);
        const res = await t.http.delete(`/api/reports/${report.id}`).set(admin.auth);
        expect(res.status).toBe(204);
        expect(res.text).toBe('');
        expectError(await t.http.get(`/api/reports/${report.id}`).set(admin.auth), 404, 'NOT_FOUND');
        expectError(await t.http.get(`/api/reports/${report.id}/analysis`).set(admin.auth), 404, 'NOT_FOUND');
        expectError(await t.http.delete(`/api/reports/${report.id}`).set(admin.auth), 404, 'NOT_FOUND');
      });

      it('a promoted USER gains the ADMIN rights at once (the role is read on every request)', async () => {
        const member = await newMember(t, admin);
        const report = await newReport(t, member);
        expectError(await t.http.delete(`/api/reports/${report.id}`).set(member.auth), 403, 'FORBIDDEN');
        const promoted = await t.http.patch(`/api/users/${member.user.id}`).set(admin.auth).send({ role: 'ADMIN' });
        expect(promoted.status).toBe(200);
        expect(promoted.body).toMatchObject({ id: member.user.id, role: 'ADMIN', organizationId: admin.organization!.id });
        expect((await t.http.delete(`/api/reports/${report.id}`).set(member.auth)).status).toBe(204);
      });
    });

    describe('members and the last ADMIN', () => {
      it('adds a member with a role; its clerkId taken → 409; bad bodies → 400 with fields', async () => {
        const admin = await newAdmin(t);
        const clerkId = newClerkId();
        const email = `${unique('m-')}@example.com`;
        const res = await t.http.post('/api/users').set(admin.auth).send({ clerkId, email });
        expect(res.status).toBe(201);
        expect(res.body).toEqual({
          id: expect.any(String), clerkId, organizationId: admin.organization!.id, email, role: 'USER', createdAt: expect.any(String), updatedAt: expect.any(String),
        });
        expectError(await t.http.post('/api/users').set(admin.auth).send({ clerkId, email: 'again@example.com' }), 409, 'CONFLICT');
        const bad = await t.http.post('/api/users').set(admin.auth).send({ email: 'nope', role: 'OWNER' });
        expectError(bad, 400, 'VALIDATION_ERROR');
        expect(bad.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['clerkId', 'email', 'role']);
        // The added member can sign in with that clerkId and lands in the organization.
        const me = await t.http.get('/auth/me').set('Authorization', `Bearer ${t.token(clerkId)}`);
        expect(me.body.organization.id).toBe(admin.organization!.id);
      });

      it('the last ADMIN can be neither demoted nor deleted → 409', async () => {
        const admin = await newAdmin(t);
        expectError(await t.http.patch(`/api/users/${admin.user.id}`).set(admin.auth).send({ role: 'USER' }), 409, 'CONFLICT');
        expectError(await t.http.delete(`/api/users/${admin.user.id}`).set(admin.auth), 409, 'CONFLICT');
        expect((await t.http.get('/auth/me').set(admin.auth)).body.user.role).toBe('ADMIN');
        // Keeping the role is no demotion.
        expect((await t.http.patch(`/api/users/${admin.user.id}`).set(admin.auth).send({ role: 'ADMIN' })).status).toBe(200);
      });

      it('with two ADMINs one may step down, then the other is the last', async () => {
        const first = await newAdmin(t);
        const second = await newMember(t, first, 'ADMIN');
        const demoted = await t.http.patch(`/api/users/${first.user.id}`).set(second.auth).send({ role: 'USER' });
        expect(demoted.status).toBe(200);
        expect(demoted.body.role).toBe('USER');
        expectError(await t.http.patch(`/api/users/${second.user.id}`).set(second.auth).send({ role: 'USER' }), 409, 'CONFLICT');
        expectError(await t.http.delete(`/api/users/${second.user.id}`).set(second.auth), 409, 'CONFLICT');
      });

      it('two ADMINs demoting each other at once leave one ADMIN', async () => {
        const first = await newAdmin(t);
        const second = await newMember(t, first, 'ADMIN');
        const answers = await Promise.all([
          t.http.patch(`/api/users/${second.user.id}`).set(first.auth).send({ role: 'USER' }),
          t.http.patch(`/api/users/${first.user.id}`).set(second.auth).send({ role: 'USER' }),
        ]);
        // One wins; the other finds either a demoted caller (403) or the last ADMIN (409).
        const statuses = answers.map((r) => r.status).sort();
        expect(statuses[0]).toBe(200);
        expect([403, 409]).toContain(statuses[1]);
        const users = await t.http.get('/api/users').set(answers[0]!.status === 200 ? first.auth : second.auth);
        expect(users.body.items.filter((u: { role: string }) => u.role === 'ADMIN')).toHaveLength(1);
      });

      it('a deleted member is gone and its token no longer reaches /api', async () => {
        const admin = await newAdmin(t);
        const member = await newMember(t, admin);
        const res = await t.http.delete(`/api/users/${member.user.id}`).set(admin.auth);
        expect(res.status).toBe(204);
        expect(ids(await t.http.get('/api/users').set(admin.auth))).toEqual([admin.user.id]);
        expectError(await t.http.get('/api/reports').set(member.auth), 403, 'FORBIDDEN');
        expectError(await t.http.delete(`/api/users/${member.user.id}`).set(admin.auth), 404, 'NOT_FOUND');
      });
    });

    describe('PATCH /api/organizations/current', () => {
      it('renames and sets a domain; a domain held by another organization → 409', async () => {
        const [a, b] = await Promise.all([newAdmin(t), newAdmin(t)]);
        const domain = `${unique('d')}.example.com`;
        const name = unique('Renamed ');
        const res = await t.http.patch('/api/organizations/current').set(a.auth).send({ name, domain: domain.toUpperCase() });
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ id: a.organization!.id, name, domain });
        expect(Date.parse(res.body.updatedAt)).toBeGreaterThanOrEqual(Date.parse(a.organization!.updatedAt));
        expectError(await t.http.patch('/api/organizations/current').set(b.auth).send({ domain }), 409, 'CONFLICT');
        expect((await t.http.get('/api/organizations/current').set(b.auth)).body.domain).toBeNull();
        const bad = await t.http.patch('/api/organizations/current').set(b.auth).send({ domain: 'not a domain', name: '' });
        expectError(bad, 400, 'VALIDATION_ERROR');
        expect(bad.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['domain', 'name']);
        // null clears the domain, and frees it for another organization.
        expect((await t.http.patch('/api/organizations/current').set(a.auth).send({ domain: null })).body.domain).toBeNull();
        expect((await t.http.patch('/api/organizations/current').set(b.auth).send({ domain })).body.domain).toBe(domain);
      });
    });
  });
}
