// A module's shared, framework-free handlers (src/routes/*.ts) as a provider built from the Services.
import type { FactoryProvider } from '@nestjs/common';
import type { Services } from '../services/index.js';
import { SERVICES } from './tokens.js';

export function handlersProvider<T>(token: symbol, build: (services: Services) => T): FactoryProvider<T> {
  return { provide: token, inject: [SERVICES], useFactory: build };
}
