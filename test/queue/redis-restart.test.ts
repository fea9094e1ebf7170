import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { exitOf, spawnCli } from '../helpers/cli-process.js';
import { planText } from '../helpers/plan-text.js';
import { workerArgs } from '../helpers/queue-worker.js';
import { PrivateRedis } from '../helpers/redis-server.js';

const DOCUMENTS = 8;
let redis: PrivateRedis;
let dir: string;

beforeAll(async () => {
  redis = await PrivateRedis.start({ appendOnly: true });
  dir = await mkdtemp(join(tmpdir(), 'vnplan-restart-'));
  await mkdir(join(dir, 'batch'));
  for (let i = 0; i < DOCUMENTS; i++) await writeFile(join(dir, 'batch', `plan-${i}.txt`), planText(700 + i));
});

afterAll(async () => {
  await redis?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('queue mode across a Redis restart', () => {
  it('should reconnect and finish the batch', async () => {
    const db = join(dir, 'archive.db');
    const prefix = 'vnplan-restart';
    // The importer enqueues while no worker runs, then Redis restarts; the worker starts during the outage.
    const importer = spawnCli([
      'import',
      join(dir, 'batch'),
      '--db',
      db,
      '--redis',
      redis.url,
      '--queue-prefix',
      prefix,
      '--json',
    ]);
    const started = Date.now();
    while (!importer.errors().includes('no worker is listening') && Date.now() - started < 30_000) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const restart = redis.restart(2000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const worker = spawnCli(workerArgs(redis.url, db, prefix));
    await restart;

    expect(await exitOf(importer, 120_000)).toBe(0);
    const summary = JSON.parse(importer.output().trim().split('\n').at(-1) as string) as {
      stored: number;
      failed: number;
    };
    expect(summary).toMatchObject({ stored: DOCUMENTS, failed: 0 });
    const store = await openStore(db);
    try {
      expect((await store.query({ symbol: 'KH-SYT' })).total).toBe(DOCUMENTS);
    } finally {
      await store.close();
    }
    worker.kill('SIGTERM');
    expect(await exitOf(worker, 30_000)).toBe(0);
  }, 180_000);
});
