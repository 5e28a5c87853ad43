// Injection tokens of the shared, framework-free objects (built by bootstrap() before Nest starts).
// Every constructor parameter names its token with @Inject(): DI never depends on emitted decorator
// metadata, so the same code runs under tsc, tsx and vitest.
export const SERVICES = Symbol('Services');
export const CONFIG = Symbol('Config');
export const LOGGER = Symbol('Logger');
