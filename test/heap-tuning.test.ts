import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../src/paths.js';

const run = promisify(execFile);

/** Full collections while the fixture scans' pages are preprocessed 18 times in a fresh process. */
async function majorCollections(mode: 'plain' | 'tuned'): Promise<number> {
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', join(PACKAGE_ROOT, 'test', 'helpers', 'page-churn.ts'), mode, '6'],
    { cwd: PACKAGE_ROOT, timeout: 120_000 },
  );
  const result = JSON.parse(stdout.trim().split('\n').at(-1)!) as { majors: number; pages: number };
  expect(result.pages).toBe(18);
  return result.majors;
}

describe('tuneHeapForPageBuffers', () => {
  it('should at least halve the full collections that page buffers bring about', async () => {
    const plain = await majorCollections('plain');
    const tuned = await majorCollections('tuned');
    // Without the tuning V8 runs about one full collection a page; a change of Node that ignored the
    // flag would show here.
    expect(plain).toBeGreaterThanOrEqual(9);
    expect(tuned * 2).toBeLessThanOrEqual(plain);
  }, 240_000);
});
