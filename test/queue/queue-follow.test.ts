import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDefaultStages } from '../../src/pipeline/index.js';
import { queueSettings, startWorkers } from '../../src/queue/index.js';
import { runQueueImport } from '../../src/queue/queue-runner.js';
import { openStore } from '../../src/store/index.js';
import { planText } from '../helpers/plan-text.js';
import { PrivateRedis } from '../helpers/redis-server.js';

let redis: PrivateRedis;
let dir: string;

beforeAll(async () => {
  redis = await PrivateRedis.start();
  dir = await mkdtemp(join(tmpdir(), 'vnplan-queue-follow-'));
}, 30_000);

afterAll(async () => {
  await redis?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('following a queue import', () => {
  it('should report every document stored while job states are polled as they change', async () => {
    const paths: string[] = [];
    for (let serial = 1; serial <= 100; serial++) {
      const path = join(dir, `plan-${serial}.txt`);
      await writeFile(path, planText(serial));
      paths.push(path);
    }
    const settings = queueSettings(redis.url, `follow-${process.pid}`);
    const store = await openStore(join(dir, 'a.db'));
    const stages = createDefaultStages();
    const host = startWorkers(settings, stages, store, { pageConcurrency: 4, documentConcurrency: 4 });
    try {
      // Polling without pause makes the importer read jobs while they finish: the state it reads must
      // agree with the return value it reads.
      const summary = await runQueueImport(paths, settings, stages.intake, store, { pollMs: 1 });
      expect(summary.failures).toEqual([]);
      expect(summary.stored).toBe(100);
      expect((await store.stats()).documents).toBe(100);
    } finally {
      await host.close();
      await stages.close?.();
      await store.close();
    }
  }, 120_000);
});
