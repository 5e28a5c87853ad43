// The shape of a route handler, derived from its operation: typed caller, params, query and body in,
// the documented response out. Handlers know nothing of the web framework.
import type { z } from 'zod';
import type { Access, Caller } from '../services/auth.js';
import type { RawRequest } from '../services/webhooks.js';
import type { OperationId, Operations } from './operations.js';

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface HandlerInput<O> {
  caller: O extends { access: infer A extends Access } ? Caller<A> : never;
  params: O extends { params: infer S } ? Parsed<S> : undefined;
  query: O extends { query: infer S } ? Parsed<S> : undefined;
  body: O extends { rawBody: true } ? string : O extends { body: infer S } ? Parsed<S> : undefined;
  request: RawRequest;
}

/** A different status than the operation's, with its body (e.g. 503 from readiness). */
export class Reply {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {}
}

type Answer<O> = O extends { response: infer S } ? (S extends z.ZodType ? z.input<S> : void) : never;

export type Handler<Id extends OperationId> = (input: HandlerInput<Operations[Id]>) => Promise<Answer<Operations[Id]> | Reply>;
export type Handlers<Id extends OperationId = OperationId> = { [K in Id]: Handler<K> };
