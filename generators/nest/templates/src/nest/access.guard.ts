// Authentication and roles for every route, from the access level of its operation ('public', 'token',
// 'member', 'admin'): the shared resolveCaller verifies the Clerk session token and reads the user, the
// organization and the role from the database. A public route needs nothing; the caller it resolves is
// what @Input() hands to the handler. Registered globally, after the rate limit (so rejected calls count).
import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { resolveCaller } from '../services/auth.js';
import type { Services } from '../services/index.js';
import { operations } from '../types/operations.js';
import { operationOf, type AppRequest } from './operation.js';
import { SERVICES } from './tokens.js';

@Injectable()
export class AccessGuard implements CanActivate {
  constructor(@Inject(SERVICES) private readonly services: Services) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const id = operationOf(context);
    // A route outside the catalogue would have no declared access: refuse rather than guess.
    if (!id) return false;
    const request = context.switchToHttp().getRequest<AppRequest>();
    const { db, verifyToken } = this.services;
    request.caller = await resolveCaller(db, verifyToken, operations[id].access, request.get('authorization'));
    return true;
  }
}
