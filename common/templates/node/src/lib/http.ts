// HTTP policies of the contract that every framework applies the same way.
// CORS: the FRONTEND_URL origins always; in development also any http://localhost:* origin; nobody else.
import type { Config } from '../config.js';

const LOCALHOST = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/;

export function corsOriginAllowed(config: Pick<Config, 'FRONTEND_URL' | 'NODE_ENV'>, origin: string | undefined): boolean {
  if (!origin) return false;
  const normalised = origin.replace(/\/$/, '');
  if (config.FRONTEND_URL.some((allowed) => allowed.replace(/\/$/, '') === normalised)) return true;
  return config.NODE_ENV === 'development' && LOCALHOST.test(normalised);
}

/** A caller's X-Request-Id is kept when it is short and plain; otherwise we make one. */
export const SANE_REQUEST_ID = /^[\w.:@-]{1,128}$/;
