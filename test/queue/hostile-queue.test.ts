import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeHostileCorpus, type HostileCase } from '../../scripts/hostile/corpus.js';
import { exitOf, spawnCli } from '../helpers/cli-process.js';
import { expectHostileOutcomes, HOSTILE_MAX_PAGES, MEMORY_CEILING_MIB } from '../helpers/hostile-outcomes.js';
import { watchPeakRss } from '../helpers/peak-rss.js';
import { PrivateRedis } from '../helpers/redis-server.js';

let redis: PrivateRedis;
let dir: string;
let corpus: string;
let cases: HostileCase[];
const prefix = `vnplan-hostile-${process.pid}`;

beforeAll(async () => {
  redis = await PrivateRedis.start();
  dir = await mkdtemp(join(tmpdir(), 'vnplan-hostile-queue-'));
  corpus = join(dir, 'corpus');
  cases = await writeHostileCorpus(corpus, { contentBombBytes: 256 * 1024 * 1024 });
}, 120_000);

afterAll(async () => {
  await redis?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('hostile input, queue mode', () => {
  it('should end every bad file in its own error code with two workers, neither of which dies', async () => {
    const db = join(dir, 'queue.db');
    const limits = ['--max-pages', String(HOSTILE_MAX_PAGES)];
    const common = ['--redis', redis.url, '--db', db, '--queue-prefix', prefix, ...limits];
    const workers = [1, 2].map(() => spawnCli(['worker', ...common, '--workers', '1']));
    const peaks = workers.map((worker) => watchPeakRss(worker, 100));
    try {
      const run = spawnCli(['import', corpus, ...common, '--json']);
      expect(await exitOf(run, 150_000)).toBe(2);
      await expectHostileOutcomes(cases, corpus, run.output(), db);
      // Both workers are still there: no bad file took a worker down.
      for (const worker of workers) expect(worker.exitCode).toBeNull();
      for (const peak of peaks) expect(peak()).toBeLessThan(MEMORY_CEILING_MIB);
    } finally {
      for (const worker of workers) worker.kill('SIGTERM');
      for (const worker of workers) expect(await exitOf(worker, 30_000)).toBe(0);
    }
  }, 200_000);
});
