// Local users: created by /auth/sync or by an ADMIN, kept in step with Clerk by its webhooks.
// The organization and role always come from here, never from token claims.
import { and, count, eq, isNull } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.js';
import { newestFirst, olderThan } from '../db/queries.js';
import { organizations, users, type UserRow } from '../db/schema.js';
import { conflict, isUniqueViolation, notFound } from '../lib/errors.js';
import { decodeCursor, toPage } from '../lib/pagination.js';
import type { PageQuery } from '../types/requests.js';
import { serialize } from '../lib/serialize.js';
import { lockOrganization } from './organizations.js';

type Role = UserRow['role'];

class AlreadyInOrganization extends Error {}

export async function findUserByClerkId(db: Db, clerkId: string) {
  const [user] = await db.select().from(users).where(eq(users.clerkId, clerkId));
  return user;
}

/** The user and organization /auth/me and /auth/sync answer with. */
async function profile(db: Db, user: UserRow) {
  const [org] = user.organizationId ? await db.select().from(organizations).where(eq(organizations.id, user.organizationId)) : [];
  return { user: serialize(user), organization: org ? serialize(org) : null };
}

export async function getProfile(db: Db, clerkId: string) {
  const user = await findUserByClerkId(db, clerkId);
  if (!user) throw notFound('user (call POST /auth/sync first)');
  return profile(db, user);
}

/** Creates or updates the caller's local user; a user without an organization may found one. */
export async function syncUser(db: Db, clerkId: string, input: { email: string; organizationName?: string }) {
  let [user] = await db
    .insert(users)
    .values({ clerkId, email: input.email })
    .onConflictDoUpdate({ target: users.clerkId, set: { email: input.email } })
    .returning();
  if (input.organizationName && !user!.organizationId) {
    const userId = user!.id;
    user = await db
      .transaction(async (tx) => {
        const [org] = await tx.insert(organizations).values({ name: input.organizationName! }).returning();
        const [founder] = await tx
          .update(users)
          .set({ organizationId: org!.id, role: 'ADMIN' })
          .where(and(eq(users.id, userId), isNull(users.organizationId)))
          .returning();
        if (!founder) throw new AlreadyInOrganization(); // a concurrent sync was first; drop our organization
        return founder;
      })
      .catch(async (error) => {
        if (error instanceof AlreadyInOrganization) return findUserByClerkId(db, clerkId);
        throw error;
      });
  }
  return profile(db, user!);
}

export async function listUsers(db: Db, organizationId: string, page: PageQuery) {
  const cursor = page.cursor ? decodeCursor(page.cursor) : undefined;
  const rows = await db
    .select()
    .from(users)
    .where(and(eq(users.organizationId, organizationId), olderThan(users, cursor)))
    .orderBy(...newestFirst(users))
    .limit(page.limit + 1);
  return toPage(rows, page.limit, serialize);
}

export async function addMember(db: Db, organizationId: string, input: { clerkId: string; email: string; role: Role }) {
  try {
    const [user] = await db.insert(users).values({ ...input, organizationId }).returning();
    return serialize(user!);
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('clerkId: a user with this clerkId already exists');
    throw error;
  }
}

/** Runs `change` on a member of the organization unless it would leave the organization without an ADMIN. */
async function changeMember(db: Db, organizationId: string, userId: string, leavesAdminRole: boolean, change: (tx: Tx) => Promise<UserRow | undefined>) {
  return db.transaction(async (tx) => {
    await lockOrganization(tx, organizationId);
    const [target] = await tx.select().from(users).where(and(eq(users.id, userId), eq(users.organizationId, organizationId)));
    if (!target) throw notFound('user');
    if (target.role === 'ADMIN' && leavesAdminRole) {
      const [admins] = await tx
        .select({ n: count() })
        .from(users)
        .where(and(eq(users.organizationId, organizationId), eq(users.role, 'ADMIN')));
      if (admins!.n <= 1) throw conflict('the last ADMIN of an organization cannot be demoted or removed');
    }
    return change(tx);
  });
}

export async function changeRole(db: Db, organizationId: string, userId: string, role: Role) {
  const user = await changeMember(db, organizationId, userId, role !== 'ADMIN', async (tx) => {
    const [updated] = await tx.update(users).set({ role }).where(eq(users.id, userId)).returning();
    return updated;
  });
  return serialize(user!);
}

export async function removeMember(db: Db, organizationId: string, userId: string) {
  await changeMember(db, organizationId, userId, true, async (tx) => {
    await tx.delete(users).where(eq(users.id, userId));
    return undefined;
  });
}

/** Clerk webhooks: user.created / user.updated. */
export async function upsertFromClerk(db: Db, clerkId: string, email: string) {
  await db.insert(users).values({ clerkId, email }).onConflictDoUpdate({ target: users.clerkId, set: { email } });
}

/** Clerk webhooks: user.deleted. An organization's last ADMIN goes too: Clerk no longer knows them. */
export async function deleteByClerkId(db: Db, clerkId: string) {
  await db.delete(users).where(eq(users.clerkId, clerkId));
}
