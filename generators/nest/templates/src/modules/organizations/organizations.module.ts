// /api/organizations/current: the caller's organization.
import { Module } from '@nestjs/common';
import { handlersProvider } from '../../nest/handlers.js';
import { organizationHandlers } from '../../routes/organizations.js';
import { ORGANIZATION_HANDLERS, OrganizationsController } from './organizations.controller.js';

@Module({
  controllers: [OrganizationsController],
  providers: [handlersProvider(ORGANIZATION_HANDLERS, organizationHandlers)],
})
export class OrganizationsModule {}
