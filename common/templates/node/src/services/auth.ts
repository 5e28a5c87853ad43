// Who is calling: a Clerk session token (verified locally with CLERK_JWT_KEY, or through Clerk's JWKS with
// CLERK_SECRET_KEY), then the local user, organization and role from the database — never from claims.
import { verifyToken } from '@clerk/backend';
import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import type { UserRow } from '../db/schema.js';
import { AppError, forbidden } from '../lib/errors.js';
import { findUserByClerkId } from './users.js';

/** Resolves a bearer token to the Clerk user id, or throws 401. */
export type TokenVerifier = (token: string) => Promise<{ clerkId: string }>;

/** Who may call a route: anyone, any valid token, a member of an organization, or its ADMIN. */
export type Access = 'public' | 'token' | 'member' | 'admin';
export interface Identity { clerkId: string }
export interface Member extends Identity { user: UserRow; organizationId: string; role: UserRow['role'] }
export type Caller<A extends Access> = A extends 'public' ? null : A extends 'token' ? Identity : Member;

const CLOCK_SKEW_MS = 5000;

/** null when neither CLERK_JWT_KEY nor CLERK_SECRET_KEY is set: authenticated routes then answer 503. */
export function clerkVerifier(config: Config): TokenVerifier | null {
  if (!config.CLERK_JWT_KEY && !config.CLERK_SECRET_KEY) return null;
  return async (token) => {
    try {
      const claims = await verifyToken(token, {
        // With jwtKey, verification needs no network call; secretKey is only the fallback.
        ...(config.CLERK_JWT_KEY ? { jwtKey: config.CLERK_JWT_KEY } : { secretKey: config.CLERK_SECRET_KEY }),
        clockSkewInMs: CLOCK_SKEW_MS,
      });
      if (!claims.sub) throw new Error('no sub');
      // Checked here, not by verifyToken's authorizedParties: that one also refuses a token without azp,
      // which the contract (like Clerk's own middleware) accepts.
      const azp = (claims as { azp?: unknown }).azp;
      if (config.CLERK_AUTHORIZED_PARTIES.length && azp !== undefined && !config.CLERK_AUTHORIZED_PARTIES.includes(String(azp))) {
        throw new Error('azp not authorized');
      }
      return { clerkId: claims.sub };
    } catch {
      throw new AppError('UNAUTHENTICATED', 'the session token is invalid or expired');
    }
  };
}

/** The token of an `Authorization: Bearer …` header, or a 401. */
export function bearerToken(authorization: string | undefined): string {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (!match) throw new AppError('UNAUTHENTICATED', 'send Authorization: Bearer <session token>');
  return match[1]!;
}

/** The caller a route with `access` needs, from the Authorization header. */
export async function resolveCaller<A extends Access>(
  db: Db,
  verify: TokenVerifier | null,
  access: A,
  authorization: string | undefined,
): Promise<Caller<A>> {
  if (access === 'public') return null as Caller<A>;
  if (!verify) throw new AppError('NOT_CONFIGURED', 'authentication is not configured: set CLERK_JWT_KEY or CLERK_SECRET_KEY');
  const identity = await verify(bearerToken(authorization));
  if (access === 'token') return identity as Caller<A>;
  const user = await findUserByClerkId(db, identity.clerkId);
  if (!user) throw forbidden('no local user yet: call POST /auth/sync first');
  if (!user.organizationId) throw forbidden('you are not a member of an organization');
  if (access === 'admin' && user.role !== 'ADMIN') throw forbidden('this needs the ADMIN role');
  return { clerkId: identity.clerkId, user, organizationId: user.organizationId, role: user.role } as Caller<A>;
}
