// Clerk webhooks, signed by Svix: user.created / user.updated upsert the local user's email,
// user.deleted removes the local user; any other event is acknowledged and ignored.
import { verifyWebhook } from '@clerk/backend/webhooks';
import type { Db } from '../db/client.js';
import { AppError } from '../lib/errors.js';
import { deleteByClerkId, upsertFromClerk } from './users.js';

export interface RawRequest {
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export async function handleClerkWebhook(db: Db, signingSecret: string | undefined, request: RawRequest) {
  if (!signingSecret) throw new AppError('NOT_CONFIGURED', 'webhooks are not configured: set CLERK_WEBHOOK_SIGNING_SECRET');
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) if (typeof value === 'string') headers.set(name, value);
  let event;
  try {
    // Clerk's own verifier: Svix signature and a 5-minute timestamp tolerance.
    event = await verifyWebhook(new Request(request.url, { method: 'POST', headers, body: request.body }), { signingSecret });
  } catch {
    throw new AppError('VALIDATION_ERROR', 'the webhook signature is missing, invalid or stale', [
      { field: 'svix-signature', message: 'missing, invalid or stale' },
    ]);
  }
  if (event.type === 'user.created' || event.type === 'user.updated') {
    const { id, email_addresses, primary_email_address_id } = event.data;
    const email = (email_addresses.find((e) => e.id === primary_email_address_id) ?? email_addresses[0])?.email_address;
    if (email) await upsertFromClerk(db, id, email);
  } else if (event.type === 'user.deleted' && event.data.id) {
    await deleteByClerkId(db, event.data.id);
  }
  return { received: true, type: event.type };
}
