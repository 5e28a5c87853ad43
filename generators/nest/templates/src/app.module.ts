// The root module: the shared services as providers, the rate limit, one module per resource, and the
// global guards (rate limit first, so that refused calls count too, then access) and error filter.
import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { AuthModule } from './modules/auth/auth.module.js';
import { HealthModule } from './modules/health/health.module.js';
import { HelpModule } from './modules/help/help.module.js';
import { OrganizationsModule } from './modules/organizations/organizations.module.js';
import { ReportsModule } from './modules/reports/reports.module.js';
import { UsersModule } from './modules/users/users.module.js';
import { AccessGuard } from './nest/access.guard.js';
import { CoreModule, type CoreOptions } from './nest/core.module.js';
import { ErrorsFilter } from './nest/errors.filter.js';
import { RateLimitGuard, RateLimitModule } from './nest/rate-limit.js';

@Module({})
export class AppModule {
  static register(options: CoreOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [CoreModule.forRoot(options), RateLimitModule, HealthModule, AuthModule, OrganizationsModule, UsersModule, ReportsModule, HelpModule],
      providers: [
        { provide: APP_GUARD, useClass: RateLimitGuard },
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_FILTER, useClass: ErrorsFilter },
      ],
    };
  }
}
