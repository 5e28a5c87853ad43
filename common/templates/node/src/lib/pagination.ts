// Keyset pagination on (createdAt, id), newest first. The cursor is opaque to clients: base64url JSON of
// the last item's createdAt (ISO, millisecond precision) and id.
import { z } from 'zod';
import { AppError } from './errors.js';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface Cursor { createdAt: Date; id: string }
export interface Page<T> { items: T[]; nextCursor: string | null }

const CursorSchema = z.object({ t: z.iso.datetime(), id: z.uuid() });

// btoa/atob rather than Buffer: Web APIs, so the Hono edge entry (no Node built-ins) shares this file.
// The JSON is ASCII (an ISO time and a UUID), which is all btoa takes.
export function encodeCursor(item: { createdAt: Date; id: string }): string {
  const base64 = btoa(JSON.stringify({ t: item.createdAt.toISOString(), id: item.id }));
  return base64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function decodeCursor(cursor: string): Cursor {
  try {
    const parsed = CursorSchema.parse(JSON.parse(atob(cursor.replace(/-/g, '+').replace(/_/g, '/'))));
    return { createdAt: new Date(parsed.t), id: parsed.id };
  } catch {
    throw new AppError('VALIDATION_ERROR', 'cursor: malformed', [{ field: 'cursor', message: 'malformed' }]);
  }
}

/** Rows fetched with limit + 1: the extra row only tells that there is a next page. */
export function toPage<Row extends { createdAt: Date; id: string }, T>(rows: Row[], limit: number, map: (row: Row) => T): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items: items.map(map), nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
}
