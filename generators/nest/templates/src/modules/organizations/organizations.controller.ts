import { Controller, Inject } from '@nestjs/common';
import { Input, Operation } from '../../nest/operation.js';
import type { organizationHandlers } from '../../routes/organizations.js';

export const ORGANIZATION_HANDLERS = Symbol('OrganizationHandlers');

@Controller()
export class OrganizationsController {
  constructor(@Inject(ORGANIZATION_HANDLERS) private readonly handlers: ReturnType<typeof organizationHandlers>) {}

  @Operation('getOrganization')
  getOrganization(@Input() input: Input<'getOrganization'>) {
    return this.handlers.getOrganization(input);
  }

  @Operation('updateOrganization')
  updateOrganization(@Input() input: Input<'updateOrganization'>) {
    return this.handlers.updateOrganization(input);
  }
}
