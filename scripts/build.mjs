#!/usr/bin/env node
// Build: compile TypeScript with tsc, then copy every templates/ folder
// (generators/*/templates and common/templates) to the same place under dist/.
import { cpSync, existsSync, readdirSync, rmSync, statSync, chmodSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const require = createRequire(import.meta.url);

rmSync(dist, { recursive: true, force: true });

const tsc = require.resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit', cwd: root });

const templateDirs = [];
if (existsSync(join(root, 'common', 'templates'))) templateDirs.push(join('common', 'templates'));
const generatorsDir = join(root, 'generators');
for (const name of readdirSync(generatorsDir)) {
  const candidate = join('generators', name, 'templates');
  if (existsSync(join(root, candidate)) && statSync(join(root, candidate)).isDirectory()) templateDirs.push(candidate);
}
for (const dir of templateDirs) {
  // verbatimSymlinks + dereference false: copy the tree as it is, dotfiles included.
  cpSync(join(root, dir), join(dist, dir), { recursive: true });
}

const bin = join(dist, 'bin', 'mvp-backend.js');
if (existsSync(bin)) chmodSync(bin, 0o755);

console.log(`built dist/ (copied ${templateDirs.length} template folder(s): ${templateDirs.join(', ') || 'none'})`);
