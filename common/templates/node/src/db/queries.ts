// Query pieces every list shares: keyset pagination on (createdAt, id), newest first.
import { and, desc, eq, lt, or, type Column } from 'drizzle-orm';
import type { Cursor } from '../lib/pagination.js';

interface Keyed { createdAt: Column; id: Column }

/** Rows strictly after `cursor` in newest-first order (undefined: no condition). */
export function olderThan(table: Keyed, cursor: Cursor | undefined) {
  if (!cursor) return undefined;
  return or(lt(table.createdAt, cursor.createdAt), and(eq(table.createdAt, cursor.createdAt), lt(table.id, cursor.id)));
}

export const newestFirst = (table: Keyed) => [desc(table.createdAt), desc(table.id)];

/** A LIKE pattern matching `text` anywhere, with its own % and _ taken literally. */
export const containsPattern = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
