// /api/users: the organization's members and their roles.
import { Module } from '@nestjs/common';
import { handlersProvider } from '../../nest/handlers.js';
import { userHandlers } from '../../routes/users.js';
import { USER_HANDLERS, UsersController } from './users.controller.js';

@Module({
  controllers: [UsersController],
  providers: [handlersProvider(USER_HANDLERS, userHandlers)],
})
export class UsersModule {}
