// Configuration, validated once at start. A missing or wrong value stops the server with one line per
// variable, naming it; nothing else reads process.env.
import { z } from 'zod';

const csv = z
  .string()
  .transform((s) => s.split(',').map((part) => part.trim()).filter(Boolean));

const booleanish = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'expected true or false' })
  .transform((s) => ['true', '1', 'yes'].includes(s));

/** "1mb", "512kb", "1048576" → bytes. */
const byteSize = z.string().transform((s, ctx) => {
  const match = /^(\d+)\s*(b|kb|mb)?$/i.exec(s.trim());
  if (!match) {
    ctx.addIssue({ code: 'custom', message: 'expected a size such as 1048576, 512kb or 1mb' });
    return z.NEVER;
  }
  const unit = { b: 1, kb: 1024, mb: 1024 * 1024 }[(match[2] ?? 'b').toLowerCase() as 'b' | 'kb' | 'mb'];
  return Number(match[1]) * unit;
});

const int = (min: number, max = Number.MAX_SAFE_INTEGER) =>
  z.coerce
    .number({ error: 'expected a whole number' })
    .int('expected a whole number')
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);

/** The PEM of CLERK_JWT_KEY, also when a dashboard copy put literal "\n" in it. */
const pem = z
  .string()
  .transform((s) => s.replace(/\\n/g, '\n'))
  .refine((s) => s.includes('-----BEGIN PUBLIC KEY-----'), 'expected the PEM public key from the Clerk dashboard');

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: int(1, 65535).default(5000),
  DATABASE_URL: z.string().optional(),
  DB_MIGRATE_ON_START: booleanish.default(true),
  CLERK_SECRET_KEY: z.string().optional(),
  CLERK_JWT_KEY: pem.optional(),
  CLERK_AUTHORIZED_PARTIES: csv.default([]),
  CLERK_WEBHOOK_SIGNING_SECRET: z.string().startsWith('whsec_', 'expected the whsec_… secret from the Clerk dashboard').optional(),
  GOOGLE_GEMINI_API_KEY: z.string().optional(),
  GEMINI_MODEL: z.string().default('<%= geminiModel %>'),
  GEMINI_BASE_URL: z.url({ error: 'expected a URL' }).optional(),
  AI_TIMEOUT_MS: int(1).default(30000),
  FRONTEND_URL: csv.default([]),
  RATE_LIMIT_MAX: int(1).default(100),
  RATE_LIMIT_WINDOW_MS: int(1).default(60000),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'expected redis:// or rediss://').optional(),
  TRUST_PROXY: z
    .string()
    .transform((s) => (s === 'true' ? true : s === 'false' ? false : /^\d+$/.test(s) ? Number(s) : s))
    .default(false),
  BODY_LIMIT: byteSize.default(1024 * 1024),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
});

export type Config = z.infer<typeof EnvSchema> & { databaseUrl: string };

export class ConfigError extends Error {}

/**
 * Reads the configuration from `env` (process.env by default). Empty values count as unset, as in most
 * .env files. Throws a ConfigError whose message has one line per bad variable.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${[...new Set(lines)].join('\n  ')}`);
  }
  const config = parsed.data;
  const problems: string[] = [];
  if (config.NODE_ENV === 'production') {
    if (!config.DATABASE_URL) problems.push('DATABASE_URL: required in production');
    if (!config.CLERK_JWT_KEY && !config.CLERK_SECRET_KEY) problems.push('CLERK_JWT_KEY or CLERK_SECRET_KEY: one is required in production');
  }
  const databaseUrl = config.DATABASE_URL ?? defaultDatabaseUrl(config.NODE_ENV);
  const urlProblem = checkDatabaseUrl(databaseUrl);
  if (urlProblem) problems.push(`DATABASE_URL: ${urlProblem}`);
  if (problems.length) throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  return { ...config, databaseUrl };
}
<% if (isPostgres) { -%>

/** The embedded PGlite: a folder in development, memory in tests. */
function defaultDatabaseUrl(nodeEnv: Config['NODE_ENV']): string {
  return nodeEnv === 'test' ? 'pglite://memory' : 'pglite://./.data/pglite';
}

function checkDatabaseUrl(url: string): string | null {
  return /^(postgres|postgresql|pglite):\/\/.+/.test(url) ? null : 'expected postgres://…, postgresql://… or pglite://PATH (pglite://memory)';
}
<% } else { -%>

/** A SQLite file in development, memory in tests. */
function defaultDatabaseUrl(nodeEnv: Config['NODE_ENV']): string {
  return nodeEnv === 'test' ? ':memory:' : 'file:./.data/app.db';
}

function checkDatabaseUrl(url: string): string | null {
  return url === ':memory:' || /^file:.+/.test(url) ? null : 'expected file:PATH (or :memory:)';
}
<% } -%>
