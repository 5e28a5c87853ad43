// Every package version the generated projects install, in one place. Runtime packages run on Node 20.17+,
// 22 and 24; nothing installs with a deprecation warning; the end-to-end test proves both.
// The generated projects' floor: their test runner (vitest 4 → vite 8) declares ^20.19.0 || >=22.12.0.
export const NODE_ENGINES = '^20.19.0 || >=22.12.0';

export const NODE_VERSIONS = {
  // runtime
  express: '^5.3.0',
  cors: '^2.8.6',
  '@clerk/backend': '^3.25.0',
  '@google/genai': '^2.32.0', // 3.x needs Node 22
  'drizzle-orm': '^0.45.4',
  '@electric-sql/pglite': '^0.5.17',
  postgres: '^3.4.9',
  '@libsql/client': '^0.18.0',
  zod: '^4.6.7',
  helmet: '^8.3.0',
  'express-rate-limit': '^8.7.5',
  'rate-limit-redis': '^6.0.1',
  redis: '^5.12.4',
  '@nestjs/common': '^11.2.10', // 12.x needs Node 22 (its file-type dependency)
  '@nestjs/core': '^11.2.10',
  '@nestjs/platform-express': '^11.2.10',
  '@nestjs/throttler': '~6.5.0', // 6.6+ needs Node 20.19
  'reflect-metadata': '^0.2.2',
  rxjs: '^7.8.2',
  'body-parser': '^2.4.0',
  fastify: '^5.12.8',
  'fastify-plugin': '^6.0.1',
  'fastify-type-provider-zod': '^7.0.0', // Zod 4 + Fastify 5
  '@fastify/cors': '^11.4.3',
  '@fastify/helmet': '^13.2.0',
  '@fastify/rate-limit': '^11.2.0',
  ioredis: '^6.1.0', // the Redis client @fastify/rate-limit speaks to
  cookie: '^1.1.1', // an override: Fastify's light-my-request 6.8 pulls cookie 2, which needs Node 22
  hono: '^4.13.23',
  '@hono/node-server': '^2.1.11', // Node >= 20
  '@hono/zod-openapi': '^1.6.3', // Zod 4, OpenAPI 3.1
  'hono-rate-limiter': '^0.5.4',
  'proxy-addr': '^2.0.7', // TRUST_PROXY with Express's semantics, for Hono on Node
  '@neondatabase/serverless': '^1.2.0', // Hono's edge entry (Neon over HTTP / WebSocket)
  // development
  'drizzle-kit': '^0.31.11',
  typescript: '~5.9.3',
  tsx: '^4.23.15',
  vitest: '^4.1.12', // 5.x needs Node 22
  supertest: '^7.3.2',
  '@types/supertest': '^7.2.1',
  '@types/express': '^5.0.6',
  '@types/cors': '^2.8.19',
  '@nestjs/testing': '^11.2.6',
  '@types/proxy-addr': '^2.0.3',
  esbuild: '^0.28.2', // Hono's edge bundle test (the version tsx and vite already install)
  '@types/node': '^20.19.43',
} as const;

export type NodePackage = keyof typeof NODE_VERSIONS;

/** The Gemini model a new project uses until GEMINI_MODEL says otherwise (the 2.5 models were shut down on 2026-12-01). */
export const DEFAULT_GEMINI_MODEL = 'gemini-3.5-flash';

/** Python stacks (FastAPI): the minimum version of each package a generated pyproject.toml asks for, below the next major. */
export const PYTHON_REQUIRES = '>=3.11';
export const PYTHON_VERSIONS = {
  // runtime
  fastapi: '>=0.165.0,<1',
  pydantic: '>=2.14.4,<3',
  'pydantic-settings': '>=2.16.3,<3',
  'sqlalchemy[asyncio]': '>=2.1.9,<3',
  alembic: '>=1.20.1,<2',
  asyncpg: '>=0.32.0,<1',
  aiosqlite: '>=0.22.1,<1',
  'uvicorn[standard]': '>=0.55.0,<1',
  'pyjwt[crypto]': '>=2.15.1,<3',
  'google-genai': '>=3.6.1,<4',
  limits: '>=5.8.0,<6',
  redis: '>=8.1.0,<9',
  // development
  pytest: '>=9.2.0,<10',
  'pytest-asyncio': '>=1.5.0,<2',
  httpx: '>=0.29.0,<1',
  'pip-audit': '>=2.10.1,<3',
} as const;

export type PythonPackage = keyof typeof PYTHON_VERSIONS;
