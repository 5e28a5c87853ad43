// The choices a user makes, their allowed values, and which of them this version can generate.
// Everything that lists stacks, databases or auth modes reads them from here.

export const BACKEND_TECHS = ['express-drizzle', 'fastify', 'nest', 'hono', 'fastapi'] as const;
export const DATABASES = ['neon-postgres', 'sqlite', 'mongodb'] as const;
export const AUTH_MODES = ['clerk', 'jwt'] as const;

export type BackendTech = (typeof BACKEND_TECHS)[number];
export type Database = (typeof DATABASES)[number];
export type AuthMode = (typeof AUTH_MODES)[number];

export const DEFAULTS = {
  backendTech: 'express-drizzle',
  db: 'neon-postgres',
  auth: 'clerk',
} as const satisfies { backendTech: BackendTech; db: Database; auth: AuthMode };

/** What can be generated today; choosing anything else stops with one clear line. */
export const AVAILABLE: { backendTech: readonly BackendTech[]; db: readonly Database[]; auth: readonly AuthMode[] } = {
  backendTech: ['express-drizzle', 'fastify', 'nest', 'hono', 'fastapi'],
  db: ['neon-postgres', 'sqlite'],
  auth: ['clerk'],
};

/** Human names, for prompts and messages. */
export const LABELS: Record<BackendTech | Database | AuthMode, string> = {
  'express-drizzle': 'Express 5 + Drizzle ORM (TypeScript)',
  fastify: 'Fastify 5 (TypeScript)',
  nest: 'NestJS (TypeScript)',
  hono: 'Hono 4 (TypeScript)',
  fastapi: 'FastAPI (Python)',
  'neon-postgres': 'PostgreSQL / Neon (embedded PGlite until DATABASE_URL is set)',
  sqlite: 'SQLite file',
  mongodb: 'MongoDB',
  clerk: 'Clerk session tokens',
  jwt: 'Local email + password (JWT)',
};
