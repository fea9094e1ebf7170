import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES_DIR } from '../../src/paths.js';
import { openStore } from '../../src/store/index.js';
import { exitOf, spawnCli } from '../helpers/cli-process.js';
import { planText } from '../helpers/plan-text.js';

interface Line {
  type: string;
  path?: string;
  code?: string;
  message?: string;
  number?: string | null;
  of?: string | null;
  stored?: number;
  failed?: number;
  duplicates?: number;
}

let dir: string;
let batch: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vnplan-embedded-'));
  batch = join(dir, 'thư mục $(lô) 1');
  await mkdir(join(batch, 'con'), { recursive: true });
  await writeFile(join(batch, 'kế hoạch 1.txt'), planText(11));
  await writeFile(join(batch, 'con', 'kế hoạch 2.txt'), planText(12));
  await writeFile(join(batch, 'con', 'bản sao.txt'), planText(12));
  await copyFile(join(FIXTURES_DIR, 'scans', 'ocr-01.text-layer.pdf'), join(batch, 'text-layer.pdf'));
  const pdf = await readFile(join(FIXTURES_DIR, 'scans', 'ocr-01.text-layer.pdf'));
  await writeFile(join(batch, 'half-downloaded.pdf'), pdf.subarray(0, Math.floor(pdf.length / 3)));
  await writeFile(join(batch, 'empty.pdf'), '');
  await writeFile(
    join(batch, 'word.pdf'),
    Buffer.from('PK\u0003\u0004[Content_Types].xml word/document.xml', 'latin1'),
  );
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

function parse(output: string): Line[] {
  return output
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Line);
}

describe('vnplan import (embedded)', () => {
  it('should store the good files, fail each bad one with its reason, and exit 2', async () => {
    const db = join(dir, 'archive.db');
    const run = spawnCli(['import', batch, '--db', db, '--json']);
    expect(await exitOf(run, 120_000)).toBe(2);
    const lines = parse(run.output());
    const byName = (name: string) => lines.find((line) => line.path?.endsWith(name));

    expect(byName('kế hoạch 1.txt')).toMatchObject({ type: 'stored', number: '11/KH-SYT' });
    expect(byName('text-layer.pdf')).toMatchObject({ type: 'stored' });
    // Two files with the same content are one document, and the second says which it repeats.
    const copies = [byName('kế hoạch 2.txt'), byName('bản sao.txt')].map((line) => line?.type).sort();
    expect(copies).toEqual(['duplicate', 'stored']);
    expect(byName('half-downloaded.pdf')).toMatchObject({ type: 'failed', code: 'VNPLAN_E_PDF_CORRUPT' });
    expect(byName('empty.pdf')).toMatchObject({ type: 'failed', code: 'VNPLAN_E_FILE_EMPTY' });
    expect(byName('word.pdf')).toMatchObject({ type: 'failed', code: 'VNPLAN_E_UNSUPPORTED_TYPE' });
    expect(lines.at(-1)).toMatchObject({ type: 'summary', stored: 3, failed: 3, duplicates: 1 });

    // The store, not the event stream, is the record: stored documents and failed imports with reasons.
    const store = await openStore(db);
    try {
      expect((await store.query({})).total).toBe(3);
      const failures = await store.failures();
      expect(failures.map((failure) => failure.code).sort()).toEqual([
        'VNPLAN_E_FILE_EMPTY',
        'VNPLAN_E_PDF_CORRUPT',
        'VNPLAN_E_UNSUPPORTED_TYPE',
      ]);
      for (const failure of failures) expect(failure.message.length).toBeGreaterThan(20);
    } finally {
      await store.close();
    }

    // The archive exports as ND30 metadata, one object per stored document.
    const exported = spawnCli(['export', '--db', db, '--format', 'nd30']);
    expect(await exitOf(exported, 30_000)).toBe(0);
    const nd30 = JSON.parse(exported.output()) as Array<{
      CodeNumber: string | null;
      CodeNotation: string | null;
    }>;
    expect(nd30).toHaveLength(3);
    expect(
      nd30
        .filter((item) => item.CodeNotation === 'KH-SYT')
        .map((item) => item.CodeNumber)
        .sort(),
    ).toEqual(['11', '12']);

    // Importing again stores nothing new.
    const again = spawnCli(['import', batch, '--db', db, '--json']);
    expect(await exitOf(again, 60_000)).toBe(2);
    expect(parse(again.output()).at(-1)).toMatchObject({ stored: 0, duplicates: 4, failed: 3 });
  }, 180_000);

  it('should pass over its own archive files when importing the folder that holds them', async () => {
    const folder = join(dir, 'archive-beside-documents');
    await mkdir(folder);
    await writeFile(join(folder, 'kế hoạch 7.txt'), planText(7));
    const db = join(folder, 'vnplan.db');
    const first = spawnCli(['import', folder, '--db', db, '--json']);
    expect(await exitOf(first, 60_000)).toBe(0);
    // Now vnplan.db (and its WAL while open) lies in the folder being imported.
    const again = spawnCli(['import', folder, '--db', db, '--json']);
    expect(await exitOf(again, 60_000)).toBe(0);
    expect(parse(again.output()).at(-1)).toMatchObject({ stored: 0, failed: 0, duplicates: 1 });
  });

  it('should exit 1 with one line when the import itself cannot run', async () => {
    const run = spawnCli(['import', batch, '--db', 'postgres://nobody@127.0.0.1:1/none', '--json']);
    expect(await exitOf(run, 60_000)).toBe(1);
    expect(run.errors().trim().split('\n')).toHaveLength(1);
    expect(run.errors()).toContain('VNPLAN_E_DB_UNAVAILABLE');
  });
});
