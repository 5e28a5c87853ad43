// loadConfig: the configuration is validated once, and every problem names its variable in one line.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';
import { acceptedDatabaseUrl, otherFlavourDatabaseUrl, testDefaultDatabaseUrl } from './helpers/flavour.js';
import { newKeyPair } from './helpers/tokens.js';

const publicPem = newKeyPair().publicPem;
const production = { NODE_ENV: 'production', DATABASE_URL: acceptedDatabaseUrl, CLERK_JWT_KEY: publicPem };

function configError(env: Record<string, string | undefined>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

/** The `VARIABLE: …` lines of a ConfigError. */
const problemLines = (error: Error) => error.message.split('\n').slice(1).map((line) => line.trim());

describe('loadConfig', () => {
  it('applies the documented defaults in test', () => {
    const config = loadConfig({ NODE_ENV: 'test' });
    expect(config.PORT).toBe(5000);
    expect(config.databaseUrl).toBe(testDefaultDatabaseUrl);
    expect(config.DB_MIGRATE_ON_START).toBe(true);
    expect(config.RATE_LIMIT_MAX).toBe(100);
    expect(config.RATE_LIMIT_WINDOW_MS).toBe(60000);
    expect(config.BODY_LIMIT).toBe(1024 * 1024);
    expect(config.AI_TIMEOUT_MS).toBe(30000);
    expect(config.GEMINI_MODEL).toMatch(/^gemini-/);
    expect(config.CLERK_AUTHORIZED_PARTIES).toEqual([]);
    expect(config.FRONTEND_URL).toEqual([]);
  });

  it('rejects a PORT that is not a number, naming PORT', () => {
    const error = configError({ NODE_ENV: 'test', PORT: 'abc' });
    expect(problemLines(error)).toHaveLength(1);
    expect(problemLines(error)[0]).toMatch(/^PORT: /);
    expect(configError({ NODE_ENV: 'test', PORT: '70000' }).message).toMatch(/\bPORT: /);
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ NODE_ENV: 'test', PORT: '', DATABASE_URL: '' }).PORT).toBe(5000);
  });

  it('starts in production with a database URL and a Clerk key', () => {
    const config = loadConfig(production);
    expect(config.databaseUrl).toBe(acceptedDatabaseUrl);
    expect(config.CLERK_JWT_KEY).toBe(publicPem);
  });

  it('refuses production without DATABASE_URL', () => {
    const error = configError({ ...production, DATABASE_URL: undefined });
    expect(problemLines(error)).toEqual([expect.stringMatching(/^DATABASE_URL: /)]);
  });

  it('refuses production without CLERK_JWT_KEY or CLERK_SECRET_KEY', () => {
    const error = configError({ ...production, CLERK_JWT_KEY: undefined });
    expect(problemLines(error)).toEqual([expect.stringMatching(/^CLERK_JWT_KEY or CLERK_SECRET_KEY: /)]);
    expect(loadConfig({ ...production, CLERK_JWT_KEY: undefined, CLERK_SECRET_KEY: 'sk_test_x' }).CLERK_SECRET_KEY).toBe('sk_test_x');
  });

  it('refuses a DATABASE_URL of another kind of database, naming DATABASE_URL', () => {
    for (const url of ['mysql://app@db.example.com/app', 'mongodb://db.example.com/app', otherFlavourDatabaseUrl, 'not a url']) {
      const error = configError({ NODE_ENV: 'test', DATABASE_URL: url });
      expect(problemLines(error), url).toEqual([expect.stringMatching(/^DATABASE_URL: /)]);
    }
    expect(loadConfig({ NODE_ENV: 'development', DATABASE_URL: acceptedDatabaseUrl }).databaseUrl).toBe(acceptedDatabaseUrl);
  });

  it('lists every bad variable, one line each, without a stack trace', () => {
    const error = configError({ NODE_ENV: 'test', PORT: 'abc', LOG_LEVEL: 'loud', RATE_LIMIT_MAX: '0', REDIS_URL: 'http://cache' });
    const lines = problemLines(error);
    expect(lines.map((line) => line.split(':')[0]).sort()).toEqual(['LOG_LEVEL', 'PORT', 'RATE_LIMIT_MAX', 'REDIS_URL']);
    expect(error.message).not.toMatch(/\n\s+at /);
  });

  it('validates the Clerk and Gemini settings', () => {
    expect(configError({ NODE_ENV: 'test', CLERK_JWT_KEY: 'not a pem' }).message).toMatch(/\bCLERK_JWT_KEY: /);
    expect(configError({ NODE_ENV: 'test', CLERK_WEBHOOK_SIGNING_SECRET: 'secret' }).message).toMatch(/\bCLERK_WEBHOOK_SIGNING_SECRET: /);
    expect(configError({ NODE_ENV: 'test', GEMINI_BASE_URL: 'nowhere' }).message).toMatch(/\bGEMINI_BASE_URL: /);
    // A PEM pasted with literal "\n" (as dashboards and .env files often do) is repaired.
    const oneLine = publicPem.trim().replaceAll('\n', '\\n');
    expect(loadConfig({ NODE_ENV: 'test', CLERK_JWT_KEY: oneLine }).CLERK_JWT_KEY).toBe(publicPem.trim());
  });

  it('parses lists and sizes', () => {
    const config = loadConfig({ NODE_ENV: 'test', FRONTEND_URL: 'https://a.example.com, https://b.example.com', BODY_LIMIT: '512kb', CLERK_AUTHORIZED_PARTIES: 'https://a.example.com' });
    expect(config.FRONTEND_URL).toEqual(['https://a.example.com', 'https://b.example.com']);
    expect(config.CLERK_AUTHORIZED_PARTIES).toEqual(['https://a.example.com']);
    expect(config.BODY_LIMIT).toBe(512 * 1024);
    expect(loadConfig({ NODE_ENV: 'test', BODY_LIMIT: '2mb' }).BODY_LIMIT).toBe(2 * 1024 * 1024);
    expect(configError({ NODE_ENV: 'test', BODY_LIMIT: 'lots' }).message).toMatch(/\bBODY_LIMIT: /);
    expect(configError({ NODE_ENV: 'staging' }).message).toMatch(/\bNODE_ENV: /);
  });
});
