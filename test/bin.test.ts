// The `mvp-backend` bin, run as a child process without a terminal (stdin is a closed pipe).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { listFiles, REPO } from './helpers.js';

const BIN = path.join(REPO, 'bin', 'mvp-backend.ts');
const TSX = import.meta.resolve('tsx/esm'); // absolute: the child runs in a temporary folder

function runBin(args: string[], cwd: string, timeoutMs = 40_000): Promise<{ code: number | null; stdout: string; stderr: string; timedOut: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', TSX, BIN, ...args], {
      cwd,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
    });
    child.stdin.end(); // no terminal, nothing to read: must not hang
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, timedOut });
    });
  });
}

describe('mvp-backend bin (no terminal)', function () {
  this.timeout(60_000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'mvp-bin-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('finishes with defaults, no questions, exit 0', async () => {
    const run = await runBin(['--skip-install', '--db', 'sqlite'], dir);
    assert.equal(run.timedOut, false, 'hung');
    assert.equal(run.code, 0, run.stderr);
    const output = run.stdout + run.stderr; // Yeoman logs to stderr
    assert.match(output, /Using defaults \(no terminal to ask in\)/);
    assert.match(output, /db sqlite \(from --db\)/);
    assert.ok(listFiles(path.join(dir, 'server')).includes('package.json'));
    const saved = JSON.parse(readFileSync(path.join(dir, '.yo-rc.json'), 'utf8'));
    assert.equal(saved['generator-mvp-backend'].db, 'sqlite');
  });

  it('a target with its own package.json and .env: non-zero exit, both files byte-identical', async () => {
    mkdirSync(path.join(dir, 'server'));
    const pkg = Buffer.from('{ "name": "mine" }\n');
    const dotenv = Buffer.from('SECRET=do-not-touch\n');
    writeFileSync(path.join(dir, 'server', 'package.json'), pkg);
    writeFileSync(path.join(dir, 'server', '.env'), dotenv);
    const run = await runBin(['--skip-install', '--yes'], dir);
    assert.equal(run.timedOut, false, 'hung');
    assert.notEqual(run.code, 0);
    assert.match(run.stderr, /Stopped before writing anything/);
    assert.match(run.stderr, /package\.json/);
    assert.deepEqual(readFileSync(path.join(dir, 'server', 'package.json')), pkg);
    assert.deepEqual(readFileSync(path.join(dir, 'server', '.env')), dotenv);
    assert.deepEqual(listFiles(dir), ['server/.env', 'server/package.json']);
  });

  it('--help lists the options', async () => {
    const run = await runBin(['--help'], dir);
    assert.equal(run.code, 0, run.stderr);
    for (const option of ['--backend-tech', '--db', '--auth', '--target-dir', '--project-root', '--request', '--yes', '--skip-install', '--force']) {
      assert.ok(run.stdout.includes(option), `${option} missing:\n${run.stdout}`);
    }
  });
});
