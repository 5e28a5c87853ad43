import { buildOpenApi } from '../openapi.js';
import type { Services } from '../services/index.js';
import { Reply, type Handlers } from '../types/handlers.js';

export function healthHandlers({ database }: Services): Handlers<'health' | 'ready' | 'openapi'> {
  const document = buildOpenApi();
  return {
    health: async () => ({ status: 'ok' }),
    ready: async () => {
      try {
        await database.ping();
        return { status: 'ok', db: 'ok' };
      } catch {
        return new Reply(503, { status: 'unavailable', db: 'error' });
      }
    },
    openapi: async () => document,
  };
}
