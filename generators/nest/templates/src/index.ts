// Starts the Nest server on PORT. `npm run dev` runs this with tsx; `npm start` runs the build.
import { createApp } from './app.js';
import { bootstrap, cannotListen, stopOnSignals } from './bootstrap.js';

const { config, log, database, services } = await bootstrap();
const app = await createApp({ services, log });
await app.listen(config.PORT).catch((error: unknown) => cannotListen(config.PORT, error));
log.info(`listening on http://localhost:${config.PORT}`, { env: config.NODE_ENV });

stopOnSignals(log, async () => {
  // Closes the HTTP server and the rate-limit store (Redis); the database is ours to close.
  await app.close();
  await database.close();
});
