import type { Services } from '../services/index.js';
import { addMember, changeRole, listUsers, removeMember } from '../services/users.js';
import type { Handlers } from '../types/handlers.js';

export function userHandlers({ db }: Services): Handlers<'listUsers' | 'addUser' | 'updateUser' | 'deleteUser'> {
  return {
    listUsers: async ({ caller, query }) => listUsers(db, caller.organizationId, query),
    addUser: async ({ caller, body }) => addMember(db, caller.organizationId, body),
    updateUser: async ({ caller, params, body }) => changeRole(db, caller.organizationId, params.id, body.role),
    deleteUser: async ({ caller, params }) => removeMember(db, caller.organizationId, params.id),
  };
}
