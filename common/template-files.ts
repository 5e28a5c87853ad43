// Which template files a stack renders, and where each one lands.
//
// Rules (templates rely on them):
// - every root is walked recursively, dotfiles included; a later root replaces an earlier root's file
//   at the same output path;
// - a trailing `.ejs` is stripped from file names;
// - a path segment `_gitignore` / `_npmrc` (npm pack drops the dotted names) becomes `.gitignore` / `.npmrc`;
// - `name@postgres.ext`, `name@sqlite.ext`, `name@mongodb.ext` (or `dir@postgres/`) is written only
//   for that database family, without the qualifier.
import { readdirSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import type { Database } from './choices.js';

export const DB_FAMILIES = ['postgres', 'sqlite', 'mongodb'] as const;
export type DbFamily = (typeof DB_FAMILIES)[number];

export function dbFamilyOf(db: Database): DbFamily {
  return db === 'neon-postgres' ? 'postgres' : db;
}

const QUALIFIER = /^(.+?)@(postgres|sqlite|mongodb)((?:\.[^@/\\]*)?)$/;
const DOT_RENAMES: Record<string, string> = { _gitignore: '.gitignore', _npmrc: '.npmrc' };

/**
 * Output path (POSIX separators) for a template path relative to its root, or null when the file
 * belongs to another database family.
 */
export function mapTemplatePath(relativePath: string, db: Database): string | null {
  const family = dbFamilyOf(db);
  const segments = relativePath.split(/[\\/]+/).filter(Boolean);
  const out: string[] = [];
  for (const [index, original] of segments.entries()) {
    let segment = original;
    if (index === segments.length - 1 && segment.endsWith('.ejs') && segment.length > 4) segment = segment.slice(0, -4);
    const qualified = QUALIFIER.exec(segment);
    if (qualified) {
      if (qualified[2] !== family) return null;
      segment = `${qualified[1]}${qualified[3] ?? ''}`;
    }
    segment = DOT_RENAMES[segment] ?? segment;
    out.push(segment);
  }
  return out.length > 0 ? out.join('/') : null;
}

export interface PlannedFile {
  /** Absolute template path. */
  source: string;
  /** Output path relative to the target dir, POSIX separators. */
  output: string;
  /** The root the file came from. */
  root: string;
}

function walk(dir: string, relative = ''): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(path.join(dir, relative), { withFileTypes: true });
  } catch {
    return [];
  }
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const child = relative ? path.join(relative, entry.name) : entry.name;
    if (entry.isDirectory()) files.push(...walk(dir, child));
    else if (entry.isFile() || (entry.isSymbolicLink() && statSync(path.join(dir, child)).isFile())) files.push(child);
  }
  return files;
}

/** Every file to render from `roots` (missing roots are skipped), later roots winning, sorted by output path. */
export function planTemplateFiles(roots: readonly string[], db: Database): PlannedFile[] {
  const plan = new Map<string, PlannedFile>();
  for (const root of roots) {
    for (const relative of walk(root)) {
      const output = mapTemplatePath(relative, db);
      if (output) plan.set(output, { source: path.join(root, relative), output, root });
    }
  }
  return [...plan.values()].sort((a, b) => (a.output < b.output ? -1 : a.output > b.output ? 1 : 0));
}

/** True when the bytes are valid UTF-8 without NUL bytes (rendered through EJS); otherwise copied verbatim. */
export function isTextContent(content: Uint8Array): boolean {
  if (content.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(content);
    return true;
  } catch {
    return false;
  }
}
