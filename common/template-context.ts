// The values every Node template sees: the user's choice, the data model and its renderers, and the
// package versions. Templates stay mostly TypeScript; what varies is computed here.
import { LABELS, type AuthMode, type BackendTech, type Database } from './choices.js';
import { ENTITIES, ENUMS, entity, snakeCase } from './data-model.js';
import * as render from './render-node.js';
import * as renderPython from './render-python.js';
import { DEFAULT_GEMINI_MODEL, NODE_ENGINES, NODE_VERSIONS, PYTHON_REQUIRES, PYTHON_VERSIONS, type NodePackage, type PythonPackage } from './versions.js';

export interface StackChoice {
  backendTech: BackendTech;
  db: Database;
  auth: AuthMode;
  projectName: string;
}

/** The database family a template qualifier (`file@postgres.ts`) names. */
export const dbFamily = (db: Database): 'postgres' | 'sqlite' | 'mongodb' => (db === 'neon-postgres' ? 'postgres' : db);

interface PackageSet { dependencies: NodePackage[]; devDependencies: NodePackage[] }

const SHARED_PACKAGES: PackageSet = {
  dependencies: ['@clerk/backend', '@google/genai', 'drizzle-orm', 'zod'],
  devDependencies: ['drizzle-kit', 'typescript', 'tsx', 'vitest', '@types/node'],
};
const DB_PACKAGES: Record<'postgres' | 'sqlite', PackageSet> = {
  postgres: { dependencies: ['postgres', '@electric-sql/pglite'], devDependencies: [] },
  sqlite: { dependencies: ['@libsql/client'], devDependencies: [] },
};
const STACK_PACKAGES: Partial<Record<BackendTech, PackageSet>> = {
  'express-drizzle': {
    dependencies: ['express', 'cors', 'helmet', 'express-rate-limit', 'rate-limit-redis', 'redis'],
    devDependencies: ['supertest', '@types/supertest', '@types/express', '@types/cors'],
  },
  nest: {
    dependencies: ['@nestjs/common', '@nestjs/core', '@nestjs/platform-express', '@nestjs/throttler', 'body-parser', 'reflect-metadata', 'rxjs', 'helmet', 'redis'],
    devDependencies: ['@nestjs/testing', 'supertest', '@types/supertest', '@types/express'],
  },
  fastify: {
    dependencies: ['fastify', 'fastify-plugin', 'fastify-type-provider-zod', '@fastify/cors', '@fastify/helmet', '@fastify/rate-limit', 'ioredis'],
    devDependencies: ['supertest', '@types/supertest'],
  },
  hono: {
    dependencies: ['hono', '@hono/node-server', '@hono/zod-openapi', 'hono-rate-limiter', 'redis', 'proxy-addr'],
    devDependencies: ['supertest', '@types/supertest', '@types/proxy-addr'],
  },
};
/** What a stack needs for one database family only (Hono's edge entry speaks to Neon, PostgreSQL only). */
const STACK_DB_PACKAGES: Partial<Record<BackendTech, Partial<Record<'postgres' | 'sqlite', PackageSet>>>> = {
  hono: { postgres: { dependencies: ['@neondatabase/serverless'], devDependencies: ['esbuild'] } },
};

/**
 * npm `overrides` a stack needs to keep every installed package on Node 20.17+. Fastify 5 → light-my-request
 * 6.8 → cookie 2 declares Node >=22; cookie 1.1 has the same stringifySetCookie that light-my-request uses.
 */
const STACK_OVERRIDES: Partial<Record<BackendTech, Record<string, Partial<Record<NodePackage, string>>>>> = {
  fastify: { 'light-my-request': { cookie: NODE_VERSIONS.cookie } },
};

/** Where the web framework's own code lives in a generated project (the README's layout table). */
const FRAMEWORK_PATHS: Partial<Record<BackendTech, string[]>> = {
  'express-drizzle': ['src/app.ts', 'src/routes.ts', 'src/middleware/'],
  fastify: ['src/app.ts', 'src/routes.ts', 'src/plugins/'],
  nest: ['src/app.ts', 'src/app.module.ts', 'src/modules/', 'src/nest/'],
  hono: ['src/app.ts', 'src/routes.ts', 'src/middleware/'],
};

/** `{"a": "^1.0.0", ...}` sorted by name, as package.json writes them. */
function versionsOf(names: NodePackage[], indent: string): string {
  const sorted = [...new Set(names)].sort();
  return `{\n${sorted.map((n) => `${indent}  ${JSON.stringify(n)}: ${JSON.stringify(NODE_VERSIONS[n])}`).join(',\n')}\n${indent}}`;
}

