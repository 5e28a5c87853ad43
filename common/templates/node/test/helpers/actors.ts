// The people tests need, made through the API itself: the ADMIN of a brand-new organization (POST
// /auth/sync with organizationName), a member added by that ADMIN (POST /api/users), and a loner who
// signed in but belongs to no organization.
import type { TestApp } from './app.js';
import { unique } from './app.js';
import { bearer, newClerkId } from './tokens.js';

export interface User {
  id: string;
  clerkId: string | null;
  organizationId: string | null;
  email: string;
  role: 'ADMIN' | 'USER';
  createdAt: string;
  updatedAt: string;
}
export interface Organization { id: string; name: string; domain: string | null; createdAt: string; updatedAt: string }

export interface Actor {
  clerkId: string;
  email: string;
  token: string;
  /** `{ Authorization: 'Bearer …' }` for supertest's .set(). */
  auth: { Authorization: string };
  user: User;
  organization: Organization | null;
}

function expectStatus(what: string, res: { status: number; body: unknown }, status: number) {
  if (res.status !== status) throw new Error(`${what}: expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
}

function actor(t: TestApp, clerkId: string, email: string, user: User, organization: Organization | null): Actor {
  const token = t.token(clerkId, { exp: Math.floor(Date.now() / 1000) + 3600 });
  return { clerkId, email, token, auth: bearer(token), user, organization };
}

export async function newAdmin(t: TestApp, organizationName = unique('Org ')): Promise<Actor> {
  const clerkId = newClerkId();
  const email = `${unique('admin-')}@example.com`;
  const res = await t.http.post('/auth/sync').set(bearer(t.token(clerkId))).send({ email, organizationName });
  expectStatus('POST /auth/sync (new admin)', res, 200);
  return actor(t, clerkId, email, res.body.user, res.body.organization);
}

export async function newMember(t: TestApp, admin: Actor, role: 'ADMIN' | 'USER' = 'USER'): Promise<Actor> {
  const clerkId = newClerkId();
  const email = `${unique('member-')}@example.com`;
  const res = await t.http.post('/api/users').set(admin.auth).send({ clerkId, email, role });
  expectStatus('POST /api/users (new member)', res, 201);
  return actor(t, clerkId, email, res.body, admin.organization);
}

export async function newLoner(t: TestApp): Promise<Actor> {
  const clerkId = newClerkId();
  const email = `${unique('loner-')}@example.com`;
  const res = await t.http.post('/auth/sync').set(bearer(t.token(clerkId))).send({ email });
  expectStatus('POST /auth/sync (loner)', res, 200);
  return actor(t, clerkId, email, res.body.user, null);
}

/** POST /api/reports as `who`; returns the created report. */
export async function newReport(t: TestApp, who: Actor, body: { title?: string; content?: string; status?: string } = {}) {
  const res = await t.http.post('/api/reports').set(who.auth).send({ title: unique('Report '), content: 'Quarterly numbers went up.', ...body });
  expectStatus('POST /api/reports', res, 201);
  return res.body as { id: string; organizationId: string; title: string; content: string; status: string; createdAt: string; updatedAt: string };
}
