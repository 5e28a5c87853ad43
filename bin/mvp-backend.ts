#!/usr/bin/env node
// `npx generator-mvp-backend` / `mvp-backend`: the same run as `yo mvp-backend`, without yo.
// Same flags (see --help), plus the environment's own (--skip-install, --force, --dry-run, ...).
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { prepareCommand } from 'yeoman-environment';
import AppGenerator from '../generators/app/index.js';
import { packageInfo } from '../common/package-info.js';

const self = fileURLToPath(import.meta.url);
const ext = path.extname(self);
const appPath = path.join(path.dirname(self), '..', 'generators', 'app', `index${ext}`);

async function main(argv: string[]): Promise<void> {
  const command = await prepareCommand({
    generator: AppGenerator as never,
    namespace: 'mvp-backend:app',
    resolved: appPath,
  });
  command
    .name('mvp-backend')
    .description('Generate an MVP backend (same options as `yo mvp-backend`)')
    .version(packageInfo().version, '-v, --version');
  await command.parseAsync(argv);
}

main(process.argv).catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`\n${process.stderr.isTTY ? `\u001b[31m${message}\u001b[39m` : message}\n`);
  process.exitCode = 1;
});
