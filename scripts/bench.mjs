#!/usr/bin/env node
// npm run bench: how fast the generator writes a project, and how fast the generated server answers.
//   1. generation without install: median of 5 runs of the mvp-backend bin (process start to exit)
//   2. per stack, against PostgreSQL: cold start (process start to the first 200 on /health) and the
//      throughput of an authenticated GET /api/reports?limit=20 (autocannon, 10 s, 32 connections)
// Needs a built generator (npm run build) and PostgreSQL (BENCH_DATABASE_URL, or scripts/start-postgres.sh).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createSign, generateKeyPairSync, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(repo, 'dist', 'bin', 'mvp-backend.js');
const STACKS = ['express-drizzle', 'fastify', 'nest', 'hono', 'fastapi'];
/** Python stacks: a venv and pip instead of npm, `python -m app` instead of the build. */
const PYTHON_STACKS = new Set(['fastapi']);
const work = mkdtempSync(path.join(tmpdir(), 'mvp-backend-bench-'));
const env = { ...process.env, CI: 'true', NO_UPDATE_NOTIFIER: '1' };
const sh = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
// Our own database and ports, so that two runs on one machine do not measure each other.
const BENCH_DB = `bench_${process.pid}`;
const freePort = () => new Promise((resolve, reject) => {
  const probe = net.createServer().once('error', reject);
  probe.listen(0, '127.0.0.1', () => { const { port } = probe.address(); probe.close(() => resolve(port)); });
});

function generate(target, stack, extra = []) {
  const started = performance.now();
  const r = spawnSync(process.execPath, [bin, '--backend-tech', stack, '--db', 'neon-postgres', '--auth', 'clerk', '--yes', '--target-dir', target, ...extra], { cwd: work, env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`generation failed:\n${r.stdout}${r.stderr}`);
  return performance.now() - started;
}

/** A fresh database per stack: each applies its own migrations (Drizzle's or Alembic's) to an empty one. */
function postgres() {
  const server = process.env.BENCH_DATABASE_URL ?? sh('bash', [path.join(repo, 'scripts', 'start-postgres.sh')]).trim();
  return (stack) => {
    const name = `${BENCH_DB}_${stack.replace(/\W/g, '_')}`;
    sh('psql', [server, '-qc', `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`]);
    sh('psql', [server, '-qc', `CREATE DATABASE ${name}`]);
    return server.replace(/\/[^/]*$/, `/${name}`);
  };
}

function clerkToken(privateKey, sub) {
  const b64 = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const data = `${b64({ alg: 'RS256', typ: 'JWT', kid: 'bench' })}.${b64({ sub, iat: now, nbf: now - 5, exp: now + 3600, iss: 'https://clerk.bench.example', sid: 'sess_bench' })}`;
  return `${data}.${createSign('RSA-SHA256').update(data).sign(privateKey, 'base64url')}`;
}

async function measureStack(stack, databaseUrl) {
  const project = path.join(work, stack);
  generate(project, stack, ['--skip-install']);
  const python = PYTHON_STACKS.has(stack);
  if (python) {
    sh('python3', ['-m', 'venv', '.venv'], project);
    sh(path.join(project, '.venv', 'bin', 'python'), ['-m', 'pip', 'install', '--quiet', '-e', '.'], project);
  } else {
    sh('npm', ['install', '--no-audit', '--no-fund'], project);
    sh('npm', ['run', 'build'], project);
  }
  const keys = generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
  const port = await freePort();
  const serverEnv = { ...env, NODE_ENV: 'production', ENVIRONMENT: 'production', PORT: String(port), DATABASE_URL: databaseUrl, CLERK_JWT_KEY: keys.publicKey, RATE_LIMIT_MAX: '100000000', LOG_LEVEL: 'warn' };
  const started = performance.now();
  const [command, commandArgs] = python ? [path.join(project, '.venv', 'bin', 'python'), ['-m', 'app']] : [process.execPath, ['dist/index.js']];
  const child = spawn(command, commandArgs, { cwd: project, env: serverEnv, stdio: 'ignore', detached: true });
  const url = `http://127.0.0.1:${port}`;
  let coldStartMs;
  for (const deadline = Date.now() + 60_000; coldStartMs === undefined && Date.now() < deadline; ) {
    try {
      if ((await fetch(`${url}/health`)).status === 200) coldStartMs = performance.now() - started;
    } catch { await sleep(25); }
  }
  try {
    if (coldStartMs === undefined) throw new Error(`${stack} did not start`);
    const token = clerkToken(keys.privateKey, `user_${randomUUID()}`);
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    await fetch(`${url}/auth/sync`, { method: 'POST', headers, body: JSON.stringify({ email: 'bench@example.com', organizationName: 'Bench' }) });
    for (let i = 0; i < 50; i++) await fetch(`${url}/api/reports`, { method: 'POST', headers, body: JSON.stringify({ title: `Report ${i}`, content: 'x'.repeat(500) }) });
    const probe = await fetch(`${url}/api/reports?limit=20`, { headers });
    if (probe.status !== 200) throw new Error(`GET /api/reports answered ${probe.status}`);
    await autocannon({ url: `${url}/api/reports?limit=20`, headers, connections: 32, duration: 3 }); // warm-up
    const result = await autocannon({ url: `${url}/api/reports?limit=20`, headers, connections: 32, duration: 10 });
    if (result.non2xx) throw new Error(`${result.non2xx} answers were not 2xx`);
    return { stack, coldStartMs, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
  } finally {
    try { process.kill(-child.pid, 'SIGTERM'); } catch { /* gone */ }
  }
}

try {
  const times = [];
  for (let i = 0; i < 5; i++) times.push(generate(path.join(work, `gen-${i}`), 'express-drizzle', ['--skip-install']));
  console.log(`generate express-drizzle without install: median ${median(times).toFixed(0)} ms (5 runs: ${times.map((t) => t.toFixed(0)).join(', ')})`);
  const databaseFor = postgres();
  console.log('\nstack            cold start   GET /api/reports?limit=20 (PostgreSQL, 32 connections)');
  let failed = 0;
  for (const stack of STACKS) {
    try {
      const r = await measureStack(stack, databaseFor(stack));
      console.log(`${stack.padEnd(16)} ${`${r.coldStartMs.toFixed(0)} ms`.padStart(10)}   ${r.rps.toFixed(0)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms`);
    } catch (error) {
      failed++;
      console.log(`${stack.padEnd(16)} failed: ${error.message}`);
    }
  }
  process.exitCode = failed ? 1 : 0;
} finally {
  rmSync(work, { recursive: true, force: true });
}
