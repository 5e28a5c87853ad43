// Clerk session tokens through the real @clerk/backend verification, /auth/sync and /auth/me, the
// caller without an organization, and Svix-signed Clerk webhooks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newAdmin, newLoner, newMember } from '../helpers/actors.js';
import { startTestApp, unique, type SharedApp, type TestApp } from '../helpers/app.js';
import { svixHeaders, userEvent } from '../helpers/svix.js';
import { bearer, hs256Token, newClerkId, newKeyPair, sessionClaims, signRs256, unsignedToken } from '../helpers/tokens.js';

let t: TestApp;
let unconfigured: TestApp;

const now = () => Math.floor(Date.now() / 1000);

function expectUnauthenticated(res: { status: number; body: { error?: { code?: string } } }) {
  expect(res.status).toBe(401);
  expect(res.body.error?.code).toBe('UNAUTHENTICATED');
}

export function authSuite(shared: SharedApp): void {
  describe('auth', () => {
    beforeAll(async () => {
      t = shared.app;
      // The same database, without any Clerk setting.
      unconfigured = await startTestApp(
        { CLERK_JWT_KEY: undefined, CLERK_SECRET_KEY: undefined, CLERK_WEBHOOK_SIGNING_SECRET: undefined },
        { database: t.database },
      );
    });
    afterAll(async () => {
      await unconfigured?.close();
    });

    describe('session tokens', () => {
      let admin: Awaited<ReturnType<typeof newAdmin>>;
      beforeAll(async () => {
        admin = await newAdmin(t);
      });
      const me = (headers: Record<string, string>) => t.http.get('/auth/me').set(headers);

      it('a valid token reaches /auth/me and /api', async () => {
        expect((await me(bearer(t.token(admin.clerkId)))).status).toBe(200);
        expect((await t.http.get('/api/reports').set(bearer(t.token(admin.clerkId)))).status).toBe(200);
      });

      it('no credentials, another scheme or a malformed token → 401', async () => {
        expectUnauthenticated(await t.http.get('/auth/me'));
        expectUnauthenticated(await t.http.get('/api/reports'));
        expectUnauthenticated(await me({ Authorization: 'Basic dXNlcjpwYXNz' }));
        expectUnauthenticated(await me({ Authorization: 'Bearer' }));
        expectUnauthenticated(await me(bearer('not.a.jwt')));
        expectUnauthenticated(await me(bearer('abc')));
      });

      it('an expired token → 401; within the 5 s of skew it still passes', async () => {
        expectUnauthenticated(await me(bearer(t.token(admin.clerkId, { iat: now() - 120, nbf: now() - 120, exp: now() - 60 }))));
        expectUnauthenticated(await me(bearer(t.token(admin.clerkId, { iat: now() - 120, nbf: now() - 120, exp: now() - 10 }))));
        expect((await me(bearer(t.token(admin.clerkId, { iat: now() - 120, nbf: now() - 120, exp: now() - 2 })))).status).toBe(200);
      });

      it('a token not valid yet (nbf beyond 5 s) → 401; a small skew passes', async () => {
        expectUnauthenticated(await me(bearer(t.token(admin.clerkId, { nbf: now() + 60, iat: now() }))));
        expectUnauthenticated(await me(bearer(t.token(admin.clerkId, { nbf: now() + 15, iat: now() }))));
        expect((await me(bearer(t.token(admin.clerkId, { nbf: now() + 2, iat: now() })))).status).toBe(200);
      });

      it('a token signed with another key → 401', async () => {
        expectUnauthenticated(await me(bearer(signRs256(newKeyPair(), sessionClaims(admin.clerkId)))));
      });

      it('a token whose payload was changed after signing → 401', async () => {
        const [header, , signature] = t.token(newClerkId()).split('.');
        const payload = Buffer.from(JSON.stringify(sessionClaims(admin.clerkId))).toString('base64url');
        expectUnauthenticated(await me(bearer(`${header}.${payload}.${signature}`)));
      });

      it('alg none and HS256 keyed with the public key → 401', async () => {
        expectUnauthenticated(await me(bearer(unsignedToken(sessionClaims(admin.clerkId)))));
        expectUnauthenticated(await me(bearer(hs256Token(t.keys.publicPem, sessionClaims(admin.clerkId), t.keys.kid))));
        expectUnauthenticated(await me(bearer(signRs256(t.keys, sessionClaims(admin.clerkId), { alg: 'HS256' }))));
      });

      it('azp must be one of CLERK_AUTHORIZED_PARTIES; a token without azp is accepted', async () => {
        expectUnauthenticated(await me(bearer(t.token(admin.clerkId, { azp: 'https://evil.example.com' }))));
        expect((await me(bearer(t.token(admin.clerkId, { azp: 'http://other-app.test.example.com' })))).status).toBe(200);
        expect((await me(bearer(t.token(admin.clerkId, { azp: undefined })))).status).toBe(200);
      });

      it('a token without sub → 401', async () => {
        expectUnauthenticated(await me(bearer(t.token(admin.clerkId, { sub: undefined }))));
      });

      it('roles come from the database, not from token claims', async () => {
        const member = await newMember(t, admin);
        const claims = { org_role: 'org:admin', role: 'ADMIN', org_id: admin.organization!.id };
        const res = await t.http.post('/api/help').set(bearer(t.token(member.clerkId, claims))).send({ title: 'x', content: 'y' });
        expect(res.status).toBe(403);
        expect(res.body.error.code).toBe('FORBIDDEN');
      });
    });

    describe('without a Clerk key', () => {
      it('every authenticated route answers 503 NOT_CONFIGURED; public routes work', async () => {
        const token = bearer(t.token(newClerkId()));
        for (const res of [
          await unconfigured.http.get('/auth/me').set(token),
          await unconfigured.http.post('/auth/sync').set(token).send({ email: 'a@example.com' }),
          await unconfigured.http.get('/api/reports').set(token),
          await unconfigured.http.get('/api/reports'),
        ]) {
          expect(res.status).toBe(503);
          expect(res.body.error.code).toBe('NOT_CONFIGURED');
        }
        expect((await unconfigured.http.get('/api/help')).status).toBe(200);
        expect((await unconfigured.http.get('/health')).status).toBe(200);
      });
    });

    describe('POST /auth/sync and GET /auth/me', () => {
      it('/auth/me is 404 before the first sync', async () => {
        const res = await t.http.get('/auth/me').set(bearer(t.token(newClerkId())));
        expect(res.status).toBe(404);
        expect(res.body.error.code).toBe('NOT_FOUND');
      });

      it('sync without organizationName makes a user without an organization', async () => {
        const clerkId = newClerkId();
        const email = `${unique('u-')}@example.com`;
        const res = await t.http.post('/auth/sync').set(bearer(t.token(clerkId))).send({ email });
        expect(res.status).toBe(200);
        expect(res.body).toEqual({
          user: { id: expect.any(String), clerkId, organizationId: null, email, role: 'USER', createdAt: expect.any(String), updatedAt: expect.any(String) },
          organization: null,
        });
        expect(res.body.user.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
        const me = await t.http.get('/auth/me').set(bearer(t.token(clerkId)));
        expect(me.status).toBe(200);
        expect(me.body).toEqual(res.body);
      });

      it('sync with organizationName founds an organization and makes the caller its ADMIN', async () => {
        const clerkId = newClerkId();
        const name = unique('Acme ');
        const res = await t.http.post('/auth/sync').set(bearer(t.token(clerkId))).send({ email: `${unique()}@example.com`, organizationName: name });
        expect(res.status).toBe(200);
        expect(res.body.organization).toEqual({ id: expect.any(String), name, domain: null, createdAt: expect.any(String), updatedAt: expect.any(String) });
        expect(res.body.user).toMatchObject({ clerkId, role: 'ADMIN', organizationId: res.body.organization.id });
        const org = await t.http.get('/api/organizations/current').set(bearer(t.token(clerkId)));
        expect(org.status).toBe(200);
        expect(org.body).toEqual(res.body.organization);
      });

      it('a second sync updates the email and keeps the organization; it never founds another one', async () => {
        const admin = await newAdmin(t);
        const email = `${unique('new-')}@example.com`;
        const res = await t.http.post('/auth/sync').set(admin.auth).send({ email, organizationName: unique('Other ') });
        expect(res.status).toBe(200);
        expect(res.body.user).toMatchObject({ id: admin.user.id, email, role: 'ADMIN', organizationId: admin.organization!.id });
        expect(res.body.organization.id).toBe(admin.organization!.id);
        expect(res.body.organization.name).toBe(admin.organization!.name);
      });

      it('concurrent first syncs of one user make one user and at most one organization', async () => {
        const clerkId = newClerkId();
        const email = `${unique()}@example.com`;
        const answers = await Promise.all(
          [1, 2, 3].map(() => t.http.post('/auth/sync').set(bearer(t.token(clerkId))).send({ email, organizationName: unique('Race ') })),
        );
        for (const res of answers) expect(res.status).toBe(200);
        expect(new Set(answers.map((r) => r.body.user.id)).size).toBe(1);
        const me = await t.http.get('/auth/me').set(bearer(t.token(clerkId)));
        expect(me.body.user.role).toBe('ADMIN');
        expect(answers.map((r) => r.body.organization?.id)).toEqual([me.body.organization.id, me.body.organization.id, me.body.organization.id]);
      });

      it('validates the body with field names', async () => {
        const res = await t.http.post('/auth/sync').set(bearer(t.token(newClerkId()))).send({ email: 'not-an-email', organizationName: '' });
        expect(res.status).toBe(400);
        expect(res.body.error.code).toBe('VALIDATION_ERROR');
        expect(res.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['email', 'organizationName']);
      });
    });

    describe('a caller without an organization', () => {
      it('gets 403 on every /api route except GET /api/help*', async () => {
        const loner = await newLoner(t);
        const somebody = '00000000-0000-4000-8000-000000000000';
        for (const [method, path] of [
          ['get', '/api/organizations/current'],
          ['patch', '/api/organizations/current'],
          ['get', '/api/users'],
          ['post', '/api/users'],
          ['get', '/api/reports'],
          ['post', '/api/reports'],
          ['get', `/api/reports/${somebody}`],
          ['post', `/api/reports/${somebody}/analysis`],
          ['post', '/api/help'],
        ] as const) {
          const res = await t.http[method](path).set(loner.auth).send({});
          expect(res.status, `${method} ${path}`).toBe(403);
          expect(res.body.error.code).toBe('FORBIDDEN');
        }
        expect((await t.http.get('/api/help').set(loner.auth)).status).toBe(200);
        expect((await t.http.get(`/api/help/${somebody}`).set(loner.auth)).status).toBe(404);
      });

      it('a valid token without a local user gets 403 on /api', async () => {
        const res = await t.http.get('/api/reports').set(bearer(t.token(newClerkId())));
        expect(res.status).toBe(403);
        expect(res.body.error.code).toBe('FORBIDDEN');
      });
    });

    describe('POST /auth/webhooks/clerk', () => {
      const hook = (app: TestApp, body: string, headers: Record<string, string>) => app.http.post('/auth/webhooks/clerk').set(headers).send(body);
      const signed = (body: string, options?: Parameters<typeof svixHeaders>[2]) => hook(t, body, svixHeaders(t.webhookSecret, body, options));
      const meOf = (clerkId: string) => t.http.get('/auth/me').set(bearer(t.token(clerkId)));

      it('user.created creates the local user, user.updated changes its email, user.deleted removes it', async () => {
        const clerkId = newClerkId();
        const email = `${unique('hook-')}@example.com`;
        const created = await signed(userEvent('user.created', clerkId, email));
        expect(created.status).toBe(200);
        expect(created.body).toEqual({ received: true, type: 'user.created' });
        expect((await meOf(clerkId)).body.user).toMatchObject({ clerkId, email, organizationId: null });

        const newEmail = `${unique('changed-')}@example.com`;
        expect((await signed(userEvent('user.updated', clerkId, newEmail))).status).toBe(200);
        expect((await meOf(clerkId)).body.user.email).toBe(newEmail);

        const deleted = await signed(JSON.stringify({ object: 'event', type: 'user.deleted', data: { id: clerkId, object: 'user', deleted: true } }));
        expect(deleted.status).toBe(200);
        expect((await meOf(clerkId)).status).toBe(404);
      });

      it('user.updated of an organization member keeps the membership', async () => {
        const admin = await newAdmin(t);
        const member = await newMember(t, admin);
        const newEmail = `${unique('renamed-')}@example.com`;
        expect((await signed(userEvent('user.updated', member.clerkId, newEmail))).status).toBe(200);
        const users = await t.http.get('/api/users').set(admin.auth);
        expect(users.body.items.find((u: { id: string }) => u.id === member.user.id)).toMatchObject({ email: newEmail, role: 'USER', organizationId: admin.organization!.id });
      });

      it('a bad, missing or stale signature → 400 VALIDATION_ERROR and nothing changes', async () => {
        const clerkId = newClerkId();
        const body = userEvent('user.created', clerkId, `${unique()}@example.com`);
        const attempts = [
          svixHeaders('whsec_' + Buffer.from('another secret of 24 bytes').toString('base64'), body),
          svixHeaders(t.webhookSecret, body, { timestamp: now() - 10 * 60 }),
          svixHeaders(t.webhookSecret, body, { timestamp: now() + 10 * 60 }),
          { ...svixHeaders(t.webhookSecret, body), 'svix-signature': 'v1,' + Buffer.alloc(32).toString('base64') },
          { 'content-type': 'application/json' },
        ];
        for (const headers of attempts) {
          const res = await hook(t, body, headers);
          expect(res.status).toBe(400);
          expect(res.body.error.code).toBe('VALIDATION_ERROR');
        }
        // A body changed after signing.
        const tampered = await hook(t, body.replace(clerkId, newClerkId()), svixHeaders(t.webhookSecret, body));
        expect(tampered.status).toBe(400);
        expect((await meOf(clerkId)).status).toBe(404);
      });

      it('other event types → 200 and ignored', async () => {
        const body = JSON.stringify({ object: 'event', type: 'session.created', data: { id: `sess_${unique()}`, user_id: newClerkId() } });
        const res = await signed(body);
        expect(res.status).toBe(200);
        expect(res.body).toEqual({ received: true, type: 'session.created' });
      });

      it('without CLERK_WEBHOOK_SIGNING_SECRET → 503 NOT_CONFIGURED', async () => {
        const body = userEvent('user.created', newClerkId(), `${unique()}@example.com`);
        const res = await hook(unconfigured, body, svixHeaders(t.webhookSecret, body));
        expect(res.status).toBe(503);
        expect(res.body.error.code).toBe('NOT_CONFIGURED');
      });
    });
  });
}
