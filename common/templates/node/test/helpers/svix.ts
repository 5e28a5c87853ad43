// Svix-signed webhooks, as Clerk sends them: HMAC-SHA256 over `${id}.${timestamp}.${body}` keyed with the
// base64 secret after `whsec_`, in `svix-signature: v1,<base64>`.
import { createHmac, randomBytes, randomUUID } from 'node:crypto';

export const newWebhookSecret = () => `whsec_${randomBytes(24).toString('base64')}`;

export interface SignOptions {
  id?: string;
  /** Seconds since the epoch; default now. */
  timestamp?: number;
}

export function svixHeaders(secret: string, body: string, { id = `msg_${randomUUID().replaceAll('-', '')}`, timestamp = Math.floor(Date.now() / 1000) }: SignOptions = {}) {
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  const signature = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64');
  return { 'svix-id': id, 'svix-timestamp': String(timestamp), 'svix-signature': `v1,${signature}`, 'content-type': 'application/json' };
}

/** A Clerk user event body (`user.created` / `user.updated`). */
export function userEvent(type: 'user.created' | 'user.updated', clerkId: string, email: string) {
  const emailId = `idn_${randomUUID().replaceAll('-', '')}`;
  return JSON.stringify({
    object: 'event',
    type,
    timestamp: Date.now(),
    data: {
      id: clerkId,
      object: 'user',
      primary_email_address_id: emailId,
      email_addresses: [
        { id: `idn_${randomUUID().replaceAll('-', '')}`, object: 'email_address', email_address: `other-${email}` },
        { id: emailId, object: 'email_address', email_address: email },
      ],
    },
  });
}
