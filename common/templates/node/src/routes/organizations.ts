import type { Services } from '../services/index.js';
import { getOrganization, updateOrganization } from '../services/organizations.js';
import type { Handlers } from '../types/handlers.js';

export function organizationHandlers({ db }: Services): Handlers<'getOrganization' | 'updateOrganization'> {
  return {
    getOrganization: async ({ caller }) => getOrganization(db, caller.organizationId),
    updateOrganization: async ({ caller, body }) => updateOrganization(db, caller.organizationId, body),
  };
}
