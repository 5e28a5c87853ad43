// `npm run db:migrate`: applies pending migrations to DATABASE_URL and exits.
import { loadConfig } from '../config.js';
import { connect } from './client.js';
import { migrate } from './migrate.js';

const config = loadConfig();
const database = connect(config.databaseUrl);
try {
  await migrate(database);
  console.log('migrations applied');
} finally {
  await database.close();
}
