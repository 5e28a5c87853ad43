// Applies the committed migrations in drizzle/, in the table drizzle-kit uses, so `npm run db:migrate`
// and a server start agree on what has run. Several instances may start at once on the same file:
// BEGIN IMMEDIATE takes SQLite's write lock first, so the others wait, then find nothing left to do.
import { fileURLToPath } from 'node:url';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import type { Database } from './client.js';

export const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

export async function migrate({ client }: Database): Promise<void> {
  const migrations = readMigrationFiles({ migrationsFolder });
  const tx = await client.transaction('write');
  try {
    await tx.execute(
      'CREATE TABLE IF NOT EXISTS __drizzle_migrations (id INTEGER PRIMARY KEY AUTOINCREMENT, hash text NOT NULL, created_at numeric)',
    );
    const last = await tx.execute('SELECT created_at FROM __drizzle_migrations ORDER BY created_at DESC LIMIT 1');
    const appliedUntil = Number(last.rows[0]?.created_at ?? 0);
    for (const migration of migrations.filter((m) => m.folderMillis > appliedUntil)) {
      for (const statement of migration.sql) if (statement.trim()) await tx.execute(statement);
      await tx.execute({
        sql: 'INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)',
        args: [migration.hash, migration.folderMillis],
      });
    }
    await tx.commit();
  } catch (error) {
    await tx.rollback();
    throw error;
  } finally {
    tx.close();
  }
}
