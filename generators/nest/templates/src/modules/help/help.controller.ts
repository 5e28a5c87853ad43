import { Controller, Inject } from '@nestjs/common';
import { Input, Operation } from '../../nest/operation.js';
import type { helpHandlers } from '../../routes/help.js';

export const HELP_HANDLERS = Symbol('HelpHandlers');

@Controller()
export class HelpController {
  constructor(@Inject(HELP_HANDLERS) private readonly handlers: ReturnType<typeof helpHandlers>) {}

  @Operation('listHelp')
  listHelp(@Input() input: Input<'listHelp'>) {
    return this.handlers.listHelp(input);
  }

  @Operation('getHelp')
  getHelp(@Input() input: Input<'getHelp'>) {
    return this.handlers.getHelp(input);
  }

  @Operation('createHelp')
  createHelp(@Input() input: Input<'createHelp'>) {
    return this.handlers.createHelp(input);
  }

  @Operation('updateHelp')
  updateHelp(@Input() input: Input<'updateHelp'>) {
    return this.handlers.updateHelp(input);
  }

  @Operation('deleteHelp')
  deleteHelp(@Input() input: Input<'deleteHelp'>) {
    return this.handlers.deleteHelp(input);
  }
}
