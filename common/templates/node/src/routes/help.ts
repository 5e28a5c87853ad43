import { createArticle, deleteArticle, listPublished, updateArticle, viewPublished } from '../services/help.js';
import type { Services } from '../services/index.js';
import type { Handlers } from '../types/handlers.js';

export function helpHandlers({ db }: Services): Handlers<'listHelp' | 'getHelp' | 'createHelp' | 'updateHelp' | 'deleteHelp'> {
  return {
    listHelp: async ({ query }) => listPublished(db, query),
    getHelp: async ({ params }) => viewPublished(db, params.id),
    createHelp: async ({ body }) => createArticle(db, body),
    updateHelp: async ({ params, body }) => updateArticle(db, params.id, body),
    deleteHelp: async ({ params }) => deleteArticle(db, params.id),
  };
}
