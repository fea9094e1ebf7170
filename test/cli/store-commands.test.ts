import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/errors/index.js';
import { FIXTURES_DIR } from '../../src/paths.js';
import { openStore } from '../../src/store/index.js';
import { jsonLines, runCli } from '../helpers/cli-run.js';
import { BACKENDS } from '../helpers/store-backends.js';
import { loadRecordFixtures } from '../helpers/store-fixtures.js';

const fixtures = loadRecordFixtures();
const idOf = (name: string): string => fixtures.get(name)!.record.id;
const INJECTIONS = ["' OR '1'='1", '1; DROP TABLE documents; --', "%' --", '" OR ""="'];

describe.each(BACKENDS)('store commands on $name', (backend) => {
  let db: string;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    ({ spec: db, dispose } = await backend.create());
    const files = [...fixtures.keys()].map((name) => join(FIXTURES_DIR, 'records', `${name}.json`));
    const put = await runCli('put', ...files, '--db', db);
    expect(put.code).toBe(ExitCode.Ok);
  });

  afterAll(async () => dispose?.());

  it('should print one JSON object per document with the summary fields', async () => {
    const { code, out } = await runCli('query', '--json', '--db', db);
    expect(code).toBe(ExitCode.Ok);
    const rows = jsonLines(out);
    expect(rows).toHaveLength(fixtures.size);
    expect(Object.keys(rows[0]!).sort()).toEqual(['id', 'issuedDate', 'issuer', 'number', 'title', 'type']);
  });

  it('should combine filters given as options', async () => {
    const { out } = await runCli(
      'query',
      '--issuer',
      'gia lai',
      '--award',
      'Giấy khen',
      '--json',
      '--db',
      db,
    );
    expect(
      jsonLines<{ id: string }>(out)
        .map((row) => row.id)
        .sort(),
    ).toEqual([idOf('gia-lai-3520-kh-syt-2026'), idOf('ia-grai-45-kh-ubnd-2026')].sort());
    const cites = await runCli(
      'query',
      '--cites',
      '152/KH-UBND',
      '--period-year',
      '2026',
      '--json',
      '--db',
      db,
    );
    expect(jsonLines(cites.out)).toHaveLength(2);
  });

  it('should write CSV with the expanded annual deadline dates', async () => {
    const { out } = await runCli(
      'query',
      '--deadline-from',
      '2027-05-01',
      '--deadline-to',
      '2027-05-31',
      '--csv',
      '--db',
      db,
    );
    const lines = out.trim().split('\r\n');
    expect(lines[0]).toBe('id,number,type,issuer,issuedDate,title,deadlines');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('210/KH-SGDĐT');
    expect(lines[1]!.endsWith(',2027-05-25')).toBe(true);
  });

  it('should print a table by default', async () => {
    const { out } = await runCli('query', '--number', '45/KH-UBND', '--db', db);
    expect(out.split('\n')[0]).toMatch(/^ID\s+NUMBER\s+ISSUED\s+ISSUER\s+TITLE$/);
    expect(out).toContain('2 documents');
  });

  it('should search accent-insensitively and print hits as JSON', async () => {
    const { code, out } = await runCli('search', 'chuyen', 'doi', 'so', '--json', '--db', db);
    expect(code).toBe(ExitCode.Ok);
    const hits = jsonLines<{ id: string; page: number; snippet: string }>(out);
    expect(hits.length).toBeGreaterThan(3);
    expect(hits.some((hit) => hit.snippet.includes('[chuyển]'))).toBe(true);
  });

  it('should show a document by id prefix', async () => {
    const { code, out } = await runCli('show', idOf('gia-lai-3520-kh-syt-2026').slice(0, 10), '--db', db);
    expect(code).toBe(ExitCode.Ok);
    expect(out).toContain('3520/KH-SYT');
    expect(out).toContain('Restoration log (2 edits)');
    expect(out).toContain('benh an → bệnh án');
  });

  it('should list missing parents as JSON lines, most cited first', async () => {
    const { out } = await runCli('refs', '--missing', '--json', '--db', db);
    const missing = jsonLines<{ key: string; citedBy: number; citations: unknown[] }>(out);
    expect(missing[0]?.citedBy).toBe(2);
    expect(missing.map((m) => m.key)).toContain('131/qd-ttg@2022');
    expect(missing.find((m) => m.key === '1021/qd-ubnd@2026')?.citations).toHaveLength(2);
  });

  it('should show parents and children of a document', async () => {
    const { out } = await runCli('refs', idOf('gia-lai-3520-kh-syt-2026'), '--db', db);
    expect(out).toContain('Parents of');
    expect(out).toMatch(/\[implements\] 35240dd32dfa 152\/KH-UBND/);
    expect(out).toMatch(/Children \(1\):\n {2}\[implements\] 3f18ba54c0a6/);
  });

  it('should give correct, empty results for SQL-injection strings', async () => {
    for (const attack of INJECTIONS) {
      for (const option of ['--issuer', '--type', '--symbol', '--number', '--award', '--cites']) {
        const { code, out } = await runCli('query', option, attack, '--json', '--db', db);
        expect(code).toBe(ExitCode.Ok);
        expect(out).toBe('');
      }
      const search = await runCli('search', attack, 'khongcotu', '--json', '--db', db);
      expect(search.out).toBe('');
      const show = await runCli('show', attack, '--db', db);
      expect(show.code).toBe(ExitCode.InputNotFound);
    }
    const store = await openStore(db);
    expect((await store.query()).total).toBe(fixtures.size);
    await store.close();
  });

  it('should refuse bad option values with the usage exit code and one line', async () => {
    const date = await runCli('query', '--issued-from', '20/4/2026', '--db', db);
    expect(date.code).toBe(ExitCode.Usage);
    expect(date.err.trim().split('\n')).toHaveLength(1);
    expect((await runCli('query', '--period-year', 'abc', '--db', db)).code).toBe(ExitCode.Usage);
    expect((await runCli('query', '--limit', '-1', '--db', db)).code).toBe(ExitCode.Usage);
    expect((await runCli('refs', '--db', db)).code).toBe(ExitCode.Usage);
  });
});

describe('store commands without an archive', () => {
  it('should say there is no archive rather than create an empty one', async () => {
    const { code, err } = await runCli('query', '--db', join(FIXTURES_DIR, 'no-such-archive.db'));
    expect(code).toBe(ExitCode.ServiceUnavailable);
    expect(err).toContain('no archive at');
  });

  it('should record a file that is not a processed document as a failed import', async () => {
    const [backend] = BACKENDS;
    const { spec, dispose } = await backend!.create();
    const result = await runCli('put', join(FIXTURES_DIR, 'records', 'missing.json'), '--db', spec);
    expect(result.code).toBe(ExitCode.BadInput);
    const store = await openStore(spec);
    expect((await store.failures()).map((f) => f.code)).toEqual(['VNPLAN_E_FILE_NOT_FOUND']);
    await store.close();
    await dispose();
  });
});
