// Liveness, readiness and /openapi.json (built by the shared buildOpenApi() from the operations' Zod schemas).
import { Module } from '@nestjs/common';
import { handlersProvider } from '../../nest/handlers.js';
import { healthHandlers } from '../../routes/health.js';
import { HEALTH_HANDLERS, HealthController } from './health.controller.js';

@Module({
  controllers: [HealthController],
  providers: [handlersProvider(HEALTH_HANDLERS, healthHandlers)],
})
export class HealthModule {}