/** What every template sees, whatever its language: the choice, its database family and the data model. */
function baseContext(choice: StackChoice, language: 'Node' | 'Python') {
  const family = dbFamily(choice.db);
  if (family === 'mongodb') throw new Error(`mongodb has no ${language} templates yet`);
  return {
    ...choice,
    stackLabel: LABELS[choice.backendTech],
    dbFamily: family,
    isPostgres: family === 'postgres',
    isSqlite: family === 'sqlite',
    geminiModel: DEFAULT_GEMINI_MODEL,
    entities: ENTITIES,
    enums: ENUMS,
    entity,
    snakeCase,
  };
}

export function nodeTemplateContext(choice: StackChoice) {
  const base = baseContext(choice, 'Node');
  const family = base.dbFamily;
  const none: PackageSet = { dependencies: [], devDependencies: [] };
  const sets = [SHARED_PACKAGES, DB_PACKAGES[family], STACK_PACKAGES[choice.backendTech] ?? none, STACK_DB_PACKAGES[choice.backendTech]?.[family] ?? none];
  return {
    ...base,
    nodeEngines: NODE_ENGINES,
    dependencies: versionsOf(sets.flatMap((s) => s.dependencies), '  '),
    devDependencies: versionsOf(sets.flatMap((s) => s.devDependencies), '  '),
    frameworkPaths: (FRAMEWORK_PATHS[choice.backendTech] ?? ['src/app.ts']).map((p) => `\`${p}\``).join(', '),
    /** package.json `overrides` (JSON, indented for its place), or '' when the stack needs none. */
    overrides: STACK_OVERRIDES[choice.backendTech] ? JSON.stringify(STACK_OVERRIDES[choice.backendTech], null, 2).replaceAll('\n', '\n  ') : '',
    render,
  };
}

/** What a Python project installs: every database family gets aiosqlite (the local SQLite file while DATABASE_URL is unset). */
const PYTHON_PACKAGES: { dependencies: PythonPackage[]; dev: PythonPackage[] } = {
  dependencies: ['fastapi', 'pydantic', 'pydantic-settings', 'sqlalchemy[asyncio]', 'alembic', 'aiosqlite', 'uvicorn[standard]', 'pyjwt[crypto]', 'google-genai', 'limits', 'redis'],
  dev: ['pytest', 'pytest-asyncio', 'httpx', 'pip-audit'],
};
const PYTHON_DB_PACKAGES: Record<'postgres' | 'sqlite', PythonPackage[]> = { postgres: ['asyncpg'], sqlite: [] };

/** `    "name>=1.0,<2",` lines, sorted, for a pyproject.toml array. */
function requirementsOf(names: PythonPackage[]): string {
  return [...new Set(names)].sort().map((n) => `    "${n}${PYTHON_VERSIONS[n]}",`).join('\n');
}

/** PEP 503 normalisation: how pip compares package names. */
const pep503 = (name: string) => name.toLowerCase().replace(/[-_.]+/g, '-');

/** Packages the project installs (directly, or through the main ones): a project of the same name cannot install. */
const PYTHON_NAMES_TAKEN = new Set(
  [...Object.keys(PYTHON_VERSIONS).map((spec) => spec.replace(/\[.*$/, '')), 'starlette', 'anyio', 'greenlet', 'mako', 'cryptography', 'websockets', 'click', 'h11', 'httpcore', 'idna', 'certifi', 'pyyaml', 'typing-extensions', 'annotated-types', 'pydantic-core', 'deprecated', 'wrapt', 'packaging'].map(pep503),
);

/** The distribution name in pyproject.toml: the project name, unless pip would confuse it with a dependency. */
export function pythonDistributionName(projectName: string): string {
  const name = projectName.replace(/^@[^/]+\//, '').replace(/[^A-Za-z0-9._-]+/g, '-');
  return PYTHON_NAMES_TAKEN.has(pep503(name)) ? `${name}-app` : name;
}

/** The values every Python template sees (the FastAPI stack): the choice, the data model rendered for SQLAlchemy / Pydantic, the versions. */
export function pythonTemplateContext(choice: StackChoice) {
  const base = baseContext(choice, 'Python');
  return {
    ...base,
    pythonRequires: PYTHON_REQUIRES,
    /** The Python package (import) name is fixed (`app`); this is the distribution name. */
    distributionName: pythonDistributionName(choice.projectName),
    dependencies: requirementsOf([...PYTHON_PACKAGES.dependencies, ...PYTHON_DB_PACKAGES[base.dbFamily]]),
    devDependencies: requirementsOf(PYTHON_PACKAGES.dev),
    render: renderPython,
  };
}
