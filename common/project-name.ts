// Turn any folder name or user text into a valid npm package name.
import { builtinModules } from 'node:module';

export const FALLBACK_PROJECT_NAME = 'mvp-backend';
const MAX_LENGTH = 214;
const RESERVED = new Set(['node_modules', 'favicon.ico']);
const BUILTINS = new Set(builtinModules.map((name) => name.replace(/^node:/, '')));

function cleanPart(part: string): string {
  return part
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // strip accents: "Café" → "Cafe"
    .toLowerCase()
    .replace(/[^a-z0-9._~-]+/g, '-') // spaces and anything npm rejects become "-"
    .replace(/-{2,}/g, '-')
    .replace(/^[._~-]+/, '') // npm names may not start with "." or "_"
    .replace(/[._~-]+$/, '');
}

/**
 * A valid npm package name made from `input`:
 * "My Dir" → "my-dir", "@Acme/My API" → "@acme/my-api", ".hidden_app" → "hidden_app",
 * "" → "mvp-backend", "http" → "http-app", longer than 214 characters → cut.
 */
export function toNpmPackageName(input: string, fallback: string = FALLBACK_PROJECT_NAME): string {
  const text = String(input ?? '').trim();
  let scope: string | undefined;
  let name = text;
  const scoped = /^@([^/]+)\/(.+)$/.exec(text);
  if (scoped) {
    scope = cleanPart(scoped[1]!);
    name = scoped[2]!;
  }
  name = cleanPart(name.replace(/\//g, '-'));
  if (!name) name = cleanPart(fallback) || FALLBACK_PROJECT_NAME;
  if (!scope && (RESERVED.has(name) || BUILTINS.has(name))) name = `${name}-app`;

  const prefix = scope ? `@${scope}/` : '';
  if (prefix.length + name.length > MAX_LENGTH) {
    if (prefix.length >= MAX_LENGTH - 1) return toNpmPackageName(name, fallback); // absurd scope: drop it
    name = name.slice(0, MAX_LENGTH - prefix.length).replace(/[._~-]+$/, '');
  }
  return prefix + name;
}

/** True when `name` is already what toNpmPackageName would produce (used to validate project_name). */
export function isValidNpmPackageName(name: string): boolean {
  return name.length > 0 && toNpmPackageName(name) === name;
}
