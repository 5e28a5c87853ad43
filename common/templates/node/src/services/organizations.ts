import { eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.js';
import { organizations } from '../db/schema.js';
import { conflict, isUniqueViolation, notFound } from '../lib/errors.js';
import { serialize } from '../lib/serialize.js';

export async function getOrganization(db: Db, organizationId: string) {
  const [org] = await db.select().from(organizations).where(eq(organizations.id, organizationId));
  if (!org) throw notFound('organization');
  return serialize(org);
}

export async function updateOrganization(db: Db, organizationId: string, change: { name?: string; domain?: string | null }) {
  if (change.name === undefined && change.domain === undefined) return getOrganization(db, organizationId);
  try {
    const [org] = await db.update(organizations).set(change).where(eq(organizations.id, organizationId)).returning();
    if (!org) throw notFound('organization');
    return serialize(org);
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('domain: another organization already uses this domain');
    throw error;
  }
}

/**
 * Takes the organization's row lock until the transaction ends, so that rules spanning several rows
 * ("the last ADMIN stays") are checked by one transaction at a time, on PostgreSQL and SQLite alike.
 */
export async function lockOrganization(tx: Tx, organizationId: string) {
  await tx
    .update(organizations)
    .set({ updatedAt: sql`${organizations.updatedAt}` })
    .where(eq(organizations.id, organizationId));
}
