import { Queue } from 'bullmq';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES_DIR } from '../../src/paths.js';
import { PAGE_QUEUE, queueSettings } from '../../src/queue/index.js';
import { openStore } from '../../src/store/index.js';
import { exitOf, spawnCli } from '../helpers/cli-process.js';
import { pdfWithBadSecondPage } from '../helpers/bad-page-pdf.js';
import { planText } from '../helpers/plan-text.js';
import { workerArgs } from '../helpers/queue-worker.js';
import { PrivateRedis } from '../helpers/redis-server.js';

const SCANS = [
  join(FIXTURES_DIR, 'scans', 'ocr-01.scan-300dpi-1bit.pdf'),
  join(FIXTURES_DIR, 'scans', 'ocr-03.scan-200dpi-faded.jpg'),
  join(FIXTURES_DIR, 'scans', 'two-page.tiff'),
  join(FIXTURES_DIR, 'scans', 'legacy-tcvn3-text-layer.pdf'),
  join(FIXTURES_DIR, 'samples', 'sample-text-layer.pdf'),
  join(FIXTURES_DIR, 'scans', 'ocr-01.text-layer.pdf'),
];
const TEXT_DOCUMENTS = 14;
/** Scans, text-layer PDFs, text plans, and one PDF with a broken page. */

let redis: PrivateRedis;
let dir: string;
let batch: string;
let db: string;
const prefix = `vnplan-test-${process.pid}`;

beforeAll(async () => {
  redis = await PrivateRedis.start();
  dir = await mkdtemp(join(tmpdir(), 'vnplan-queue-'));
  batch = join(dir, 'batch');
  db = join(dir, 'archive.db');
  await mkdir(batch);
  for (const scan of SCANS) await copyFile(scan, join(batch, scan.split('/').pop() as string));
  for (let i = 0; i < TEXT_DOCUMENTS; i++)
    await writeFile(join(batch, `kế hoạch ${i}.txt`), planText(300 + i));
  await writeFile(join(batch, 'one bad page.pdf'), await pdfWithBadSecondPage());
});

afterAll(async () => {
  await redis?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

function importArgs(): string[] {
  return ['import', batch, '--db', db, '--redis', redis.url, '--queue-prefix', prefix, '--json'];
}

/**
 * Short enough that a killed worker's page is taken over within seconds, long enough that a worker starved
 * of CPU on a loaded machine (loading the language model, repairing a document) keeps its locks.
 */
const LOCKS = ['--lock-duration', '12000', '--stalled-interval', '4000'];

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('condition not met in time');
}

describe('queue mode', () => {
  it('should store every document exactly once when a worker is SIGKILLed mid-page', async () => {
    const workerA = spawnCli(workerArgs(redis.url, db, prefix, ...LOCKS));
    const importer = spawnCli(importArgs());

    // Kill worker A while it holds an OCR page of a scan, with worker B ready to take over.
    const pages = new Queue(PAGE_QUEUE, queueSettings(redis.url, prefix));
    try {
      await waitFor(async () => {
        const active = await pages.getActive();
        return active.find((job) => (job.data as { source: { kind: string } }).source.kind !== 'text');
      }, 60_000);
    } finally {
      await pages.close();
    }
    const workerB = spawnCli(workerArgs(redis.url, db, prefix, ...LOCKS));
    workerA.kill('SIGKILL');

    const code = await exitOf(importer, 240_000);
    const lines = importer
      .output()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string; path?: string; number?: string });
    // On failure, say which documents failed and why, not only the exit code.
    expect({ code, failed: lines.filter((line) => line.type === 'failed') }).toEqual({ code: 0, failed: [] });
    const summary = lines.at(-1) as unknown as { stored: number; failed: number; duplicates: number };
    expect(summary).toMatchObject({ stored: SCANS.length + TEXT_DOCUMENTS + 1, failed: 0, duplicates: 0 });

    const store = await openStore(db);
    try {
      const { total, rows } = await store.query({}, { limit: 100 });
      expect(total).toBe(SCANS.length + TEXT_DOCUMENTS + 1);
      expect(new Set(rows.map((row) => row.id)).size).toBe(total);
      // Fields are right, not just present: each text document has the number it was written with.
      const numbers = new Set(rows.map((row) => row.number));
      for (let i = 0; i < TEXT_DOCUMENTS; i++) expect(numbers).toContain(`${300 + i}/KH-SYT`);
      // One bad page does not block its document: it is stored, with the page's failure as a finding.
      const records = await Promise.all(rows.map(async (row) => (await store.getDocument(row.id)).record));
      const badPage = records.find((record) => record.source.path.endsWith('one bad page.pdf'));
      expect(badPage?.document.number?.text).toBe('15/KH-UBND');
      expect(badPage?.findings).toContainEqual(
        expect.objectContaining({ stage: 'ocr', code: 'VNPLAN_E_PDF_CORRUPT', place: { page: 2 } }),
      );
    } finally {
      await store.close();
    }

    // A second import of the same folder stores nothing new.
    const again = spawnCli(importArgs());
    expect(await exitOf(again, 60_000)).toBe(0);
    const second = JSON.parse(again.output().trim().split('\n').at(-1) as string) as {
      stored: number;
      duplicates: number;
    };
    expect(second).toMatchObject({ stored: 0, duplicates: SCANS.length + TEXT_DOCUMENTS + 1 });

    // SIGTERM drains: the worker stops cleanly.
    workerB.kill('SIGTERM');
    expect(await exitOf(workerB, 30_000)).toBe(0);
  }, 300_000);
});
