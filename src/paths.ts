import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findPackageRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (
      existsSync(manifest) &&
      (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'vnplan'
    ) {
      return dir;
    }
    if (dirname(dir) === dir) throw new Error(`vnplan's package.json not found above ${start}`);
  }
}

/** The installed package's root, the same whether code runs from src/ (tests) or dist/src/ (the CLI). */
export const PACKAGE_ROOT = findPackageRoot(dirname(fileURLToPath(import.meta.url)));

export const DICTIONARIES_DIR = join(PACKAGE_ROOT, 'dictionaries');
export const FIXTURES_DIR = join(PACKAGE_ROOT, 'fixtures');

export const PACKAGE_VERSION = (
  JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }
).version;
