import assert from 'node:assert/strict';
import path from 'node:path';
import fc from 'fast-check';
import {
  analyzeRequest,
  assertIntakeOk,
  findJsonErrorOffset,
  IntakeError,
  resolveIntake,
  resolveProjectRoot,
  toSavedConfig,
  type IntakeInput,
} from '../common/intake.js';
import { AVAILABLE, BACKEND_TECHS, DEFAULTS } from '../common/choices.js';

const ROOT = path.resolve('/work/projects/My Dir');
const base = (extra: Partial<IntakeInput> = {}): IntakeInput => ({ cwd: ROOT, generatorVersion: '0.1.0', ...extra });
const intakeFile = (content: string | Record<string, unknown>) => ({
  path: path.join(ROOT, 'project-logs/mvp/intake/latest.json'),
  content: typeof content === 'string' ? content : JSON.stringify(content),
});

type Expect = { backendTech?: string; db?: string; auth?: string; conflict?: 'backendTech' | 'db' | 'auth' };

// Request text → what the request decides (undefined = the request says nothing about it).
const TABLE: Array<[string, Expect]> = [
  ['enterprise portal on Hono', { backendTech: 'hono' }],
  ['A FastAPI service for invoices', { backendTech: 'fastapi' }],
  ['Python backend for a todo app', { backendTech: 'fastapi' }],
  ['Django-like python api for a shop', { backendTech: 'fastapi' }],
  ['Build it with Nest', { backendTech: 'nest' }],
  ['NestJS API with Postgres', { backendTech: 'nest', db: 'neon-postgres' }],
  ['nest.js please', { backendTech: 'nest' }],
  ['Fastify + MongoDB', { backendTech: 'fastify', db: 'mongodb' }],
  ['Express server', { backendTech: 'express-drizzle' }],
  ['express.js and drizzle on neon', { backendTech: 'express-drizzle', db: 'neon-postgres' }],
  ['Drizzle ORM with a SQLite file', { backendTech: 'express-drizzle', db: 'sqlite' }],
  ['B2B SaaS for dentists', { backendTech: 'express-drizzle' }],
  ['internal enterprise portal with Clerk login', { backendTech: 'express-drizzle', auth: 'clerk' }],
  ['enterprise portal on Fastify', { backendTech: 'fastify' }],
  ['SaaS in python', { backendTech: 'fastapi' }],
  ['we value honor and honesty', {}],
  ['nesting birds tracker', {}],
  ['regular expression tester', {}],
  ['expressions and honors', {}],
  ['Mongo backed catalogue', { db: 'mongodb' }],
  ['store data in mongoose models', { db: 'mongodb' }],
  ['sqlite3 is enough', { db: 'sqlite' }],
  ['PostgreSQL on Neon', { db: 'neon-postgres' }],
  ['postgres', { db: 'neon-postgres' }],
  ['login with email and password', { auth: 'jwt' }],
  ['JWT auth, local auth only', { auth: 'jwt' }],
  ['users sign in with e-mail & password', { auth: 'jwt' }],
  ['use clerk for auth', { backendTech: 'express-drizzle', auth: 'clerk' }],
  ['Hono or Fastify, not sure', { conflict: 'backendTech' }],
  ['FastAPI vs NestJS', { conflict: 'backendTech' }],
  ['sqlite locally and mongo in prod', { conflict: 'db' }],
  ['clerk or jwt', { conflict: 'auth', backendTech: 'express-drizzle' }],
  ['not Hono', { backendTech: 'hono' }], // negations are not understood, and must not crash
  ['', {}],
  ['   \n\t ', {}],
  ['🚀 émojis and ünïcödé, HONO!', { backendTech: 'hono' }],
  ['python with drizzle?', { conflict: 'backendTech' }],
  ['Express-Drizzle on SQLite with Clerk', { backendTech: 'express-drizzle', db: 'sqlite', auth: 'clerk' }],
];

