import { createHash } from 'node:crypto';
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSource, type SourceFile } from '../../src/intake/index.js';
import { FIXTURES_DIR } from '../../src/paths.js';
import { IsolatedPdf, pdfReaders } from '../../src/pdf/index.js';
import { createDefaultStages, runEmbeddedImport, type ImportEvent } from '../../src/pipeline/index.js';
import { openStore } from '../../src/store/index.js';

/**
 * Kept by `npm run bench:fuzz -- --seed 5`: the JBIG2 seed with a chunk duplicated, so that image data is
 * read as a segment header referring to 94 million segments. In-process, pdfjs spun on it for 40 s and
 * took 4 GB. Intake refuses it (the stream check); these tests hand it to the reader directly.
 */
const RUNAWAY = join(FIXTURES_DIR, 'hostile', 'jbig2-runaway-segment-header.pdf');
const GOOD = join(FIXTURES_DIR, 'samples', 'sample-text-layer.pdf');
const CEILING_MIB = 1024;
const TIMEOUT_MS = 1_000;
const STOPPED = ['VNPLAN_E_PDF_PAGE_TIMEOUT', 'VNPLAN_E_PDF_OVER_MEMORY'];

/** Highest resident set seen while `work` runs, sampled every 10 ms from this thread. */
async function peakRssMiB<T>(
  work: () => Promise<T>,
): Promise<{ result: PromiseSettledResult<T>; peak: number }> {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 10);
  const [result] = await Promise.allSettled([work()]);
  clearInterval(timer);
  return { result: result!, peak: peak / 2 ** 20 };
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vnplan-isolation-'));
});
afterAll(async () => {
  await pdfReaders().close();
  await rm(dir, { recursive: true, force: true });
});

describe('PDF reading in a supervised thread', () => {
  it('should stop a page that never yields, with a typed error, within its time and under the memory ceiling', async () => {
    const data = await readFile(RUNAWAY);
    const started = Date.now();
    const { result, peak } = await peakRssMiB(async () => {
      const document = await IsolatedPdf.open(data, { path: RUNAWAY, maxMemoryMiB: CEILING_MIB });
      try {
        await document.readPage(1, { timeoutMs: TIMEOUT_MS });
        return await document.pageBitmap(1, { timeoutMs: TIMEOUT_MS });
      } finally {
        await document.destroy();
      }
    });
    const seconds = (Date.now() - started) / 1000;
    expect(result.status).toBe('rejected');
    const error = (result as PromiseRejectedResult).reason as { code: string; message: string; path: string };
    expect(STOPPED).toContain(error.code);
    expect(error.message).toMatch(/page 1 .*(took longer than|needed more than)/);
    expect(error.path).toBe(RUNAWAY);
    // open + read + the bitmap's limit, with room for a busy machine; in-process this took 40 s.
    expect(seconds).toBeLessThan(15);
    expect(peak).toBeLessThan(CEILING_MIB);
  });

  it('should refuse the same file at intake, before pdfjs sees it', async () => {
    const started = Date.now();
    await expect(openSource(RUNAWAY)).rejects.toMatchObject({
      code: 'VNPLAN_E_PDF_CORRUPT',
      message: expect.stringContaining('referring to 94108238 segments'),
    });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('should fail only that document in a batch: the next one is read in a fresh thread and stored', async () => {
    const bad = join(dir, 'runaway.pdf');
    const good = join(dir, 'good.pdf');
    await copyFile(RUNAWAY, bad);
    await copyFile(GOOD, good);
    const defaults = createDefaultStages({
      limits: { maxMemoryMiB: CEILING_MIB },
      read: { timeoutMs: TIMEOUT_MS },
    });
    // Past intake's stream check, as a runaway input it does not know about would be.
    const stages = {
      ...defaults,
      async intake(path: string): Promise<SourceFile> {
        if (path !== bad) return defaults.intake(path);
        const data = await readFile(path);
        const id = createHash('sha256').update(data).digest('hex');
        return { id, path, kind: 'pdf', format: 'pdf', bytes: data.length, pageCount: 1 };
      },
    };
    const store = await openStore(join(dir, 'archive.db'));
    const events: ImportEvent[] = [];
    try {
      const { peak } = await peakRssMiB(() =>
        runEmbeddedImport([bad, good], stages, store, {
          documents: 1,
          onEvent: (event) => events.push(event),
        }),
      );
      expect(peak).toBeLessThan(CEILING_MIB);
      const ends = events.filter((event) => event.type === 'stored' || event.type === 'failed');
      expect(ends.map((event) => [event.path, event.type])).toEqual([
        [bad, 'failed'],
        [good, 'stored'],
      ]);
      const [failure] = await store.failures();
      expect(STOPPED, failure?.message).toContain(failure?.code);
      expect(failure?.file).toBe(bad);
      expect((await store.stats()).documents).toBe(1);
    } finally {
      await store.close();
      await defaults.close();
    }
  });
});
