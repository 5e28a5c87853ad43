// Starts the Fastify server on PORT. `npm run dev` runs this with tsx; `npm start` runs the build.
import { buildApp } from './app.js';
import { bootstrap, cannotListen, stopOnSignals } from './bootstrap.js';

const { config, log, database, services } = await bootstrap();
const app = await buildApp(services, { log });
await app.listen({ port: config.PORT, host: '::' }).catch((error: unknown) => cannotListen(config.PORT, error));
log.info(`listening on http://localhost:${config.PORT}`, { env: config.NODE_ENV });

stopOnSignals(log, async () => {
  // Closes the server (in-flight requests finish) and every plugin's resources (the Redis client).
  await app.close();
  await database.close();
});