describe('intake: free-text request table', () => {
  for (const [text, expected] of TABLE) {
    it(JSON.stringify(text), () => {
      const analysis = analyzeRequest(text);
      for (const field of ['backendTech', 'db', 'auth'] as const) {
        const finding = analysis[field];
        if (expected.conflict === field) {
          assert.equal(finding?.kind, 'conflict', `${field} should conflict`);
          continue;
        }
        const got = finding?.kind === 'pick' ? finding.value : finding?.kind;
        assert.equal(got, expected[field], `${field}`);
      }
    });
  }

  it('has at least 30 rows', () => assert.ok(TABLE.length >= 30));

  it('quotes the words that decided in the explanation', () => {
    const result = resolveIntake(base({ options: { request: 'a small app on an SQLite file please' } }));
    assert.equal(result.choices.db, 'sqlite');
    assert.equal(result.decisions.db.source, 'request');
    assert.match(result.explanation[1]!, /^db sqlite \(from the request: ".*SQLite file.*"\)$/);
  });
});

describe('intake: precedence', () => {
  const file = intakeFile({ backend_tech: 'express-drizzle', db: 'sqlite', auth: 'clerk', target_dir: 'api-from-file', project_name: 'From File' });
  const saved = { path: path.join(ROOT, '.yo-rc.json'), values: { db: 'neon-postgres', targetDir: 'saved-dir', projectName: 'saved-name' } };

  it('defaults when nothing is given', () => {
    const result = resolveIntake(base());
    assert.equal(result.ok, true);
    assert.deepEqual(
      { backendTech: result.choices.backendTech, db: result.choices.db, auth: result.choices.auth },
      { ...DEFAULTS },
    );
    assert.equal(result.choices.targetDir, path.join(ROOT, 'server'));
    assert.equal(result.choices.projectName, 'my-dir');
    assert.deepEqual(result.open, ['backendTech', 'db', 'auth', 'targetDir']);
    assert.equal(result.decisions.db.source, 'default');
    assert.equal(
      result.command,
      'yo mvp-backend --backend-tech express-drizzle --db neon-postgres --auth clerk --target-dir server --yes',
    );
  });

  it('options beat environment', () => {
    const result = resolveIntake(base({ options: { db: 'sqlite', 'target-dir': 'opt' }, env: { DB: 'neon-postgres', TARGET_DIR: 'env' } }));
    assert.equal(result.choices.db, 'sqlite');
    assert.equal(result.decisions.db.source, 'option');
    assert.equal(result.choices.targetDir, path.join(ROOT, 'opt'));
    assert.equal(result.explanation[1], 'db sqlite (from --db)');
  });

  it('accepts camelCase option keys (commander, composeWith)', () => {
    const result = resolveIntake(base({ options: { backendTech: 'express-drizzle', targetDir: 'x' } }));
    assert.equal(result.decisions.backendTech.source, 'option');
    assert.equal(result.choices.targetDir, path.join(ROOT, 'x'));
  });

  it('environment beats the intake file', () => {
    const result = resolveIntake(base({ env: { DB: 'neon-postgres', TARGET_DIR: 'env-dir' }, intakeFile: file }));
    assert.equal(result.choices.db, 'neon-postgres');
    assert.equal(result.decisions.db.source, 'env');
    assert.equal(result.decisions.db.label, 'environment variable DB');
    assert.equal(result.choices.targetDir, path.join(ROOT, 'env-dir'));
  });

  it('intake file beats .yo-rc.json', () => {
    const result = resolveIntake(base({ intakeFile: file, saved }));
    assert.equal(result.choices.db, 'sqlite');
    assert.equal(result.decisions.db.source, 'intake-file');
    assert.equal(result.decisions.db.label, path.join('project-logs', 'mvp', 'intake', 'latest.json'));
    assert.equal(result.choices.targetDir, path.join(ROOT, 'api-from-file'));
    assert.equal(result.choices.projectName, 'from-file');
  });

  it('.yo-rc.json beats the request', () => {
    const result = resolveIntake(base({ saved, options: { request: 'on sqlite' } }));
    assert.equal(result.choices.db, 'neon-postgres');
    assert.equal(result.decisions.db.source, 'saved');
    assert.equal(result.choices.targetDir, path.join(ROOT, 'saved-dir'));
    assert.equal(result.choices.projectName, 'saved-name');
  });

  it('the request beats prompt answers and defaults', () => {
    const result = resolveIntake(base({ options: { request: 'sqlite please' }, answers: { db: 'neon-postgres', auth: 'clerk' } }));
    assert.equal(result.choices.db, 'sqlite');
    assert.equal(result.decisions.auth.source, 'prompt');
    assert.equal(result.decisions.backendTech.source, 'default');
    assert.deepEqual(result.open, ['backendTech', 'targetDir']);
  });

  it('request sources: --request beats MVP_REQUEST beats REQUEST.txt', () => {
    const requestFile = { path: path.join(ROOT, 'docs/mvp/REQUEST.txt'), content: 'postgres' };
    assert.equal(resolveIntake(base({ requestFile })).choices.db, 'neon-postgres');
    assert.equal(resolveIntake(base({ requestFile, env: { MVP_REQUEST: 'sqlite' } })).choices.db, 'sqlite');
    const all = resolveIntake(base({ requestFile, env: { MVP_REQUEST: 'sqlite' }, options: { request: 'postgres' } }));
    assert.equal(all.choices.db, 'neon-postgres');
    assert.equal(all.request?.label, '--request');
    assert.equal(resolveIntake(base({ requestFile })).request?.label, path.join('docs', 'mvp', 'REQUEST.txt'));
  });

  it('prompt answers beat defaults and settle conflicts', () => {
    const conflicted = resolveIntake(base({ options: { request: 'sqlite or mongo' } }));
    assert.equal(conflicted.ok, false);
    assert.equal(conflicted.conflicts[0]?.field, 'db');
    assert.match(conflicted.conflicts[0]!.message, /sqlite.*mongodb|mongodb.*sqlite/);
    const answered = resolveIntake(base({ options: { request: 'sqlite or mongo' }, answers: { db: 'sqlite' } }));
    assert.equal(answered.ok, true);
    assert.equal(answered.decisions.db.source, 'prompt');
  });

  it('project root: --project-root beats PROJECT_ROOT beats cwd', () => {
    assert.equal(resolveProjectRoot({ cwd: ROOT }).path, ROOT);
    assert.equal(resolveProjectRoot({ cwd: ROOT, env: { PROJECT_ROOT: '/a' } }).path, path.resolve('/a'));
    assert.equal(resolveProjectRoot({ cwd: ROOT, env: { PROJECT_ROOT: '/a' }, options: { 'project-root': 'b' } }).path, path.join(ROOT, 'b'));
    const result = resolveIntake(base({ options: { 'project-root': '/srv/Other Project' } }));
    assert.equal(result.choices.targetDir, path.resolve('/srv/Other Project/server'));
    assert.equal(result.choices.projectName, 'other-project');
    assert.match(result.command, /--project-root '\/srv\/Other Project' --yes$/);
  });

  it('the fixed backend tech of a sub-generator wins, but a different --backend-tech is an error', () => {
    const fixed = resolveIntake(base({ fixedBackendTech: 'express-drizzle', env: { BACKEND_TECH: 'express-drizzle' } }));
    assert.equal(fixed.decisions.backendTech.source, 'generator');
    assert.ok(fixed.ok);
    const mismatch = resolveIntake(base({ fixedBackendTech: 'express-drizzle', options: { 'backend-tech': 'hono' } }));
    assert.equal(mismatch.ok, false);
    assert.match(mismatch.errors[0]!.message, /--backend-tech hono does not match this generator \(mvp-backend:express-drizzle\)/);
  });

  it('accepts friendly aliases and any case', () => {
    const result = resolveIntake(base({ options: { db: 'Postgres', 'backend-tech': 'Express' } }));
    assert.equal(result.choices.db, 'neon-postgres');
    assert.equal(result.choices.backendTech, 'express-drizzle');
  });

  it('absolute target dirs stay absolute; relative ones resolve against the project root', () => {
    assert.equal(resolveIntake(base({ options: { 'target-dir': '/opt/api' } })).choices.targetDir, path.resolve('/opt/api'));
    assert.equal(resolveIntake(base({ options: { 'target-dir': '.' } })).choices.targetDir, ROOT);
  });

  it('toSavedConfig stores the target dir relative to the project root', () => {
    const result = resolveIntake(base({ options: { 'target-dir': 'api' } }));
    assert.deepEqual(toSavedConfig(result.choices), {
      backendTech: 'express-drizzle',
      db: 'neon-postgres',
      auth: 'clerk',
      targetDir: 'api',
      projectName: 'my-dir',
    });
  });
});

