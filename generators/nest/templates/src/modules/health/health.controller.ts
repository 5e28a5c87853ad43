import { Controller, Inject, Res } from '@nestjs/common';
import { SkipThrottle } from '@nestjs/throttler';
import type { Response } from 'express';
import { Input, Operation } from '../../nest/operation.js';
import type { healthHandlers } from '../../routes/health.js';
import { Reply } from '../../types/handlers.js';
import { operations } from '../../types/operations.js';

export const HEALTH_HANDLERS = Symbol('HealthHandlers');

@Controller()
export class HealthController {
  constructor(@Inject(HEALTH_HANDLERS) private readonly handlers: ReturnType<typeof healthHandlers>) {}

  @Operation('health')
  @SkipThrottle()
  health(@Input() input: Input<'health'>) {
    return this.handlers.health(input);
  }

  /** 200 or 503 with a body: a status chosen at run time, so this one writes its own response. */
  @Operation('ready')
  @SkipThrottle()
  async ready(@Input() input: Input<'ready'>, @Res() res: Response): Promise<void> {
    const answer = await this.handlers.ready(input);
    if (answer instanceof Reply) res.status(answer.status).json(answer.body);
    else res.status(operations.ready.status).json(answer);
  }

  @Operation('openapi')
  openapi(@Input() input: Input<'openapi'>) {
    return this.handlers.openapi(input);
  }
}
