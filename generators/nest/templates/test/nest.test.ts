// Nest's own parts, one by one: every operation is routed by exactly one controller method, the access
// guard reads the operation of the route it guards, the input pipe validates with the operation's
// schemas, the filter gives the contract's body for Nest's exceptions too, and the Redis rate-limit store.
import { randomUUID } from 'node:crypto';
import { HttpException, NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host.js';
import { ThrottlerException } from '@nestjs/throttler';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthController } from '../src/modules/auth/auth.controller.js';
import { HealthController } from '../src/modules/health/health.controller.js';
import { HelpController } from '../src/modules/help/help.controller.js';
import { OrganizationsController } from '../src/modules/organizations/organizations.controller.js';
import { ReportsController } from '../src/modules/reports/reports.controller.js';
import { UsersController } from '../src/modules/users/users.controller.js';
import { AccessGuard } from '../src/nest/access.guard.js';
import { ErrorsFilter } from '../src/nest/errors.filter.js';
import { OperationInputPipe } from '../src/nest/operation-input.pipe.js';
import { OPERATION_ID, type AppRequest } from '../src/nest/operation.js';
import { RedisThrottlerStorage } from '../src/nest/rate-limit.js';
import { AppError } from '../src/lib/errors.js';
import type { Logger } from '../src/lib/logger.js';
import { createServices, type Services } from '../src/services/index.js';
import { operations, type OperationId } from '../src/types/operations.js';
import { newAdmin, newMember, type Actor } from './helpers/actors.js';
import { startTestApp, type TestApp } from './helpers/app.js';

const CONTROLLERS = [HealthController, AuthController, OrganizationsController, UsersController, ReportsController, HelpController];

/** The operation ids of a controller's methods (what @Operation() recorded). */
function routed(controller: (typeof CONTROLLERS)[number]): OperationId[] {
  const proto = controller.prototype as unknown as Record<string, unknown>;
  return Object.getOwnPropertyNames(proto)
    .map((name) => (typeof proto[name] === 'function' ? (Reflect.getMetadata(OPERATION_ID, proto[name] as object) as OperationId | undefined) : undefined))
    .filter((id): id is OperationId => id !== undefined);
}

/** A request as Express would hand it to a guard or pipe. */
function request(fields: { authorization?: string; params?: Record<string, string>; query?: Record<string, string>; body?: unknown }): AppRequest {
  const headers: Record<string, string> = { host: 'api.test', ...(fields.authorization && { authorization: fields.authorization }) };
  return {
    headers,
    params: fields.params ?? {},
    query: fields.query ?? {},
    body: fields.body,
    protocol: 'http',
    originalUrl: '/',
    get: (name: string) => headers[name.toLowerCase()],
  } as unknown as AppRequest;
}

/** The guard's view of a call to `controller.method`. */
function contextOf(controller: (typeof CONTROLLERS)[number], method: string, req: AppRequest) {
  const handler = (controller.prototype as unknown as Record<string, () => unknown>)[method]!;
  return new ExecutionContextHost([req, {}], controller, handler);
}

describe('controllers', () => {
  it('route every operation of the catalogue exactly once', () => {
    const all = CONTROLLERS.flatMap(routed);
    expect([...all].sort()).toEqual(Object.keys(operations).sort());
    expect(new Set(all).size).toBe(all.length);
  });
});

