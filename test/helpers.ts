// Shared bits for the generator tests.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BackendTech } from '../common/choices.js';
import { NodeStackGenerator } from '../common/node-stack-generator.js';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const APP_PATH = path.join(REPO, 'generators', 'app', 'index.ts');
export const EXPRESS_DRIZZLE_PATH = path.join(REPO, 'generators', 'express-drizzle', 'index.ts');
export const FIXTURE_TEMPLATES = path.join(REPO, 'test', 'fixtures', 'templates');

/** A stack generator that renders the throwaway fixture templates instead of the real ones. */
export class FixtureStackGenerator extends NodeStackGenerator {
  get stackId(): BackendTech {
    return 'express-drizzle';
  }
  override templateRoots(): string[] {
    return [path.join(FIXTURE_TEMPLATES, 'shared'), path.join(FIXTURE_TEMPLATES, 'stack')];
  }
}

/** Every file under `dir`, relative, POSIX separators, sorted. */
export function listFiles(dir: string, relative = ''): string[] {
  let names: string[];
  try {
    names = readdirSync(path.join(dir, relative));
  } catch {
    return [];
  }
  const files: string[] = [];
  for (const name of names) {
    const child = relative ? `${relative}/${name}` : name;
    if (statSync(path.join(dir, child)).isDirectory()) files.push(...listFiles(dir, child));
    else files.push(child);
  }
  return files.sort();
}

/** Strips ANSI colour codes. */
export const plain = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, '');
