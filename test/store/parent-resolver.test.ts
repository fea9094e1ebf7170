import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FIXTURES_DIR } from '../../src/paths.js';
import { importMissingParents, openStore, type Store } from '../../src/store/index.js';
import { jsonLines, runCli } from '../helpers/cli-run.js';
import { fixture, loadRecordFixtures } from '../helpers/store-fixtures.js';

const fixtures = loadRecordFixtures();
const idOf = (name: string): string => fixtures.get(name)!.record.id;
const recordFile = (name: string): string => join(FIXTURES_DIR, 'records', `${name}.json`);

describe('importMissingParents', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  async function setUp(parents: string[]): Promise<{ store: Store; dir: string; db: string }> {
    const root = mkdtempSync(join(tmpdir(), 'vnplan-parents-'));
    const dir = join(root, 'parents');
    const db = join(root, 'archive.db');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(dir);
    for (const name of parents) copyFileSync(recordFile(name), join(dir, `${name}.json`));
    writeFileSync(join(dir, 'notes.txt'), 'không phải văn bản');
    const store = await openStore(db);
    await store.putDocument(fixture(fixtures, 'bvdk-gia-lai-blank-number-2026'));
    cleanups.push(() => rmSync(root, { recursive: true, force: true }));
    return { store, dir, db };
  }

  it('should import only the parents the archive cites, generation by generation, up to the depth', async () => {
    const { store, dir } = await setUp([
      'gia-lai-3520-kh-syt-2026',
      'gia-lai-152-kh-ubnd-2026',
      'ha-noi-210-kh-sgddt-2025',
    ]);
    const shallow = await importMissingParents(store, { parentsDir: dir, maxDepth: 1 });
    expect(shallow.imported.map((found) => found.id)).toEqual([idOf('gia-lai-3520-kh-syt-2026')]);
    const deeper = await importMissingParents(store, { parentsDir: dir, maxDepth: 3 });
    expect(deeper.imported.map((found) => found.id)).toEqual([idOf('gia-lai-152-kh-ubnd-2026')]);
    expect(await store.hasDocument(idOf('ha-noi-210-kh-sgddt-2025'))).toBe(false);
    const refs = await store.refs(idOf('gia-lai-3520-kh-syt-2026'));
    expect(refs.parents[0]?.document?.id).toBe(idOf('gia-lai-152-kh-ubnd-2026'));
    await store.close();
  });

  it('should run from `vnplan refs --missing --parents-dir` and record unreadable files', async () => {
    const { store, dir, db } = await setUp(['gia-lai-3520-kh-syt-2026']);
    await store.close();
    writeFileSync(join(dir, 'hong.json'), '{"record": ');
    const { code, out, err } = await runCli('refs', '--missing', '--parents-dir', dir, '--json', '--db', db);
    expect(code).toBe(0);
    expect(err).toContain('imported parent 15de0fa2837a');
    expect(jsonLines<{ key: string }>(out).map((m) => m.key)).toEqual(['152/kh-ubnd@2026']);
    const reopened = await openStore(db);
    expect((await reopened.failures()).map((f) => f.code)).toEqual(['VNPLAN_E_RECORD_INVALID']);
    await reopened.close();
  });
});
