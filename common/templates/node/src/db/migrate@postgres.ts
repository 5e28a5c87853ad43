// Applies the committed migrations in drizzle/. Several instances may start at once: a PostgreSQL
// advisory lock lets one migrate while the others wait, then find nothing left to do.
import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import type { Database } from './client.js';

export const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

/** Any constant shared by every instance of this app; 'mvp-backend:migrate' as a 64-bit number. */
const MIGRATION_LOCK = 7_305_847_221_904_331n;

export async function migrate(database: Database): Promise<void> {
  if (database.pglite) {
    // One process owns an embedded PGlite, so there is nobody to race.
    await migratePglite(database.db as Parameters<typeof migratePglite>[0], { migrationsFolder });
    return;
  }
  // One connection, so the lock, the migration and the unlock share a session.
  const client = postgres(database.url, { max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(${MIGRATION_LOCK.toString()}::bigint)`;
    await migratePostgres(drizzle({ client }), { migrationsFolder });
    await client`select pg_advisory_unlock(${MIGRATION_LOCK.toString()}::bigint)`;
  } finally {
    await client.end({ timeout: 5 });
  }
}
