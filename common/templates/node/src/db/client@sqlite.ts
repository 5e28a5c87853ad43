// The database: a SQLite file through libSQL (no native build step, runs on every Node version we support).
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createClient, type Client, type Transaction } from '@libsql/client';
import { sql } from 'drizzle-orm';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import * as schema from './schema.js';

/** A transaction, as `db.transaction(async (tx) => …)` hands it over. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type Db = LibSQLDatabase<typeof schema>;

export interface Database {
  db: Db;
  /** Throws when the database does not answer. */
  ping(): Promise<void>;
  close(): Promise<void>;
  client: Client;
}

export function connect(url: string): Database {
  if (url.startsWith('file:')) mkdirSync(dirname(url.slice('file:'.length)), { recursive: true });
  const client = oneAtATime(createClient({ url, concurrency: 1, timeout: 5000 }));
  const db = drizzle({ client, schema });
  return { db, client, ping: async () => void (await db.run(sql`select 1`)), close: async () => client.close() };
}

/**
 * One connection, used by one caller at a time. SQLite has a single writer and the driver is synchronous
 * underneath: a second connection waiting for the write lock would block the very event loop that the
 * first one needs to commit. So statements and transactions queue here instead.
 */
function oneAtATime(client: Client): Client {
  let tail: Promise<unknown> = Promise.resolve();
  const turn = async () => {
    let release!: () => void;
    const previous = tail;
    tail = new Promise<void>((resolve) => (release = resolve));
    await previous;
    let released = false;
    return () => {
      if (!released) (released = true), release();
    };
  };
  const queued = <A extends unknown[], R>(fn: (...args: A) => Promise<R>) => async (...args: A) => {
    const release = await turn();
    try {
      return await fn(...args);
    } finally {
      release();
    }
  };
  const transaction = async (...args: Parameters<Client['transaction']>): Promise<Transaction> => {
    const release = await turn();
    try {
      const tx = await client.transaction(...args);
      const [commit, rollback, close] = [tx.commit.bind(tx), tx.rollback.bind(tx), tx.close.bind(tx)];
      return Object.assign(tx, {
        commit: () => commit().finally(release),
        rollback: () => rollback().finally(release),
        close: () => {
          try {
            close();
          } finally {
            release();
          }
        },
      });
    } catch (error) {
      release();
      throw error;
    }
  };
  const overrides: Partial<Client> = {
    execute: queued(client.execute.bind(client)) as Client['execute'],
    batch: queued(client.batch.bind(client)),
    executeMultiple: queued(client.executeMultiple.bind(client)),
    migrate: queued(client.migrate.bind(client)),
    transaction,
  };
  return new Proxy(client, {
    get(target, prop) {
      if (prop in overrides) return overrides[prop as keyof Client];
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
