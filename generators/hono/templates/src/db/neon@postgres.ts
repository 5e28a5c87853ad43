// The database at the edge (src/edge.ts): Neon's serverless driver, Web APIs only, no pool kept between
// requests. Queries go over HTTP (one fetch each: the fastest way to Neon from an isolate). The HTTP
// driver cannot hold a session, so interactive transactions (the services' row locks, e.g. "the last
// ADMIN stays") open a WebSocket connection for that transaction alone and close it after.
// Migrations never run here: `npm run db:migrate` (Node) applies them.
import { neon, Pool } from '@neondatabase/serverless';
import { sql } from 'drizzle-orm';
import { drizzle as drizzleHttp } from 'drizzle-orm/neon-http';
import { drizzle as drizzleWebSocket } from 'drizzle-orm/neon-serverless';
import type { Database, Db } from './client.js';
import * as schema from './schema.js';

export function connectNeon(url: string): Database {
  const http = drizzleHttp({ client: neon(url), schema });
  const transaction = async (...[run, config]: Parameters<Db['transaction']>) => {
    // Workers may not share a socket between requests: one connection per transaction, then closed.
    const pool = new Pool({ connectionString: url, max: 1 });
    try {
      return await drizzleWebSocket({ client: pool, schema }).transaction(run as never, config);
    } finally {
      await pool.end();
    }
  };
  // The same query builder as on Node (a PgDatabase), with transactions over WebSocket.
  const db = new Proxy(http, {
    get: (target, key, receiver) => (key === 'transaction' ? transaction : Reflect.get(target, key, receiver)),
  }) as unknown as Db;
  return { db, url, ping: async () => void (await http.execute(sql`select 1`)), close: async () => {} };
}
