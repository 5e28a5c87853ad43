import { Controller, Inject } from '@nestjs/common';
import { Input, Operation } from '../../nest/operation.js';
import type { authHandlers } from '../../routes/auth.js';

export const AUTH_HANDLERS = Symbol('AuthHandlers');

@Controller()
export class AuthController {
  constructor(@Inject(AUTH_HANDLERS) private readonly handlers: ReturnType<typeof authHandlers>) {}

  @Operation('syncUser')
  syncUser(@Input() input: Input<'syncUser'>) {
    return this.handlers.syncUser(input);
  }

  @Operation('me')
  me(@Input() input: Input<'me'>) {
    return this.handlers.me(input);
  }

  /** The body arrives as raw text (see app.ts): the Svix signature covers the exact bytes. */
  @Operation('clerkWebhook')
  clerkWebhook(@Input() input: Input<'clerkWebhook'>) {
    return this.handlers.clerkWebhook(input);
  }
}
