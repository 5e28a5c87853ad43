// Starts the Hono app on Node (@hono/node-server) on PORT. `npm run dev` runs this with tsx; `npm start`
// runs the build. The edge entry (Cloudflare Workers, PostgreSQL flavour) is src/edge.ts.
import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import { bootstrap, cannotListen, stopOnSignals } from './bootstrap.js';
import { createRateLimiter } from './middleware/rate-limit.js';

const { config, log, database, services } = await bootstrap();
const rateLimiter = await createRateLimiter(config);
const app = createApp(services, { log, rateLimiter });
const server = serve({ fetch: app.fetch, port: config.PORT }, () => {
  log.info(`listening on http://localhost:${config.PORT}`, { env: config.NODE_ENV });
});
server.once('error', (error) => cannotListen(config.PORT, error));

stopOnSignals(log, async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await rateLimiter.close();
  await database.close();
});
