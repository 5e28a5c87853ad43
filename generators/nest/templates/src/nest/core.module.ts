// The shared Services bundle, its validated Config and the JSON logger as global providers.
import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { Logger } from '../lib/logger.js';
import type { Services } from '../services/index.js';
import { CONFIG, LOGGER, SERVICES } from './tokens.js';

export interface CoreOptions {
  services: Services;
  log: Logger;
}

@Global()
@Module({})
export class CoreModule {
  static forRoot({ services, log }: CoreOptions): DynamicModule {
    const providers = [
      { provide: SERVICES, useValue: services },
      { provide: CONFIG, useValue: services.config },
      { provide: LOGGER, useValue: log },
    ];
    return { module: CoreModule, providers, exports: providers.map((p) => p.provide) };
  }
}
