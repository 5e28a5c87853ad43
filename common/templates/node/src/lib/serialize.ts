/** A row as JSON answers it: dates become ISO 8601 strings (UTC, milliseconds). */
export type Serialized<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] };

export function serialize<T extends object>(row: T): Serialized<T> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) out[key] = value instanceof Date ? value.toISOString() : value;
  return out as Serialized<T>;
}
