import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Generator from 'yeoman-generator';
import helpers, { result } from 'yeoman-test';
import AppGenerator, { stackGeneratorPath } from '../generators/app/index.js';
import ExpressDrizzleGenerator from '../generators/express-drizzle/index.js';
import { AVAILABLE, BACKEND_TECHS } from '../common/choices.js';
import { mapTemplatePath } from '../common/template-files.js';
import { APP_PATH, EXPRESS_DRIZZLE_PATH, FIXTURE_TEMPLATES, FixtureStackGenerator, listFiles, plain, REPO } from './helpers.js';

const APP = { resolved: APP_PATH, namespace: 'mvp-backend:app' };
const STACK = { resolved: EXPRESS_DRIZZLE_PATH, namespace: 'mvp-backend:express-drizzle' };
const FIXTURE = { resolved: path.join(REPO, 'test', 'fixtures', 'fixture-stack', 'index.ts'), namespace: 'mvp-backend:fixture' };

/** Adapter options recording every log line. */
function recordingLog() {
  const lines: string[] = [];
  const spyFactory = ({ returns }: { returns?: unknown }) =>
    (...args: unknown[]) => {
      lines.push(plain(args.map(String).join(' ')));
      return returns;
    };
  return { lines, adapterOptions: { spyFactory } };
}

/** Runs and expects a failure; returns the error message and the files the folder holds afterwards. */
async function runExpectingError(context: ReturnType<typeof helpers.run>): Promise<{ message: string; files: string[]; dir: string }> {
  let dir = '';
  context.onTargetDirectory((target) => {
    dir = target;
  });
  try {
    await context;
  } catch (error) {
    return { message: plain((error as Error).message), files: listFiles(dir), dir };
  }
  assert.fail('the run should have failed');
}

