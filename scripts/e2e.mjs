#!/usr/bin/env node
// End-to-end test, as a user would meet the generator: pack it, install it globally beside yo in a
// scratch prefix, generate each stack x database, then for each generated project: npm install (no
// deprecation warning), typecheck, build, its own tests (PGlite or SQLite, and a real PostgreSQL), the
// committed migrations match the schema, and the shared conformance suite against `npm start`.
// Needs a PostgreSQL: E2E_DATABASE_URL, or scripts/start-postgres.sh starts one.
//
//   node scripts/e2e.mjs [--only express-drizzle:sqlite] [--keep]
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createSign, generateKeyPairSync } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const conformance = path.resolve(repo, '..', 'shared', 'conformance', 'run.mjs');
const { values: args } = parseArgs({ options: { only: { type: 'string' }, keep: { type: 'boolean' } } });

/** Every combination that can be generated today, and how its project is checked. */
const COMBINATIONS = [
  { stack: 'express-drizzle', db: 'neon-postgres', folder: 'my-dir', via: 'yo' },
  { stack: 'express-drizzle', db: 'sqlite', folder: 'with space', via: 'bin' },
  { stack: 'fastify', db: 'neon-postgres', folder: 'fastify-api', via: 'bin' },
  { stack: 'fastify', db: 'sqlite', folder: 'fastify api', via: 'yo' },
  { stack: 'nest', db: 'neon-postgres', folder: 'nest api', via: 'yo' },
  { stack: 'nest', db: 'sqlite', folder: 'nest-api', via: 'bin' },
  { stack: 'hono', db: 'neon-postgres', folder: 'hono-api', via: 'yo' },
  { stack: 'hono', db: 'sqlite', folder: 'hono api', via: 'bin' },
  { stack: 'fastapi', db: 'neon-postgres', folder: 'fastapi api', via: 'yo' },
  { stack: 'fastapi', db: 'sqlite', folder: 'fastapi-api', via: 'bin' },
].filter((c) => !args.only || `${c.stack}:${c.db}` === args.only);

const results = [];
const work = mkdtempSync(path.join(tmpdir(), 'mvp-backend-e2e-'));
// yo run as root drops to uid 1000: everything it touches must be theirs to read and write.
chmodSync(work, 0o777);

/** A folder that yo, running as uid 1000 when started by root, may write in. */
function sharedDir(dir) {
  mkdirSync(dir, { recursive: true });
  chmodSync(dir, 0o777);
  return dir;
}

// Our own npm runs and yo's (as uid 1000 under root) each get a HOME, so neither meets the other's cache.
const homeOf = (who) => {
  const home = sharedDir(path.join(work, `home-${who}`));
  return { HOME: home, XDG_CONFIG_HOME: sharedDir(path.join(home, '.config')) };
};
const env = { ...process.env, ...homeOf('npm'), CI: 'true', NO_UPDATE_NOTIFIER: '1' };
for (const key of Object.keys(env)) if (key.startsWith('npm_')) delete env[key]; // not the settings of our own `npm run`
const yoEnv = homeOf('yo');

function log(line) {
  process.stdout.write(`${line}\n`);
}

