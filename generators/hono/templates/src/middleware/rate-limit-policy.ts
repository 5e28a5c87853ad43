// What every runtime's rate limiter agrees on (Web APIs only: the edge entry uses it too): OPTIONS
// preflights and /health* are not counted; an answer over the limit is the contract's 429 with Retry-After.
import type { Context } from 'hono';
import { AppError } from '../lib/errors.js';

export const notCounted = (c: Context) => c.req.method === 'OPTIONS' || c.req.path === '/health' || c.req.path.startsWith('/health/');

/** Throws the 429 (onError writes the body); Retry-After in whole seconds, at least 1. */
export function tooManyRequests(c: Context, resetTime: Date | undefined, windowMs: number): never {
  const seconds = resetTime ? Math.ceil((resetTime.getTime() - Date.now()) / 1000) : Math.ceil(windowMs / 1000);
  c.header('Retry-After', String(Math.max(1, seconds)));
  throw new AppError('RATE_LIMITED', 'too many requests; retry later');
}
