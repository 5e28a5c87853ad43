// Starts the Express server on PORT. `npm run dev` runs this with tsx; `npm start` runs the build.
import { createApp } from './app.js';
import { bootstrap, cannotListen, stopOnSignals } from './bootstrap.js';
import { createRateLimiter } from './middleware/rate-limit.js';

const { config, log, database, services } = await bootstrap();
const rateLimiter = await createRateLimiter(config);
const server = createApp(services, { log, rateLimiter }).listen(config.PORT, (error?: Error) => {
  if (error) cannotListen(config.PORT, error);
  log.info(`listening on http://localhost:${config.PORT}`, { env: config.NODE_ENV });
});

stopOnSignals(log, async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await rateLimiter.close();
  await database.close();
});
