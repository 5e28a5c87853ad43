// The HTTP API, end to end, against one real app: PGlite or SQLite in memory by default, or the database
// of TEST_DATABASE_URL (then every suite makes its own organizations, users and categories, so several
// runs may share that database, also at the same time). One app for all suites because starting an
// embedded PGlite takes seconds; suites that need other settings start a second app on the same database.
import { afterAll, beforeAll } from 'vitest';
import { startTestApp, type SharedApp } from './helpers/app.js';
import { authSuite } from './suites/auth.js';
import { helpSuite } from './suites/help.js';
import { organizationsSuite } from './suites/organizations.js';
import { platformSuite, readinessSuite } from './suites/platform.js';
import { reportsSuite } from './suites/reports.js';

const shared = {} as SharedApp;
beforeAll(async () => {
  shared.app = await startTestApp();
});
afterAll(async () => {
  await shared.app?.close();
});

platformSuite(shared);
authSuite(shared);
organizationsSuite(shared);
reportsSuite(shared);
helpSuite(shared);
// Last: it closes the database.
readinessSuite(shared);