const SAVED_KEY = 'generator-mvp-backend';
/** Our options are not in yeoman-test's option type. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
const O = (options: Record<string, unknown>): {} => options;

describe('template path rules', () => {
  const cases: Array<[string, 'neon-postgres' | 'sqlite' | 'mongodb', string | null]> = [
    ['README.md.ejs', 'sqlite', 'README.md'],
    ['_gitignore', 'sqlite', '.gitignore'],
    ['_npmrc', 'sqlite', '.npmrc'],
    ['a/_gitignore', 'sqlite', 'a/.gitignore'],
    ['_gitignore.ejs', 'sqlite', '.gitignore'],
    ['_other', 'sqlite', '_other'],
    ['src/db/client@postgres.ts', 'neon-postgres', 'src/db/client.ts'],
    ['src/db/client@postgres.ts', 'sqlite', null],
    ['src/db/client@sqlite.ts', 'sqlite', 'src/db/client.ts'],
    ['src/db/client@mongodb.ts', 'mongodb', 'src/db/client.ts'],
    ['src/db/schema@sqlite.ts.ejs', 'sqlite', 'src/db/schema.ts'],
    ['src/db/schema@sqlite.test.ts', 'sqlite', 'src/db/schema.test.ts'],
    ['drizzle@postgres/0000.sql', 'neon-postgres', 'drizzle/0000.sql'],
    ['drizzle@postgres/0000.sql', 'sqlite', null],
    ['.env.example', 'sqlite', '.env.example'],
    ['.env@sqlite', 'sqlite', '.env'],
    ['me@example.com.txt', 'sqlite', 'me@example.com.txt'],
    ['.ejs', 'sqlite', '.ejs'],
  ];
  for (const [input, db, expected] of cases) {
    it(`${input} (${db}) → ${expected}`, () => assert.equal(mapTemplatePath(input, db), expected));
  }
});

describe('rendering (fixture templates)', () => {
  it('renders both roots through EJS with the rules, the stack root winning', async () => {
    await helpers
      .run(FixtureStackGenerator, FIXTURE)
      .withOptions(O({ db: 'neon-postgres', yes: true, 'project-root': 'My Project' }));
    const server = path.join(result.cwd, 'My Project', 'server');
    assert.deepEqual(listFiles(server), [
      '.env.example',
      '.gitignore',
      '.hidden/keep.txt',
      '.npmrc',
      'README.md',
      'assets/logo.png',
      'drizzle/0000_init.sql',
      'src/config.ts',
      'src/db/client.ts',
    ]);
    assert.equal(readFileSync(path.join(server, 'README.md'), 'utf8'), '# my-project\n\nStack: express-drizzle on neon-postgres\n');
    assert.equal(readFileSync(path.join(server, 'src/db/client.ts'), 'utf8'), "export const driver = 'postgres';\n");
    assert.equal(readFileSync(path.join(server, 'src/config.ts'), 'utf8'), "export const from = 'express-drizzle stack';\n");
    assert.equal(readFileSync(path.join(server, '.env.example'), 'utf8'), 'DB=neon-postgres\n');
    assert.equal(readFileSync(path.join(server, '.hidden/keep.txt'), 'utf8'), 'hidden clerk\n');
    assert.deepEqual(
      readFileSync(path.join(server, 'assets/logo.png')),
      readFileSync(path.join(FIXTURE_TEMPLATES, 'shared/assets/logo.png')),
      'binary files are copied verbatim',
    );
  });

  it('keeps only the chosen database family', async () => {
    await helpers.run(FixtureStackGenerator, FIXTURE).withOptions(O({ db: 'sqlite', yes: true }));
    const server = path.join(result.cwd, 'server');
    assert.ok(!existsSync(path.join(server, 'drizzle')));
    assert.equal(readFileSync(path.join(server, 'src/db/client.ts'), 'utf8'), "export const driver = 'sqlite';\n");
  });
});

describe('file sets of the available stacks (snapshots)', () => {
  // Stored beside each generator; refresh with UPDATE_SNAPSHOTS=1 npm run test:unit.
  for (const stack of AVAILABLE.backendTech) {
    for (const db of ['neon-postgres', 'sqlite'] as const) {
      it(`${stack} × ${db}`, async () => {
        await helpers.run(AppGenerator, APP).withOptions(O({ 'backend-tech': stack, db, yes: true }));
        const files = listFiles(path.join(result.cwd, 'server'));
        const snapshotFile = path.join(REPO, 'generators', stack, '__snapshots__', `${db}.json`);
        if (process.env.UPDATE_SNAPSHOTS === '1' || !existsSync(snapshotFile)) {
          mkdirSync(path.dirname(snapshotFile), { recursive: true });
          writeFileSync(snapshotFile, `${JSON.stringify({ backendTech: stack, db, files }, null, 2)}\n`);
        }
        const snapshot = JSON.parse(readFileSync(snapshotFile, 'utf8')) as { files: string[] };
        assert.deepEqual(files, snapshot.files, `file set changed; if intended run UPDATE_SNAPSHOTS=1 npm run test:unit`);
      });
    }
  }
});

describe('root generator', () => {
  it('runs without a terminal and without --yes: defaults, no hang, says so', async () => {
    const log = recordingLog();
    await helpers.run(AppGenerator, APP).withAdapterOptions(log.adapterOptions);
    const saved = result.fs.readJSON(path.join(result.cwd, '.yo-rc.json')) as Record<string, Record<string, string>>;
    assert.deepEqual(saved[SAVED_KEY], {
      backendTech: 'express-drizzle',
      db: 'neon-postgres',
      auth: 'clerk',
      targetDir: 'server',
      projectName: path.basename(result.cwd).toLowerCase(),
    });
    assert.deepEqual(result.askedQuestions, []);
    const text = log.lines.join('\n');
    assert.match(text, /Using defaults \(no terminal to ask in\): backend-tech express-drizzle, db neon-postgres, auth clerk/);
    assert.match(text, /backend-tech express-drizzle \(default\)/);
    assert.match(text, /yo mvp-backend --backend-tech express-drizzle --db neon-postgres --auth clerk --target-dir server --yes/);
    assert.match(text, /cd .*server && (npm install && )?npm run dev/);
    assert.doesNotMatch(text, /Welcome/);
  });

  it('prompts only for what is open, in interactive runs', async () => {
    await helpers
      .run(AppGenerator, APP)
      .withOptions(O({ interactive: true, db: 'sqlite' }))
      .withAnswers({ backendTech: 'express-drizzle', auth: 'clerk', targetDir: 'api' });
    assert.deepEqual(result.askedQuestions.map((question) => question.name), ['backendTech', 'auth', 'targetDir']);
    result.assertFile('api/package.json');
    result.assertJsonFileContent('.yo-rc.json', { [SAVED_KEY]: { db: 'sqlite', targetDir: 'api' } });
  });

  it('asks nothing when everything is settled, even interactively', async () => {
    await helpers
      .run(AppGenerator, APP)
      .withOptions(O({ interactive: true, 'backend-tech': 'express-drizzle', db: 'sqlite', auth: 'clerk' }));
    assert.deepEqual(result.askedQuestions, []);
  });

  it('reuses .yo-rc.json on re-runs', async () => {
    await helpers
      .run(AppGenerator, APP)
      .withYoRc({ [SAVED_KEY]: { db: 'sqlite', targetDir: 'backend', projectName: 'kept-name' } })
      .withOptions(O({ yes: true }));
    result.assertFile('backend/package.json');
    result.assertJsonFileContent('backend/package.json', { name: 'kept-name' });
  });

  it('takes choices from the intake file, the request file and the environment', async () => {
    const before = process.env.AUTH;
    process.env.AUTH = 'clerk';
    try {
      const log = recordingLog();
      await helpers
        .run(AppGenerator, APP)
        .withAdapterOptions(log.adapterOptions)
        .withFiles({
          'project-logs/mvp/intake/latest.json': { target_dir: 'svc', project_name: 'Intake Name' },
          'docs/mvp/REQUEST.txt': 'A B2B portal storing data in an SQLite file',
        })
        .withOptions(O({ yes: true }));
      result.assertJsonFileContent('svc/package.json', { name: 'intake-name' });
      result.assertJsonFileContent('.yo-rc.json', { [SAVED_KEY]: { db: 'sqlite', backendTech: 'express-drizzle', auth: 'clerk' } });
      const text = log.lines.join('\n');
      assert.match(text, /db sqlite \(from the request: ".*SQLite file.*"\)/);
      assert.match(text, /auth clerk \(from environment variable AUTH\)/);
      assert.match(text, /target-dir svc \(from project-logs\/mvp\/intake\/latest\.json\)/);
    } finally {
      if (before === undefined) delete process.env.AUTH;
      else process.env.AUTH = before;
    }
  });

  it('generates into --project-root/--target-dir', async () => {
    await helpers.run(AppGenerator, APP).withOptions(O({ yes: true, 'project-root': 'my root', 'target-dir': 'api' }));
    result.assertFile('my root/api/package.json');
    result.assertFile('my root/.yo-rc.json');
    result.assertJsonFileContent('my root/api/package.json', { name: 'my-root' });
  });

  it('lists every option in --help', async () => {
    const context = helpers.create(AppGenerator, APP).withOptions(O({ help: true }));
    await context.build();
    const help = plain(context.generator.help());
    for (const option of ['--backend-tech', '--db', '--auth', '--target-dir', '--project-root', '--request', '--yes', '--skip-install', '--force']) {
      assert.ok(help.includes(option), `${option} missing from help:\n${help}`);
    }
  });

  it('resolves the stack generator next to itself with its own extension', () => {
    assert.equal(stackGeneratorPath('express-drizzle'), EXPRESS_DRIZZLE_PATH);
  });
});

describe('errors: non-zero, nothing written', () => {
  it('unknown option value', async () => {
    const { message, files } = await runExpectingError(helpers.run(AppGenerator, APP).withOptions(O({ db: 'oracle' })));
    assert.equal(message, '--db "oracle" is not one of: neon-postgres, sqlite, mongodb');
    assert.deepEqual(files, []);
  });

  it('unavailable stack', async function () {
    // Whichever stack is still to come; once every stack is available there is nothing left to refuse.
    const stack = BACKEND_TECHS.find((tech) => !AVAILABLE.backendTech.includes(tech));
    if (!stack) return this.skip();
    const { message, files } = await runExpectingError(helpers.run(AppGenerator, APP).withOptions(O({ 'backend-tech': stack, yes: true })));
    assert.equal(message, `${stack} is not available yet in generator-mvp-backend 0.1.0 (available: ${AVAILABLE.backendTech.join(', ')})`);
    assert.deepEqual(files, []);
  });

  it('malformed intake file', async () => {
    const { message, files } = await runExpectingError(
      helpers
        .run(AppGenerator, APP)
        .withFiles({ 'project-logs/mvp/intake/latest.json': '{\n  "db": "sqlite"\n  "auth": "clerk"\n}' })
        .commitFiles(),
    );
    assert.match(message, /^project-logs\/mvp\/intake\/latest\.json is not valid JSON \(line 3, column 3\)/);
    assert.deepEqual(files, ['project-logs/mvp/intake/latest.json']);
  });

  it('two frameworks in the request, without a terminal', async () => {
    const { message, files } = await runExpectingError(helpers.run(AppGenerator, APP).withOptions(O({ request: 'NestJS or FastAPI?' })));
    assert.match(message, /names more than one framework: fastapi .* and nest .*Choose one with --backend-tech/);
    assert.deepEqual(files, []);
  });

  it('two frameworks in the request, interactively: a prompt settles it', async () => {
    await helpers
      .run(AppGenerator, APP)
      .withOptions(O({ request: 'Hono or Express?', interactive: true, db: 'sqlite', auth: 'clerk', 'target-dir': 'server' }))
      .withAnswers({ backendTech: 'express-drizzle' });
    assert.deepEqual(result.askedQuestions, [{ name: 'backendTech', answer: 'express-drizzle' }]);
  });

  it('a target holding package.json and .env: stops, lists them, both files byte-identical', async () => {
    const pkg = '{ "name": "mine", "private": true }\n';
    const dotenv = 'SECRET=keep-me\n';
    const { message, files, dir } = await runExpectingError(
      helpers
        .run(AppGenerator, APP, { force: false })
        .withFiles({ 'server/package.json': pkg, 'server/.env': dotenv })
        .commitFiles()
        .withOptions(O({ force: false })),
    );
    assert.match(message, /Stopped before writing anything: .*would be overwritten/);
    assert.match(message, /^ {2}package\.json$/m);
    assert.deepEqual(files, ['server/.env', 'server/package.json']);
    assert.equal(readFileSync(path.join(dir, 'server/package.json'), 'utf8'), pkg);
    assert.equal(readFileSync(path.join(dir, 'server/.env'), 'utf8'), dotenv);
  });

  it('the same target with --force: overwritten', async () => {
    await helpers
      .run(AppGenerator, APP)
      .withFiles({ 'server/package.json': '{ "name": "mine" }\n' })
      .commitFiles()
      .withOptions(O({ force: true, yes: true }));
    result.assertJsonFileContent('server/package.json', { name: path.basename(result.cwd).toLowerCase() });
  });
});

describe('stack sub-generator run alone', () => {
  it('yo mvp-backend:express-drizzle --db sqlite', async () => {
    await helpers.run(ExpressDrizzleGenerator, STACK).withOptions(O({ db: 'sqlite' }));
    result.assertFile('server/package.json');
    result.assertJsonFileContent('.yo-rc.json', { [SAVED_KEY]: { backendTech: 'express-drizzle', db: 'sqlite' } });
  });

  it('a different --backend-tech is an error', async () => {
    const { message, files } = await runExpectingError(
      helpers.run(ExpressDrizzleGenerator, STACK).withOptions(O({ 'backend-tech': 'hono' })),
    );
    assert.match(message, /--backend-tech hono does not match this generator \(mvp-backend:express-drizzle\)/);
    assert.deepEqual(files, []);
  });
});

describe('composition by another generator', () => {
  const composed: Array<{ namespace: string; options: Record<string, unknown> }> = [];

  function parentComposing(target: string, options: Record<string, unknown>) {
    return class Parent extends Generator {
      async initializing() {
        await this.composeWith(target, options);
      }
      writing() {
        this.fs.write(this.destinationPath('parent.txt'), 'parent');
      }
    };
  }

  async function runParent(target: string, options: Record<string, unknown>, parentOptions: Record<string, unknown> = {}) {
    composed.length = 0;
    return helpers
      .run(parentComposing(target, options))
      .withOptions(O({ skipInstall: true, ...parentOptions }))
      .withEnvironment((env) => {
        env.register(AppGenerator as never, APP);
        env.on('compose', (namespace: string, generator: { options: Record<string, unknown> }) => {
          composed.push({ namespace, options: generator.options });
        });
      });
  }

  it('by path: files land under the parent destination, no prompts when settled', async () => {
    await runParent(APP_PATH, { 'backend-tech': 'express-drizzle', db: 'sqlite', auth: 'clerk', interactive: true });
    result.assertFile('parent.txt');
    result.assertFile('server/package.json');
    result.assertJsonFileContent('.yo-rc.json', { [SAVED_KEY]: { db: 'sqlite' } });
    assert.deepEqual(result.askedQuestions, []);
  });

  it('by namespace, with target-dir, following the parent skip-install', async () => {
    await runParent('mvp-backend', { backendTech: 'express-drizzle', db: 'neon-postgres', auth: 'clerk', targetDir: 'backend', yes: true });
    result.assertFile('backend/package.json');
    result.assertNoFile('server/package.json');
    const stack = composed.find((entry) => entry.namespace.includes('express-drizzle'));
    assert.ok(stack, `stack not composed: ${composed.map((entry) => entry.namespace).join(', ')}`);
    assert.equal(stack.options.skipInstall, true);
  });
});
