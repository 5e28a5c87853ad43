import type { Services } from '../services/index.js';
import { getProfile, syncUser } from '../services/users.js';
import { handleClerkWebhook } from '../services/webhooks.js';
import type { Handlers } from '../types/handlers.js';

export function authHandlers({ db, config }: Services): Handlers<'syncUser' | 'me' | 'clerkWebhook'> {
  return {
    syncUser: async ({ caller, body }) => syncUser(db, caller.clerkId, body),
    me: async ({ caller }) => getProfile(db, caller.clerkId),
    clerkWebhook: async ({ request }) => handleClerkWebhook(db, config.CLERK_WEBHOOK_SIGNING_SECRET, request),
  };
}
