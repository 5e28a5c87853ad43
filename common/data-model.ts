// The data model of every generated backend, described once. Templates render it per stack:
// Drizzle tables for PostgreSQL and SQLite, the Zod shapes of the API resources, and (later) the
// SQLAlchemy models and Mongo collections. Change a field here and every stack follows.

export const ENUMS = {
  role: ['ADMIN', 'USER'],
  reportStatus: ['DRAFT', 'PUBLISHED', 'ARCHIVED'],
  aiProvider: ['GEMINI'],
} as const;
export type EnumName = keyof typeof ENUMS;

export type Field =
  | { kind: 'id' }
  | { kind: 'uuid'; nullable?: boolean; references?: { entity: string; onDelete: 'cascade' | 'set null' } }
  | { kind: 'string'; max: number; nullable?: boolean; unique?: boolean; default?: string }
  | { kind: 'text'; default?: string }
  | { kind: 'enum'; enum: EnumName; default: string }
  | { kind: 'boolean'; default: boolean }
  | { kind: 'integer'; default: number }
  | { kind: 'createdAt' }
  | { kind: 'updatedAt' };

export interface Entity {
  /** The resource name in the API and in code (camelCase, singular). */
  name: string;
  /** The table or collection (snake_case, plural). */
  table: string;
  /** Scoped to an organization: every query filters on organizationId. */
  tenant: boolean;
  /** Fields in API order; keys are camelCase, columns are their snake_case. */
  fields: Record<string, Field>;
  /** Secondary indexes, newest-first list queries first. `desc` columns sort descending. */
  indexes: { name: string; columns: string[]; unique?: boolean }[];
}

export const ENTITIES: Entity[] = [
  {
    name: 'organization',
    table: 'organizations',
    tenant: false,
    fields: {
      id: { kind: 'id' },
      name: { kind: 'string', max: 200 },
      domain: { kind: 'string', max: 253, nullable: true, unique: true },
      createdAt: { kind: 'createdAt' },
      updatedAt: { kind: 'updatedAt' },
    },
    indexes: [],
  },
  {
    name: 'user',
    table: 'users',
    tenant: true,
    fields: {
      id: { kind: 'id' },
      clerkId: { kind: 'string', max: 191, nullable: true, unique: true },
      organizationId: { kind: 'uuid', nullable: true, references: { entity: 'organization', onDelete: 'set null' } },
      email: { kind: 'string', max: 320 },
      role: { kind: 'enum', enum: 'role', default: 'USER' },
      createdAt: { kind: 'createdAt' },
      updatedAt: { kind: 'updatedAt' },
    },
    indexes: [{ name: 'users_organization_created_idx', columns: ['organizationId', 'createdAt', 'id'] }],
  },
  {
    name: 'report',
    table: 'reports',
    tenant: true,
    fields: {
      id: { kind: 'id' },
      organizationId: { kind: 'uuid', references: { entity: 'organization', onDelete: 'cascade' } },
      title: { kind: 'string', max: 200 },
      content: { kind: 'text', default: '' },
      status: { kind: 'enum', enum: 'reportStatus', default: 'DRAFT' },
      createdAt: { kind: 'createdAt' },
      updatedAt: { kind: 'updatedAt' },
    },
    indexes: [{ name: 'reports_organization_created_idx', columns: ['organizationId', 'createdAt', 'id'] }],
  },
  {
    name: 'aiAnalysis',
    table: 'ai_analyses',
    tenant: true,
    fields: {
      id: { kind: 'id' },
      reportId: { kind: 'uuid', references: { entity: 'report', onDelete: 'cascade' } },
      organizationId: { kind: 'uuid', references: { entity: 'organization', onDelete: 'cascade' } },
      content: { kind: 'text' },
      provider: { kind: 'enum', enum: 'aiProvider', default: 'GEMINI' },
      createdAt: { kind: 'createdAt' },
    },
    indexes: [{ name: 'ai_analyses_report_created_idx', columns: ['reportId', 'createdAt', 'id'] }],
  },
  {
    name: 'helpArticle',
    table: 'help_articles',
    tenant: false,
    fields: {
      id: { kind: 'id' },
      title: { kind: 'string', max: 200 },
      content: { kind: 'text' },
      category: { kind: 'string', max: 100, default: 'general' },
      isPublished: { kind: 'boolean', default: false },
      viewCount: { kind: 'integer', default: 0 },
      createdAt: { kind: 'createdAt' },
      updatedAt: { kind: 'updatedAt' },
    },
    indexes: [{ name: 'help_articles_published_created_idx', columns: ['isPublished', 'createdAt', 'id'] }],
  },
];

export const snakeCase = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
export const pascalCase = (name: string) => name[0]!.toUpperCase() + name.slice(1);
export const entity = (name: string) => {
  const found = ENTITIES.find((e) => e.name === name);
  if (!found) throw new Error(`no entity ${name} in the data model`);
  return found;
};