/** Runs a command; returns { status, output }. Throws on a non-zero exit unless `allowFail`. */
function run(command, commandArgs, { cwd = work, allowFail = false, extraEnv = {}, timeoutMs = 15 * 60_000, input } = {}) {
  const started = Date.now();
  const r = spawnSync(command, commandArgs, { cwd, env: { ...env, ...extraEnv }, encoding: 'utf8', timeout: timeoutMs, input, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  const output = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (r.error) throw new Error(`${command} ${commandArgs.join(' ')}: ${r.error.message}\n${output.slice(-3000)}`);
  if (r.status !== 0 && !allowFail) throw new Error(`${command} ${commandArgs.join(' ')} exited ${r.status} after ${seconds} s\n${output.slice(-6000)}`);
  return { status: r.status, output, seconds };
}

async function step(name, fn) {
  const started = Date.now();
  try {
    const note = await fn();
    results.push({ name, ok: true });
    log(`  ok    ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)${note ? ` — ${note}` : ''}`);
    return true;
  } catch (error) {
    results.push({ name, ok: false });
    log(`  FAIL  ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)\n${String(error.message ?? error).split('\n').map((l) => `        ${l}`).join('\n')}`);
    return false;
  }
}

function postgresUrl() {
  if (process.env.E2E_DATABASE_URL) return process.env.E2E_DATABASE_URL;
  return execFileSync('bash', [path.join(repo, 'scripts', 'start-postgres.sh')], { encoding: 'utf8' }).trim();
}

/** A fresh, empty database on the server, so each run starts clean. */
function freshDatabase(serverUrl, name) {
  run('psql', [serverUrl, '-qc', `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`]);
  run('psql', [serverUrl, '-qc', `CREATE DATABASE "${name}"`]);
  return serverUrl.replace(/\/[^/]*$/, `/${name}`);
}

const conformanceSummary = (output) => output.trim().split('\n').at(-1);
/**
 * The conformance suite against `start`. Its timing checks (the AI timeout must answer within 1.4–4 s)
 * can miss on a loaded machine, so one failed run is retried once, and the first run's failures are shown.
 */
function runConformance(server, start, url) {
  const attempt = () => run('node', [conformance, '--cwd', server, '--start', start, '--env', `DATABASE_URL=${url}`], { allowFail: true });
  const first = attempt();
  if (first.status === 0) return conformanceSummary(first.output);
  const firstFailures = conformanceFailures(first.output).split('\n\n')[0];
  const second = attempt();
  if (second.status !== 0) throw new Error(`${firstFailures}\n-- and again on a second run --\n${conformanceFailures(second.output)}`);
  return `${conformanceSummary(second.output)} on a second run; the first failed:\n${firstFailures}`;
}

/** The failing tests with their reasons (cut before the server's log), then the summary line. */
const conformanceFailures = (output) => {
  const lines = output.split('\n');
  const failures = lines.flatMap((line, i) => (line.startsWith('  FAIL') ? [line, ...lines.slice(i + 1, i + 6).filter((l) => /^ {8}/.test(l))] : []));
  return [...failures, '', output.slice(-3000)].join('\n');
};
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Node: the built server. Python: the venv's `python -m app`. */
const NODE_START = [process.execPath, ['dist/index.js']];
const PYTHON_START = ['.venv/bin/python', ['-m', 'app']];

/** Starts the server of `cwd` on `port` with `start` ([command, args]); resolves once GET /health answers 200. */
async function startServer(cwd, port, extraEnv, [command, commandArgs] = NODE_START) {
  const child = spawn(command, commandArgs, { cwd, env: { ...env, NODE_ENV: 'production', ENVIRONMENT: 'production', LOG_LEVEL: 'warn', PORT: String(port), ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const stop = () => child.kill('SIGTERM');
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`the server on port ${port} exited ${child.exitCode}:\n${output}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).status === 200) return { stop, url: `http://127.0.0.1:${port}` };
    } catch { /* not yet */ }
    await sleep(100);
  }
  stop();
  throw new Error(`the server on port ${port} did not answer /health within 30 s:\n${output}`);
}

/** A Clerk-shaped RS256 session token, signed with `privateKey`. */
function clerkToken(privateKey, sub) {
  const b64 = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const data = `${b64({ alg: 'RS256', typ: 'JWT', kid: 'e2e' })}.${b64({ sub, iat: now, nbf: now - 5, exp: now + 600, iss: 'https://clerk.e2e.example', sid: 'sess_e2e' })}`;
  return `${data}.${createSign('RSA-SHA256').update(data).sign(privateKey, 'base64url')}`;
}

/** Three instances start at once on one empty database (migrations race), then two share Redis counters. */
async function checkInstances(server, pgServer, id, start = NODE_START) {
  const url = freshDatabase(pgServer, `e2e_${process.pid}_instances`);
  const keys = generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
  const base = { DATABASE_URL: url, CLERK_JWT_KEY: keys.publicKey };
  await step(`${id}: three instances start at once on an empty PostgreSQL database`, async () => {
    const servers = await Promise.all([5611, 5612, 5613].map((port) => startServer(server, port, base, start)));
    servers.forEach((s) => s.stop());
  });
  const redisPort = 6390;
  const redis = spawn('redis-server', ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  redis.on('error', () => {});
  try {
    await step(`${id}: with REDIS_URL two instances share one rate limit (RATE_LIMIT_MAX=5)`, async () => {
      await sleep(300);
      if (redis.exitCode !== null || redis.pid === undefined) throw new Error('redis-server could not start (apt-get install redis-server)');
      const shared = { ...base, REDIS_URL: `redis://127.0.0.1:${redisPort}`, RATE_LIMIT_MAX: '5', RATE_LIMIT_WINDOW_MS: '60000' };
      const [a, b] = await Promise.all([startServer(server, 5621, shared, start), startServer(server, 5622, shared, start)]);
      try {
        const headers = { authorization: `Bearer ${clerkToken(keys.privateKey, 'user_e2e_redis')}` };
        const statuses = [];
        for (const s of [a, a, a, b, b, b]) statuses.push((await fetch(`${s.url}/api/reports`, { headers })).status);
        if (statuses.slice(0, 5).includes(429) || statuses[5] !== 429) throw new Error(`statuses ${statuses.join(' ')}; expected the 6th (on the second instance) to be 429`);
        return statuses.join(' ');
      } finally {
        a.stop();
        b.stop();
      }
    });
  } finally {
    redis.kill();
  }
}

async function checkProject(combo, bin, pgServer) {
  const id = `${combo.stack}:${combo.db}`;
  const projectRoot = sharedDir(path.join(work, 'projects', combo.folder));
  const server = path.join(projectRoot, 'server');
  const flags = ['--backend-tech', combo.stack, '--db', combo.db, '--auth', 'clerk', '--yes'];
  log(`\n== ${id} (in "${projectRoot}", via ${combo.via}) ==`);

  const generated = await step(`${id}: generate${combo.via === 'yo' ? ' and install with yo mvp-backend' : ' with the mvp-backend bin, then npm install'}`, () => {
    if (combo.via === 'yo') {
      const r = run(path.join(bin, 'yo'), ['mvp-backend', ...flags], { cwd: projectRoot, extraEnv: yoEnv });
      if (/deprecated/i.test(r.output)) throw new Error(`the install printed a deprecation warning:\n${r.output.split('\n').filter((l) => /deprecated/i.test(l)).join('\n')}`);
      if (!existsSync(path.join(server, 'node_modules'))) throw new Error(`yo did not install:\n${r.output.slice(-3000)}`);
      return `${r.seconds} s`;
    }
    run(path.join(bin, 'mvp-backend'), [...flags, '--skip-install'], { cwd: projectRoot });
    const install = run('npm', ['install', '--no-audit', '--no-fund'], { cwd: server });
    if (/deprecated/i.test(install.output)) throw new Error(`npm install printed a deprecation warning:\n${install.output}`);
    return `install ${install.seconds} s`;
  });
  if (!generated) return;

  await step(`${id}: package name comes from the folder`, () => {
    const name = JSON.parse(readFileSync(path.join(server, 'package.json'), 'utf8')).name;
    const expected = combo.folder.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    if (name !== expected) throw new Error(`package.json name is ${name}, expected ${expected}`);
  });
  await step(`${id}: npm run typecheck`, () => void run('npm', ['run', 'typecheck'], { cwd: server }));
  await step(`${id}: npm run build`, () => void run('npm', ['run', 'build'], { cwd: server }));
  await step(`${id}: npm test (${combo.db === 'sqlite' ? 'in-memory SQLite' : 'in-memory PGlite'})`, () => {
    const r = run('npm', ['test'], { cwd: server });
    return r.output.split('\n').find((l) => /Tests\s+\d+ passed/.test(l))?.trim();
  });
  // E2E_EXTRA_NODES: other Node binaries (colon-separated) to run the generated tests on.
  for (const nodeBin of (process.env.E2E_EXTRA_NODES ?? '').split(':').filter(Boolean)) {
    const version = run(nodeBin, ['--version']).output.trim();
    await step(`${id}: the generated tests on Node ${version}`, () => {
      const r = run(nodeBin, ['node_modules/vitest/vitest.mjs', 'run'], { cwd: server });
      return r.output.split('\n').find((l) => /Tests\s+\d+ passed/.test(l))?.trim();
    });
  }
  if (combo.db === 'neon-postgres') {
    await step(`${id}: npm test on PostgreSQL (TEST_DATABASE_URL)`, () => {
      const url = freshDatabase(pgServer, `e2e_${process.pid}_${combo.stack.replace(/\W/g, '_')}_tests`);
      const r = run('npm', ['test'], { cwd: server, extraEnv: { TEST_DATABASE_URL: url } });
      return r.output.split('\n').find((l) => /Tests\s+\d+ passed/.test(l))?.trim();
    });
  } else {
    await step(`${id}: npm test on a SQLite file (TEST_DATABASE_URL)`, () => {
      const r = run('npm', ['test'], { cwd: server, extraEnv: { TEST_DATABASE_URL: `file:${path.join(server, '.data', 'e2e-tests.db')}` } });
      return r.output.split('\n').find((l) => /Tests\s+\d+ passed/.test(l))?.trim();
    });
  }
  await step(`${id}: committed migrations match the schema (db:generate finds nothing)`, () => {
    const before = readdirSync(path.join(server, 'drizzle')).join(',');
    run('npm', ['run', 'db:generate'], { cwd: server });
    const after = readdirSync(path.join(server, 'drizzle')).join(',');
    if (before !== after) throw new Error(`drizzle-kit generated a new migration: ${after}`);
  });

  const targets = combo.db === 'sqlite'
    ? [['a SQLite file', `file:${path.join(server, '.data', 'conformance.db')}`]]
    : [['PostgreSQL', freshDatabase(pgServer, `e2e_${process.pid}_${combo.stack.replace(/\W/g, '_')}_conformance`)], ['embedded PGlite', 'pglite://memory']];
  if (combo.db === 'neon-postgres') await checkInstances(server, pgServer, id);
  for (const [label, url] of targets) {
    await step(`${id}: conformance on ${label} (npm start)`, () => runConformance(server, 'npm start', url));
  }
}

/** The Python (FastAPI) project: venv, pip install from PyPI, pytest, alembic check, pip-audit, conformance. */
async function checkPythonProject(combo, bin, pgServer) {
  const id = `${combo.stack}:${combo.db}`;
  const projectRoot = sharedDir(path.join(work, 'projects', combo.folder));
  const server = path.join(projectRoot, 'server');
  const flags = ['--backend-tech', combo.stack, '--db', combo.db, '--auth', 'clerk', '--yes'];
  const python = path.join(server, '.venv', 'bin', 'python');
  const tool = (name) => path.join(server, '.venv', 'bin', name);
  const passed = (output) => output.trim().split('\n').reverse().find((l) => /\d+ passed/.test(l))?.trim();
  log(`\n== ${id} (in "${projectRoot}", via ${combo.via}) ==`);

  const generated = await step(`${id}: generate with ${combo.via === 'yo' ? 'yo mvp-backend' : 'the mvp-backend bin'} (nothing installed: next steps name venv + pip)`, () => {
    const r = combo.via === 'yo'
      ? run(path.join(bin, 'yo'), ['mvp-backend', ...flags], { cwd: projectRoot, extraEnv: yoEnv })
      : run(path.join(bin, 'mvp-backend'), flags, { cwd: projectRoot });
    if (!existsSync(path.join(server, 'pyproject.toml'))) throw new Error(`no pyproject.toml:\n${r.output.slice(-3000)}`);
    if (!/pip install -e/.test(r.output)) throw new Error(`the next steps do not say how to install:\n${r.output.slice(-3000)}`);
  });
  if (!generated) return;
  const installed = await step(`${id}: python3 -m venv .venv && pip install -e ".[dev]" (from PyPI, no deprecation warning)`, () => {
    run('python3', ['-m', 'venv', '.venv'], { cwd: server });
    run(python, ['-m', 'pip', 'install', '--quiet', '--upgrade', 'pip'], { cwd: server });
    const install = run(python, ['-m', 'pip', 'install', '--progress-bar', 'off', '-e', '.[dev]'], { cwd: server });
    // pip's own warnings ("DEPRECATION: …", yanked releases); the PyPI package named `Deprecated` (a dependency of limits) is not one.
    const warning = /^(DEPRECATION:|WARNING:.*(deprecat|yanked)).*$|\bis deprecated\b|has been deprecated/gim;
    if (warning.test(install.output)) throw new Error(`pip printed a deprecation warning:\n${install.output.match(warning).join('\n')}`);
    return `${install.seconds} s`;
  });
  if (!installed) return;
  await step(`${id}: distribution name comes from the folder`, () => {
    const name = /^name = "([^"]+)"/m.exec(readFileSync(path.join(server, 'pyproject.toml'), 'utf8'))?.[1];
    const expected = combo.folder.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    if (name !== expected) throw new Error(`pyproject.toml name is ${name}, expected ${expected}`);
  });
  await step(`${id}: pytest (temporary SQLite file)`, () => passed(run(tool('pytest'), [], { cwd: server }).output));
  if (combo.db === 'neon-postgres') {
    await step(`${id}: pytest on PostgreSQL (TEST_DATABASE_URL)`, () => {
      const url = freshDatabase(pgServer, `e2e_${process.pid}_fastapi_tests`);
      return passed(run(tool('pytest'), [], { cwd: server, extraEnv: { TEST_DATABASE_URL: url } }).output);
    });
  }
  const checkTargets = [['SQLite', `file:${path.join(server, '.data', 'alembic-check.db')}`]];
  if (combo.db === 'neon-postgres') checkTargets.unshift(['PostgreSQL', freshDatabase(pgServer, `e2e_${process.pid}_fastapi_alembic`)]);
  for (const [label, url] of checkTargets) {
    await step(`${id}: committed migrations match the models (alembic upgrade head, alembic check on ${label})`, () => {
      const extraEnv = { DATABASE_URL: url, ENVIRONMENT: 'development' };
      run(tool('alembic'), ['upgrade', 'head'], { cwd: server, extraEnv });
      const check = run(tool('alembic'), ['check'], { cwd: server, extraEnv }).output;
      if (!/No new upgrade operations detected/.test(check)) throw new Error(check.slice(-3000));
      return 'No new upgrade operations detected';
    });
  }
  await step(`${id}: pip-audit finds no known vulnerability`, () => {
    // Its own cache dir: the default one lies under a HOME that yo's uid may write to, which platformdirs refuses.
    const cacheDir = path.join(server, '.data', 'pip-audit-cache');
    const r = run(tool('pip-audit'), ['--skip-editable', '--progress-spinner', 'off', '--cache-dir', cacheDir], { cwd: server, allowFail: true, timeoutMs: 5 * 60_000 });
    if (/Found \d+ known vulnerabilit/i.test(r.output)) throw new Error(r.output.slice(-4000));
    const unaudited = (r.output.match(/could not be audited/g) ?? []).length;
    // Only PyPI's simple index is reachable from some machines: pip-audit then audits nothing (its PyPI JSON API is missing).
    if (unaudited > 0) return `SKIPPED: pip-audit could not reach its vulnerability service from here (${unaudited} packages not audited)`;
    if (r.status === 0) return r.output.trim().split('\n').at(-1);
    if (/ConnectionError|Max retries|Failed to establish|Temporary failure in name resolution|ServiceError|timed out/i.test(r.output)) {
      return 'SKIPPED: pip-audit could not reach its vulnerability service from here';
    }
    throw new Error(r.output.slice(-4000));
  });
  const targets = combo.db === 'sqlite'
    ? [['a SQLite file', `file:${path.join(server, '.data', 'conformance.db')}`]]
    : [['PostgreSQL', freshDatabase(pgServer, `e2e_${process.pid}_fastapi_conformance`).replace(/^postgres:/, 'postgresql:')]];
  if (combo.db === 'neon-postgres') await checkInstances(server, pgServer, id, PYTHON_START);
  for (const [label, url] of targets) {
    await step(`${id}: conformance on ${label} (.venv/bin/python -m app)`, () => runConformance(server, '.venv/bin/python -m app', url));
  }
}

async function main() {
  log(`e2e: working in ${work}`);
  let bin;
  const packed = await step('pack the generator and install it with yo into a scratch prefix', () => {
    run('npm', ['pack', '--pack-destination', work], { cwd: repo });
    const tgz = path.join(work, readdirSync(work).find((f) => f.endsWith('.tgz')));
    const prefix = path.join(work, 'global');
    run('npm', ['install', '--global', '--prefix', prefix, '--no-audit', '--no-fund', 'yo@7', tgz]);
    bin = path.join(prefix, 'bin');
    return path.basename(tgz);
  });
  if (!packed) return;

  await step('yo mvp-backend --help lists every option', () => {
    const help = run(path.join(bin, 'yo'), ['mvp-backend', '--help'], { cwd: work, extraEnv: yoEnv }).output;
    const missing = ['--backend-tech', '--db', '--auth', '--target-dir', '--project-root', '--request', '--yes', '--skip-install', '--force'].filter((o) => !help.includes(o));
    if (missing.length) throw new Error(`missing from --help: ${missing.join(' ')}\n${help}`);
  });

  await step('a target with its own package.json and .env, no --force: exit non-zero, both files unchanged', () => {
    const root = path.join(work, 'projects', 'occupied');
    sharedDir(path.join(root, 'server'));
    const files = { 'package.json': '{"name":"mine","private":true}\n', '.env': 'SECRET=keep-me\n' };
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(root, 'server', name), text);
    chmodSync(root, 0o777);
    const r = run(path.join(bin, 'yo'), ['mvp-backend', '--yes', '--skip-install'], { cwd: root, allowFail: true, extraEnv: yoEnv });
    if (r.status === 0) throw new Error(`exit 0:\n${r.output}`);
    for (const [name, text] of Object.entries(files)) {
      if (readFileSync(path.join(root, 'server', name), 'utf8') !== text) throw new Error(`${name} changed`);
    }
    if (!/package\.json/.test(r.output)) throw new Error(`the conflict is not listed:\n${r.output}`);
  });

  await step('no terminal and no --yes: finishes without waiting for an answer', () => {
    const root = sharedDir(path.join(work, 'projects', 'no-tty'));
    const r = run(path.join(bin, 'yo'), ['mvp-backend', '--skip-install'], { cwd: root, timeoutMs: 120_000, input: '', extraEnv: yoEnv });
    if (!existsSync(path.join(root, 'server', 'package.json'))) throw new Error(`nothing generated:\n${r.output}`);
  });

  const pgServer = postgresUrl();
  for (const combo of COMBINATIONS) await (combo.stack === 'fastapi' ? checkPythonProject : checkProject)(combo, bin, pgServer);
}

await main().catch((error) => {
  results.push({ name: 'e2e runner', ok: false });
  log(`e2e runner error: ${error.stack ?? error}`);
});
if (!args.keep) rmSync(work, { recursive: true, force: true });
else log(`kept ${work}`);
const failed = results.filter((r) => !r.ok).length;
log(`\n${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
