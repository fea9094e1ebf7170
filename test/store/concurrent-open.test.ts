import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { openStore } from '../../src/store/index.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vnplan-open-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('a new SQLite archive opened by several processes at once', () => {
  it('should be created and migrated once, with no "database is locked"', async () => {
    const db = join(dir, 'archive.db');
    const script = join(dir, 'open.mts');
    const storeModule = pathToFileURL(join(PACKAGE_ROOT, 'src', 'store', 'index.ts')).href;
    // Every process loads first, then all open the file at the same instant.
    const startAt = Date.now() + 3000;
    await writeFile(
      script,
      `const { openStore } = await import(${JSON.stringify(storeModule)});\n` +
        `await new Promise((resolve) => setTimeout(resolve, ${startAt} - Date.now()));\n` +
        `const store = await openStore(${JSON.stringify(db)});\nawait store.close();\n`,
    );
    const runs = Array.from({ length: 6 }, () => {
      const child = spawn(process.execPath, ['--import', 'tsx', script], {
        cwd: PACKAGE_ROOT,
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let errors = '';
      child.stderr.on('data', (chunk: Buffer) => (errors += String(chunk)));
      return new Promise<{ code: number | null; errors: string }>((resolve) =>
        child.once('exit', (code) => resolve({ code, errors })),
      );
    });
    for (const result of await Promise.all(runs)) expect(result).toEqual({ code: 0, errors: '' });
    const store = await openStore(db);
    try {
      expect((await store.stats()).documents).toBe(0);
    } finally {
      await store.close();
    }
  });
});
