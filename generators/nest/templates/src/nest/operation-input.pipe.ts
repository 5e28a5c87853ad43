// Validates a request with the Zod schemas of its operation, like a ZodValidationPipe that knows which
// schema applies to which part: a malformed path parameter is a 404 (it names nothing that exists),
// a bad query or body a 400 VALIDATION_ERROR listing every failing field.
import { Injectable, type PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { AppError, validationError } from '../lib/errors.js';
import type { HandlerInput } from '../types/handlers.js';
import { operations, type Operation } from '../types/operations.js';
import type { RawInput } from './operation.js';

function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw validationError(result.error.issues);
  return result.data;
}

@Injectable()
export class OperationInputPipe implements PipeTransform<RawInput, HandlerInput<Operation>> {
  transform({ id, request: req }: RawInput): HandlerInput<Operation> {
    const operation: Operation = operations[id];
    if (operation.params && !operation.params.safeParse(req.params).success) throw new AppError('NOT_FOUND', 'not found');
    const rawText = typeof req.body === 'string' ? req.body : '';
    return {
      caller: req.caller,
      params: operation.params ? parse(operation.params, req.params) : undefined,
      query: operation.query ? parse(operation.query, req.query) : undefined,
      body: operation.rawBody ? rawText : operation.body ? parse(operation.body, req.body ?? {}) : undefined,
      request: { url: `${req.protocol}://${req.get('host')}${req.originalUrl}`, headers: req.headers, body: rawText },
    } as HandlerInput<Operation>;
  }
}
