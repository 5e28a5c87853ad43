// This package's name and version, read from its package.json (works from sources and from dist/).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface PackageInfo {
  name: string;
  version: string;
  root: string;
}

let cached: PackageInfo | undefined;

export function packageInfo(): PackageInfo {
  if (cached) return cached;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const file = path.join(dir, 'package.json');
    if (existsSync(file)) {
      const json = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (json.name === 'generator-mvp-backend') {
        cached = { name: json.name, version: json.version ?? '0.0.0', root: dir };
        return cached;
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) return (cached = { name: 'generator-mvp-backend', version: '0.0.0', root: dir });
    dir = parent;
  }
}
