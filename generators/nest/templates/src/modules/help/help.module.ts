// /api/help: help articles, public to read, ADMIN to write.
import { Module } from '@nestjs/common';
import { handlersProvider } from '../../nest/handlers.js';
import { helpHandlers } from '../../routes/help.js';
import { HELP_HANDLERS, HelpController } from './help.controller.js';

@Module({
  controllers: [HelpController],
  providers: [handlersProvider(HELP_HANDLERS, helpHandlers)],
})
export class HelpModule {}
