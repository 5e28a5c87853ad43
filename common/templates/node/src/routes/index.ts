// Every handler, keyed by operation id; the compiler checks that none is missing.
import type { Services } from '../services/index.js';
import type { Handlers } from '../types/handlers.js';
import { authHandlers } from './auth.js';
import { healthHandlers } from './health.js';
import { helpHandlers } from './help.js';
import { organizationHandlers } from './organizations.js';
import { reportHandlers } from './reports.js';
import { userHandlers } from './users.js';

export function allHandlers(services: Services): Handlers {
  return {
    ...healthHandlers(services),
    ...authHandlers(services),
    ...organizationHandlers(services),
    ...userHandlers(services),
    ...reportHandlers(services),
    ...helpHandlers(services),
  };
}
