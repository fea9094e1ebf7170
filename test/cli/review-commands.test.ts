import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateArchive } from '../../bench/plan-record-generator.js';
import { openStore } from '../../src/store/index.js';
import { runCli } from '../helpers/cli-run.js';
import { fixture, loadRecordFixtures } from '../helpers/store-fixtures.js';

const fixtures = loadRecordFixtures();
const SYT_3520 = 'gia-lai-3520-kh-syt-2026';
const NEW_TITLE = 'Triển khai phong trào thi đua trong ngành Y tế năm 2026 (đã duyệt)';

describe('reviewed documents in show, export and learn', () => {
  let dir: string;
  let db: string;
  const doc = fixture(fixtures, SYT_3520);
  const id = doc.record.id;
  const line9 = doc.text.pages[0]!.lines[8]!.text;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vnplan-review-'));
    db = join(dir, 'archive.db');
    const store = await openStore(db);
    for (const [name] of fixtures) await store.putDocument(fixture(fixtures, name));
    await store.addCorrection(id, {
      target: 'field',
      path: 'document.title',
      action: 'correct',
      value: NEW_TITLE,
    });
    await store.addCorrection(id, {
      target: 'token',
      page: 1,
      line: 9,
      column: line9.indexOf('bệnh án') + 1,
      original: 'bệnh án',
      action: 'correct',
      value: 'hồ sơ bệnh án',
      reviewer: 'Minh',
    });
    await store.close();
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('should show the corrected value and list the corrections over the machine output', async () => {
    const { code, out } = await runCli('show', id.slice(0, 8), '--db', db);
    expect(code).toBe(0);
    expect(out).toMatch(new RegExp(`^title\\s+${NEW_TITLE.replace(/[()]/g, '\\$&')}$`, 'm'));
    expect(out).toContain('Corrections (2, over the machine output):');
    expect(out).toContain(`document.title  "${doc.record.document.title}" → "${NEW_TITLE}"`);
    expect(out).toMatch(/p\.1 l\.9 c\.\d+ {2}"bệnh án" → "hồ sơ bệnh án" by Minh/);
    const json = JSON.parse((await runCli('show', id, '--db', db, '--json')).out) as {
      record: { document: { title: string } };
      corrections: unknown[];
    };
    expect(json.record.document.title).toBe(doc.record.document.title);
    expect(json.corrections).toHaveLength(2);
  });

  it('should export the reviewed values', async () => {
    const json = JSON.parse((await runCli('export', id, '--db', db)).out) as {
      document: { title: string };
    }[];
    expect(json[0]!.document.title).toBe(NEW_TITLE);
    const nd30 = JSON.parse((await runCli('export', id, '--db', db, '--format', 'nd30')).out) as unknown[];
    expect(JSON.stringify(nd30)).toContain(NEW_TITLE);
  });

  it('should export the whole archive, not only a first page of it', async () => {
    const big = join(dir, 'big.db');
    const store = await openStore(big);
    await store.putDocuments(generateArchive(1005));
    await store.close();
    const json = JSON.parse((await runCli('export', '--db', big)).out) as { id: string }[];
    expect(new Set(json.map((record) => record.id)).size).toBe(1005);
  });

  it('should feed the corrected text to the learn overlay', async () => {
    const overlay = join(dir, 'overlay');
    const { code, out } = await runCli('learn', '--corrections', '--db', db, '--overlay', overlay);
    expect(code).toBe(0);
    expect(out).toContain('learned 1 reviewed document(s)');
    const [file] = readdirSync(join(overlay, 'texts'));
    const learned = readFileSync(join(overlay, 'texts', file!), 'utf8');
    expect(learned.split('\n')[8]).toBe(line9.replace('bệnh án', 'hồ sơ bệnh án'));
    expect((await runCli('learn', '--db', db)).code).toBe(3);
  });
});
