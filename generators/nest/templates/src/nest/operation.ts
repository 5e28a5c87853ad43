// Routes come from the operation catalogue (src/types/operations.ts), so that the path, method and status
// a controller serves are the ones /openapi.json documents and the shared handlers are typed for.
//
//   @Operation('getReport')                        GET /api/reports/:id, 200, access 'member'
//   getReport(@Input() input: Input<'getReport'>)  caller, params, query and body, validated
import { applyDecorators, createParamDecorator, HttpCode, RequestMapping, RequestMethod, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { HandlerInput } from '../types/handlers.js';
import { operations, type Operation as OperationSpec, type OperationId, type Operations } from '../types/operations.js';
import { OperationInputPipe } from './operation-input.pipe.js';

export const OPERATION_ID = 'mvp:operation';

const METHODS = { get: RequestMethod.GET, post: RequestMethod.POST, patch: RequestMethod.PATCH, delete: RequestMethod.DELETE } as const;

/** Binds a controller method to an operation: its method, path and success status, and its id for the guards and pipes. */
export function Operation(id: OperationId): MethodDecorator {
  const operation: OperationSpec = operations[id];
  return applyDecorators(
    SetMetadata(OPERATION_ID, id),
    RequestMapping({ method: METHODS[operation.method], path: operation.path }),
    HttpCode(operation.status),
  );
}

/** The request as the guards leave it: AccessGuard puts the caller here. */
export interface AppRequest extends Request {
  caller?: unknown;
  requestId?: string;
}

/** What @Input() collects before OperationInputPipe validates it. */
export interface RawInput {
  id: OperationId;
  request: AppRequest;
}

export function operationOf(context: ExecutionContext): OperationId | undefined {
  return Reflect.getMetadata(OPERATION_ID, context.getHandler()) as OperationId | undefined;
}

const RawInputParam = createParamDecorator((_data: unknown, context: ExecutionContext): RawInput => {
  const id = operationOf(context);
  if (!id) throw new Error(`@Input() on ${context.getClass().name}.${context.getHandler().name} needs @Operation()`);
  return { id, request: context.switchToHttp().getRequest<AppRequest>() };
});

/** The handler input of the method's operation: the caller, and params, query and body parsed by its Zod schemas. */
export const Input = (): ParameterDecorator => RawInputParam(undefined, OperationInputPipe);

export type Input<Id extends OperationId> = HandlerInput<Operations[Id]>;
