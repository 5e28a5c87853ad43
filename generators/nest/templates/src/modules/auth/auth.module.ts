// /auth: the local user of a Clerk session token, and Clerk's signed webhooks.
import { Module } from '@nestjs/common';
import { handlersProvider } from '../../nest/handlers.js';
import { authHandlers } from '../../routes/auth.js';
import { AUTH_HANDLERS, AuthController } from './auth.controller.js';

@Module({
  controllers: [AuthController],
  providers: [handlersProvider(AUTH_HANDLERS, authHandlers)],
})
export class AuthModule {}
