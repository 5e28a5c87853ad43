// The database: postgres.js for postgres:// URLs (Neon included), the embedded PGlite for pglite://.
// Both speak PostgreSQL, so the services and migrations are the same for either.
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from './schema.js';

/** A transaction, as `db.transaction(async (tx) => …)` hands it over. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Database {
  db: Db;
  /** Throws when the database does not answer. */
  ping(): Promise<void>;
  close(): Promise<void>;
  /** The connection details that migrations need (see migrate.ts). */
  url: string;
  pglite?: PGlite;
}

export function connect(url: string): Database {
  if (url.startsWith('pglite://')) {
    const location = url.slice('pglite://'.length);
    if (location !== 'memory') mkdirSync(location, { recursive: true });
    const pglite = new PGlite(location === 'memory' ? undefined : location);
    const db = drizzlePglite({ client: pglite, schema });
    return { db, url, pglite, ping: async () => void (await db.execute(sql`select 1`)), close: () => pglite.close() };
  }
  const client = postgres(url, { max: 10, onnotice: () => {} });
  const db = drizzlePostgres({ client, schema });
  return { db, url, ping: async () => void (await db.execute(sql`select 1`)), close: () => client.end({ timeout: 5 }) };
}
