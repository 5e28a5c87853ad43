// The error catalogue of the API contract. Services throw AppError; the framework's error handler turns
// it into {"error": {"code", "message", "details"?}} with the status below.

export const ERROR_STATUS = {
  VALIDATION_ERROR: 400,
  INVALID_JSON: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UPSTREAM_ERROR: 502,
  NOT_CONFIGURED: 503,
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
export interface FieldProblem { field: string; message: string }
export interface ErrorBody { error: { code: ErrorCode; message: string; details?: FieldProblem[] } }

export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: FieldProblem[],
  ) {
    super(message);
    this.status = ERROR_STATUS[code];
  }

  toBody(): ErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.details && { details: this.details }) } };
  }
}

export const notFound = (what = 'resource') => new AppError('NOT_FOUND', `${what} not found`);
export const forbidden = (message = 'not allowed') => new AppError('FORBIDDEN', message);
export const conflict = (message: string) => new AppError('CONFLICT', message);

/** A 400 listing each failing field, from Zod issues (or anything shaped like them). */
export function validationError(issues: { path: PropertyKey[]; message: string }[], prefix?: string): AppError {
  const details = issues.map((i) => ({
    field: [prefix, ...i.path.map(String)].filter(Boolean).join('.') || (prefix ?? 'body'),
    message: i.message,
  }));
  const summary = details.map((d) => `${d.field}: ${d.message}`).join('; ');
  return new AppError('VALIDATION_ERROR', summary || 'invalid request', details);
}

/** What the client sees for an unexpected error: never a stack, SQL or secret. */
export const internalError = () => new AppError('INTERNAL', 'internal error');

const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EPIPE', 'CONNECTION_CLOSED', 'CONNECTION_ENDED', '57P01', '57P03', '08000', '08003', '08006', '08001', '08004', 'SQLITE_BUSY', 'SQLITE_CANTOPEN']);

/** Any thrown value as an AppError: our own pass through, a lost database is 503, the rest is 500. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  for (let e = error as { code?: unknown; cause?: unknown } | undefined; e && typeof e === 'object'; e = e.cause as typeof e) {
    if (typeof e.code === 'string' && CONNECTION_CODES.has(e.code)) return new AppError('UNAVAILABLE', 'the database is unavailable');
  }
  return internalError();
}

/**
 * True for a unique-constraint violation, whichever driver raised it (PostgreSQL 23505; SQLite's extended
 * codes). It lives here, not in db/client.ts, so that services never import a driver: the Hono edge entry
 * bundles the services without postgres.js, PGlite or node:fs.
 */
export function isUniqueViolation(error: unknown): boolean {
  for (let e = error as { code?: unknown; extendedCode?: unknown; cause?: unknown } | undefined; e && typeof e === 'object'; e = e.cause as typeof e) {
    if (e.code === '23505' || e.extendedCode === 'SQLITE_CONSTRAINT_UNIQUE' || e.extendedCode === 'SQLITE_CONSTRAINT_PRIMARYKEY') return true;
  }
  return false;
}
