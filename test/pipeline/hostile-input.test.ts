import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeHostileCorpus, type HostileCase } from '../../scripts/hostile/corpus.js';
import { exitOf, spawnCli } from '../helpers/cli-process.js';
import { expectHostileOutcomes, HOSTILE_MAX_PAGES, MEMORY_CEILING_MIB } from '../helpers/hostile-outcomes.js';
import { watchPeakRss } from '../helpers/peak-rss.js';

let dir: string;
let corpus: string;
let cases: HostileCase[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vnplan-hostile-'));
  corpus = join(dir, 'corpus');
  cases = await writeHostileCorpus(corpus, { contentBombBytes: 256 * 1024 * 1024 });
}, 120_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('hostile input, embedded import', () => {
  it('should end every bad file in its own error code, store every good one, and exit 2', async () => {
    const db = join(dir, 'embedded.db');
    const run = spawnCli(['import', corpus, '--db', db, '--json', '--max-pages', String(HOSTILE_MAX_PAGES)]);
    const peak = watchPeakRss(run, 100);
    expect(await exitOf(run, 150_000)).toBe(2);
    expect(run.errors()).toBe('');
    await expectHostileOutcomes(cases, corpus, run.output(), db);
    expect(peak()).toBeGreaterThan(0);
    expect(peak()).toBeLessThan(MEMORY_CEILING_MIB);
  }, 180_000);

  it('should refuse a file given by name that is a named pipe instead of waiting on it', async () => {
    const pipe = join(corpus, 'unreadable', 'named-pipe.pdf');
    const run = spawnCli(['extract', pipe]);
    expect(await exitOf(run, 30_000)).toBe(4);
    expect(run.errors()).toContain('named pipe');
    expect(run.errors()).toContain('VNPLAN_E_FILE_UNREADABLE');
  });
});