describe('intake: validation', () => {
  it('unknown option value names the option and the allowed values', () => {
    const result = resolveIntake(base({ options: { db: 'oracle' } }));
    assert.equal(result.ok, false);
    assert.equal(result.errors[0]!.message, '--db "oracle" is not one of: neon-postgres, sqlite, mongodb');
    assert.throws(() => assertIntakeOk(result), IntakeError);
  });

  it('unknown values from env, intake file and .yo-rc.json name their source', () => {
    const env = resolveIntake(base({ env: { AUTH: 'okta' } }));
    assert.equal(env.errors[0]!.message, 'environment variable AUTH "okta" is not one of: clerk, jwt');
    const file = resolveIntake(base({ intakeFile: intakeFile({ backend_tech: 'rails' }) }));
    assert.match(file.errors[0]!.message, /latest\.json: backend_tech "rails" is not one of: express-drizzle, fastify, nest, hono, fastapi$/);
    const saved = resolveIntake(base({ saved: { path: path.join(ROOT, '.yo-rc.json'), values: { db: 'oracle' } } }));
    assert.equal(saved.errors[0]!.message, '.yo-rc.json: db "oracle" is not one of: neon-postgres, sqlite, mongodb');
  });

  it('a known value that is not available yet is one clear line', () => {
    // A stack still to come, if any (stacks become available one by one).
    const stack = BACKEND_TECHS.find((tech) => !AVAILABLE.backendTech.includes(tech));
    if (stack) {
      const result = resolveIntake(base({ options: { 'backend-tech': stack } }));
      assert.deepEqual(
        result.errors.map((issue) => issue.message),
        [`${stack} is not available yet in generator-mvp-backend 0.1.0 (available: ${AVAILABLE.backendTech.join(', ')})`],
      );
    }
    assert.equal(
      resolveIntake(base({ options: { db: 'mongodb' } })).errors[0]!.message,
      `mongodb is not available yet in generator-mvp-backend 0.1.0 (available: ${AVAILABLE.db.join(', ')})`,
    );
    assert.equal(
      resolveIntake(base({ options: { auth: 'jwt' } })).errors[0]!.message,
      'jwt is not available yet in generator-mvp-backend 0.1.0 (available: clerk)',
    );
  });

  it('an unavailable value chosen by the request says so', function () {
    if (AVAILABLE.backendTech.includes('hono')) return this.skip(); // then name another stack still to come
    const result = resolveIntake(base({ options: { request: 'enterprise portal on Hono' } }));
    const message = result.errors[0]!.message;
    const expected = `hono is not available yet in generator-mvp-backend 0.1.0 (available: ${AVAILABLE.backendTech.join(', ')}); chosen from the request: "`;
    assert.ok(message.startsWith(expected), message);
    assert.match(message, /Hono.*"$/);
  });

  it('a malformed intake file names the file, line and column', () => {
    const result = resolveIntake(base({ intakeFile: intakeFile('{\n  "db": "sqlite",\n  "auth": \n}') }));
    assert.equal(result.errors.length, 1);
    assert.match(result.errors[0]!.message, /^project-logs\/mvp\/intake\/latest\.json is not valid JSON \(line 4, column 1\): /);
  });

  it('an intake file with a wrong type names the key', () => {
    const result = resolveIntake(base({ intakeFile: intakeFile({ db: 5 }) }));
    assert.match(result.errors[0]!.message, /latest\.json: "db" must be a string \(found number\)/);
    const array = resolveIntake(base({ intakeFile: intakeFile('[1,2]') }));
    assert.match(array.errors[0]!.message, /must hold a JSON object, found an array/);
  });

  it('an empty intake file is ignored', () => {
    assert.equal(resolveIntake(base({ intakeFile: intakeFile('  \n') })).ok, true);
  });

  it('findJsonErrorOffset points at the first bad character', () => {
    assert.equal(findJsonErrorOffset('{"a": }'), 6);
    assert.equal(findJsonErrorOffset('{"a": 1,}'), 8);
    assert.equal(findJsonErrorOffset('{"a": 1'), 7);
    assert.equal(findJsonErrorOffset('{"a": [1, 2], "b": {"c": null}} x'), 32);
    assert.equal(findJsonErrorOffset('{"a": tru}'), 9);
  });

  it('conflicts are errors only where nobody can be asked', () => {
    const result = resolveIntake(base({ options: { request: 'Hono or Fastify' } }));
    assert.throws(() => assertIntakeOk(result), /names more than one framework: hono .* and fastify/);
    assert.doesNotThrow(() => assertIntakeOk(result, { allowConflicts: true }));
    // A stronger source settles the conflict.
    assert.equal(resolveIntake(base({ options: { request: 'Hono or Fastify', 'backend-tech': 'express-drizzle' } })).ok, true);
  });
});

describe('intake: never throws on arbitrary text', () => {
  const text = fc.oneof(
    fc.string({ maxLength: 200 }),
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.constantFrom('hono', 'sqlite', 'mongo', 'jwt', 'clerk', 'nest', 'fastapi', 'express', 'oracle', '{', '"', '\\', '\u0000'),
    fc.array(fc.constantFrom('Hono', 'Fastify', 'python', 'SQLite', 'postgres', 'email and password', ' ', 'not', ',', 'nesting'), { maxLength: 12 }).map((words) => words.join(' ')),
  );
  const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

  it('resolveIntake returns a result (ok, errors or conflicts) for any text in any source', () => {
    fc.assert(
      fc.property(
        text,
        maybe(text),
        maybe(text),
        maybe(text),
        maybe(text),
        maybe(fc.oneof(text, fc.json())),
        maybe(text),
        (request, db, envDb, targetDir, envRequest, fileContent, requestFile) => {
          const result = resolveIntake(
            base({
              options: { request, db, 'target-dir': targetDir },
              env: { DB: envDb, MVP_REQUEST: envRequest },
              intakeFile: fileContent === undefined ? undefined : intakeFile(fileContent),
              requestFile: requestFile === undefined ? undefined : { path: path.join(ROOT, 'docs/mvp/REQUEST.txt'), content: requestFile },
            }),
          );
          assert.equal(typeof result.ok, 'boolean');
          assert.equal(result.explanation.length, 5);
          assert.ok(path.isAbsolute(result.choices.targetDir));
        },
      ),
      { numRuns: 400, seed: 20261203 },
    );
  });

  it('analyzeRequest never throws and only returns known values', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 500 }), (value) => {
        const analysis = analyzeRequest(value);
        for (const finding of Object.values(analysis)) {
          assert.ok(finding.kind === 'pick' || finding.kind === 'conflict');
        }
      }),
      { numRuns: 500, seed: 42 },
    );
  });
});

describe('intake: the target folder stays inside the project unless the user says otherwise', () => {
  const root = path.resolve('/tmp/acme');
  const base = { cwd: root, generatorVersion: '0.1.0', options: {}, env: {} };
  it('an intake file or TARGET_DIR pointing outside the project root is an error naming it', () => {
    const fromFile = resolveIntake({ ...base, intakeFile: { path: path.join(root, 'latest.json'), content: '{"target_dir": "../../escape"}' } });
    assert.ok(fromFile.errors.some((e) => e.field === 'targetDir' && /outside the project root/.test(e.message)), JSON.stringify(fromFile.errors));
    const fromEnv = resolveIntake({ ...base, env: { TARGET_DIR: '/elsewhere' } });
    assert.ok(fromEnv.errors.some((e) => e.field === 'targetDir'), JSON.stringify(fromEnv.errors));
  });
  it('--target-dir may point anywhere, and a folder inside the root is fine from any source', () => {
    assert.deepEqual(resolveIntake({ ...base, options: { 'target-dir': '../sibling' } }).errors, []);
    assert.deepEqual(resolveIntake({ ...base, env: { TARGET_DIR: 'apps/api' } }).errors, []);
  });
});
