// Clerk-shaped session tokens, signed here with a key pair made for the test run. They go through the
// real @clerk/backend verification in the app (CLERK_JWT_KEY is the public PEM of this pair).
import { createHmac, generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';

export interface KeyPair {
  kid: string;
  privateKey: KeyObject;
  /** SPKI PEM, what the Clerk dashboard shows as the "JWT public key". */
  publicPem: string;
}

export function newKeyPair(): KeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { kid: `ins_${randomUUID().replaceAll('-', '')}`, privateKey, publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
}

export const ISSUER = 'https://clerk.test.example.com';
export const AUTHORIZED_PARTY = 'http://app.test.example.com';

export type Claims = Record<string, unknown>;
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const nowSeconds = () => Math.floor(Date.now() / 1000);

/** A fresh Clerk user id: every test makes its own users. */
export const newClerkId = () => `user_${randomUUID().replaceAll('-', '')}`;

/** The claims of a valid Clerk session token for `sub`, valid for 60 s; `overrides` change or drop (undefined) any. */
export function sessionClaims(sub: string, overrides: Claims = {}): Claims {
  const now = nowSeconds();
  const claims: Claims = { sub, azp: AUTHORIZED_PARTY, iss: ISSUER, iat: now - 1, nbf: now - 1, exp: now + 60, sid: `sess_${randomUUID().replaceAll('-', '')}`, ...overrides };
  for (const key of Object.keys(claims)) if (claims[key] === undefined) delete claims[key];
  return claims;
}

/** RS256, header {alg, typ, kid}, as Clerk signs session tokens. */
export function signRs256(keys: KeyPair, claims: Claims, header: Claims = {}): string {
  const data = `${b64({ alg: 'RS256', typ: 'JWT', kid: keys.kid, ...header })}.${b64(claims)}`;
  return `${data}.${sign('RSA-SHA256', Buffer.from(data), keys.privateKey).toString('base64url')}`;
}

export const sessionToken = (keys: KeyPair, sub: string, overrides: Claims = {}) => signRs256(keys, sessionClaims(sub, overrides));

/** `alg: none`, no signature. */
export const unsignedToken = (claims: Claims) => `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`;

/** HS256 keyed with the public PEM: the classic algorithm-confusion attack. */
export function hs256Token(secret: string, claims: Claims, kid?: string): string {
  const data = `${b64({ alg: 'HS256', typ: 'JWT', ...(kid && { kid }) })}.${b64(claims)}`;
  return `${data}.${createHmac('sha256', secret).update(data).digest('base64url')}`;
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
