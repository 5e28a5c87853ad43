import { Controller, Inject } from '@nestjs/common';
import { Input, Operation } from '../../nest/operation.js';
import type { userHandlers } from '../../routes/users.js';

export const USER_HANDLERS = Symbol('UserHandlers');

@Controller()
export class UsersController {
  constructor(@Inject(USER_HANDLERS) private readonly handlers: ReturnType<typeof userHandlers>) {}

  @Operation('listUsers')
  listUsers(@Input() input: Input<'listUsers'>) {
    return this.handlers.listUsers(input);
  }

  @Operation('addUser')
  addUser(@Input() input: Input<'addUser'>) {
    return this.handlers.addUser(input);
  }

  @Operation('updateUser')
  updateUser(@Input() input: Input<'updateUser'>) {
    return this.handlers.updateUser(input);
  }

  @Operation('deleteUser')
  deleteUser(@Input() input: Input<'deleteUser'>) {
    return this.handlers.deleteUser(input);
  }
}
