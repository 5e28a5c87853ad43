// The edge entry (src/edge.ts, a Cloudflare Worker) is checked the way Cloudflare builds it: bundled by
// esbuild for workerd (platform neutral, workerd/worker/browser conditions) with every Node built-in
// refused, type-checked against the Web Worker libraries, then run in a V8 context that has Web globals
// only (no process, no Buffer, no require). Neon itself is not reachable from here: the database is
// checked as "unavailable" (readiness 503), everything that needs no database is checked for real.
import { builtinModules } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import { build, type BuildOptions } from 'esbuild';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { operations } from '../src/types/operations.js';

const root = path.resolve(import.meta.dirname, '..');
const NODE_BUILTINS = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);

/** Bundles like wrangler does; returns the bundle and every Node built-in the graph tried to import. */
async function bundleForWorkers(options: Pick<BuildOptions, 'entryPoints' | 'stdin'> & { format?: 'esm' | 'iife' }) {
  const nodeImports: string[] = [];
  const result = await build({
    ...options,
    absWorkingDir: root,
    bundle: true,
    write: false,
    format: options.format ?? 'esm',
    globalName: options.format === 'iife' ? 'worker' : undefined,
    platform: 'neutral',
    conditions: ['workerd', 'worker', 'browser'],
    mainFields: ['browser', 'module', 'main'],
    target: 'es2022',
    logLevel: 'silent',
    plugins: [
      {
        name: 'no-node-builtins',
        setup(builder) {
          builder.onResolve({ filter: /.*/ }, (args) => {
            if (!NODE_BUILTINS.has(args.path) && !args.path.startsWith('node:')) return undefined;
            nodeImports.push(`${args.path} (imported by ${path.relative(root, args.importer)})`);
            return { path: args.path, external: true };
          });
        },
      },
    ],
  });
  return { code: result.outputFiles[0]!.text, nodeImports };
}

/** A V8 context with the Web globals Workers have, and nothing of Node's. */
function webOnlyContext() {
  const names = ['fetch', 'Request', 'Response', 'Headers', 'URL', 'URLSearchParams', 'TextEncoder', 'TextDecoder', 'crypto', 'atob', 'btoa', 'console', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'AbortController', 'AbortSignal', 'ReadableStream', 'WritableStream', 'TransformStream', 'structuredClone', 'queueMicrotask', 'Blob', 'FormData', 'File', 'WebSocket', 'performance', 'Event', 'EventTarget', 'DOMException'];
  return vm.createContext(Object.fromEntries(names.filter((name) => name in globalThis).map((name) => [name, (globalThis as Record<string, unknown>)[name]])));
}

interface Worker { fetch(request: Request, env: Record<string, unknown>, ctx: unknown): Promise<Response> }

async function loadWorker(): Promise<Worker> {
  const { code } = await bundleForWorkers({ entryPoints: ['src/edge.ts'], format: 'iife' });
  const context = webOnlyContext();
  expect(vm.runInContext('typeof process + typeof Buffer + typeof require', context)).toBe('undefinedundefinedundefined');
  vm.runInContext(code, context);
  return (context as unknown as { worker: { default: Worker } }).worker.default;
}

const ENV = {
  // Nothing listens on port 9: the database is unavailable, as far as this test can tell.
  DATABASE_URL: 'postgres://edge:edge@127.0.0.1:9/edge',
  CLERK_JWT_KEY: '-----BEGIN PUBLIC KEY-----\\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA\\n-----END PUBLIC KEY-----',
  FRONTEND_URL: 'https://app.example.com',
  LOG_LEVEL: 'silent',
};

describe('edge entry (Cloudflare Workers)', () => {
  it('bundles for workerd without a single Node built-in', async () => {
    const { code, nodeImports } = await bundleForWorkers({ entryPoints: ['src/edge.ts'] });
    expect(nodeImports).toEqual([]);
    expect(code.length).toBeGreaterThan(0);
  });

  it('the same check refuses a graph that imports node:fs', async () => {
    const { nodeImports } = await bundleForWorkers({
      stdin: { contents: "export { default } from './src/edge.ts';\nimport { readFileSync } from 'node:fs';\nexport const read = readFileSync;", resolveDir: root, loader: 'ts' },
    });
    expect(nodeImports).toEqual(['node:fs (imported by <stdin>)']);
  });

  it('type-checks against the Web Worker libraries', () => {
    const program = ts.createProgram([path.join(root, 'src/edge.ts')], {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      lib: ['lib.es2023.d.ts', 'lib.webworker.d.ts', 'lib.webworker.iterable.d.ts', 'lib.webworker.asynciterable.d.ts'],
      types: [],
      strict: true,
      noUncheckedIndexedAccess: true,
      skipLibCheck: true,
      noEmit: true,
    });
    const problems = ts.getPreEmitDiagnostics(program).map((d) => `${d.file ? path.relative(root, d.file.fileName) : ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
    expect(problems).toEqual([]);
  }, 120_000);

  it('serves the app with Web globals only: health, OpenAPI, auth, errors, readiness, headers', async () => {
    const worker = await loadWorker();
    const get = (url: string, headers: Record<string, string> = {}) => worker.fetch(new Request(`https://edge.example.com${url}`, { headers }), ENV, {});

    const health = await get('/health', { 'X-Request-Id': 'edge-req.1', Origin: 'https://app.example.com' });
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    expect(health.headers.get('x-request-id')).toBe('edge-req.1');
    expect(health.headers.get('x-content-type-options')).toBe('nosniff');
    expect(health.headers.get('access-control-allow-origin')).toBe('https://app.example.com');

    const doc = (await (await get('/openapi.json')).json()) as { openapi: string; paths: Record<string, Record<string, { operationId: string }>> };
    expect(doc.openapi).toBe('3.1.0');
    const documented = Object.values(doc.paths).flatMap((methods) => Object.values(methods).map((op) => op.operationId));
    expect(documented.sort()).toEqual(Object.keys(operations).sort());

    const anonymous = await get('/api/reports');
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED');

    const unknown = await get('/nowhere');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String) } });

    const ready = await get('/health/ready');
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'unavailable', db: 'error' });
  }, 60_000);

  it('rate-limits through the RATE_LIMITER binding when there is one: 429 with Retry-After, /health not counted', async () => {
    const worker = await loadWorker();
    const counts = new Map<string, number>();
    // Cloudflare's binding answers success until a key has used its limit in the period (here 2).
    const RATE_LIMITER = {
      limit: async ({ key }: { key: string }) => {
        counts.set(key, (counts.get(key) ?? 0) + 1);
        return { success: counts.get(key)! <= 2 };
      },
    };
    const env = { ...ENV, RATE_LIMITER, RATE_LIMIT_PERIOD_SECONDS: '60' };
    const get = (url: string) => worker.fetch(new Request(`https://edge.example.com${url}`, { headers: { 'cf-connecting-ip': '203.0.113.7' } }), env, {});
    for (let i = 0; i < 4; i++) expect((await get('/health')).status).toBe(200);
    expect((await get('/api/help/not-a-uuid')).status).toBe(404);
    expect((await get('/api/help/not-a-uuid')).status).toBe(404);
    const limited = await get('/api/help/not-a-uuid');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('60');
    expect(((await limited.json()) as { error: { code: string } }).error.code).toBe('RATE_LIMITED');
    expect([...counts.keys()]).toEqual(['203.0.113.7']);
  }, 60_000);
});