describe('AccessGuard, input pipe (real services and database)', () => {
  let t: TestApp;
  let services: Services;
  let admin: Actor;
  let member: Actor;
  beforeAll(async () => {
    t = await startTestApp();
    services = createServices(t.config, t.database);
    admin = await newAdmin(t);
    member = await newMember(t, admin);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lets an ADMIN through an admin operation and leaves the caller on the request', async () => {
    const req = request({ authorization: admin.auth.Authorization });
    await expect(new AccessGuard(services).canActivate(contextOf(ReportsController, 'deleteReport', req))).resolves.toBe(true);
    expect(req.caller).toMatchObject({ clerkId: admin.clerkId, role: 'ADMIN', organizationId: admin.organization!.id });
  });

  it('refuses a USER on an admin operation (403) but not on a member one', async () => {
    const guard = new AccessGuard(services);
    const refused = guard.canActivate(contextOf(ReportsController, 'deleteReport', request({ authorization: member.auth.Authorization })));
    await expect(refused).rejects.toMatchObject({ code: 'FORBIDDEN', status: 403 });
    await expect(guard.canActivate(contextOf(ReportsController, 'listReports', request({ authorization: member.auth.Authorization })))).resolves.toBe(true);
  });

  it('needs no token on a public operation, and a valid one elsewhere (401)', async () => {
    const guard = new AccessGuard(services);
    const req = request({});
    await expect(guard.canActivate(contextOf(HelpController, 'listHelp', req))).resolves.toBe(true);
    expect(req.caller).toBeNull();
    await expect(guard.canActivate(contextOf(AuthController, 'me', request({})))).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(guard.canActivate(contextOf(AuthController, 'me', request({ authorization: 'Bearer not.a.jwt' })))).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('refuses a method that has no operation (it would have no declared access)', async () => {
    class Stray {
      method() {}
    }
    await expect(new AccessGuard(services).canActivate(new ExecutionContextHost([request({}), {}], Stray, Stray.prototype.method))).resolves.toBe(false);
  });

  it('the input pipe: a malformed id is a 404, a bad body a 400 naming the fields, a good one parsed', () => {
    const pipe = new OperationInputPipe();
    expect(() => pipe.transform({ id: 'getReport', request: request({ params: { id: 'not-an-id' } }) })).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    const bad = (() => {
      try {
        pipe.transform({ id: 'createReport', request: request({ body: { title: '' } }) });
      } catch (error) {
        return error as AppError;
      }
    })();
    expect(bad).toBeInstanceOf(AppError);
    expect(bad!.code).toBe('VALIDATION_ERROR');
    expect(bad!.details!.map((d) => d.field)).toContain('title');
    const input = pipe.transform({ id: 'listReports', request: request({ query: { limit: '5' } }) });
    expect(input.query).toMatchObject({ limit: 5 });
  });
});

describe('ErrorsFilter', () => {
  function run(exception: unknown) {
    const logged: unknown[] = [];
    const log: Logger = { debug() {}, info() {}, warn() {}, error: (...args) => void logged.push(args) };
    const sent: { status?: number; body?: unknown } = {};
    const res = {
      headersSent: false,
      status(code: number) {
        sent.status = code;
        return this;
      },
      json(body: unknown) {
        sent.body = body;
        return this;
      },
    };
    const host = new ExecutionContextHost([{ requestId: 'req-1' }, res]);
    new ErrorsFilter(log).catch(exception, host);
    return { ...sent, logged };
  }

  it('answers an AppError with its status and body', () => {
    expect(run(new AppError('CONFLICT', 'taken'))).toMatchObject({ status: 409, body: { error: { code: 'CONFLICT', message: 'taken' } } });
  });

  it("maps Nest's exceptions into the catalogue: unknown route 404, 413, throttler 429", () => {
    expect(run(new NotFoundException('Cannot GET /nope'))).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND', message: 'Cannot GET /nope' } } });
    expect(run(new PayloadTooLargeException())).toMatchObject({ status: 413, body: { error: { code: 'PAYLOAD_TOO_LARGE' } } });
    expect(run(new ThrottlerException())).toMatchObject({ status: 429, body: { error: { code: 'RATE_LIMITED' } } });
    expect(run(new HttpException('teapot', 418))).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_ERROR' } } });
  });

  it('hides and logs the unexpected: 500 INTERNAL without the message', () => {
    const secret = `postgres://user:${randomUUID()}@db`;
    const result = run(new Error(`connect failed: ${secret}`));
    expect(result).toMatchObject({ status: 500, body: { error: { code: 'INTERNAL', message: 'internal error' } } });
    expect(JSON.stringify(result.body)).not.toContain(secret);
    expect(result.logged).toHaveLength(1);
  });
});

// Needs a Redis server: TEST_REDIS_URL=redis://127.0.0.1:6379 npm test
describe.runIf(process.env.TEST_REDIS_URL)('RedisThrottlerStorage', () => {
  it('counts hits per key in a fixed window and blocks over the limit', async () => {
    const storage = await RedisThrottlerStorage.connect(process.env.TEST_REDIS_URL!);
    try {
      const key = `test:${randomUUID()}`;
      const hits = [];
      for (let i = 0; i < 3; i++) hits.push(await storage.increment(key, 60_000, 2));
      expect(hits.map((h) => h.totalHits)).toEqual([1, 2, 3]);
      expect(hits.map((h) => h.isBlocked)).toEqual([false, false, true]);
      expect(hits[2]!.timeToBlockExpire).toBeGreaterThanOrEqual(59);
      expect(hits[2]!.timeToBlockExpire).toBeLessThanOrEqual(60);
      expect((await storage.increment(`test:${randomUUID()}`, 60_000, 2)).totalHits).toBe(1);
    } finally {
      await storage.onApplicationShutdown();
      await storage.onApplicationShutdown();
    }
  });
});
