import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VnplanError } from '../../src/errors/index.js';
import type { ProcessedDocument } from '../../src/record/index.js';
import { foldText, openStore, storeDocument, type QueryFilters, type Store } from '../../src/store/index.js';
import { BACKENDS } from '../helpers/store-backends.js';
import { fixture, loadRecordFixtures } from '../helpers/store-fixtures.js';

const fixtures = loadRecordFixtures();
const idOf = (name: string): string => fixture(fixtures, name).record.id;
const GIA_LAI_152 = 'gia-lai-152-kh-ubnd-2026';
const SYT_3520 = 'gia-lai-3520-kh-syt-2026';
const IA_GRAI_45 = 'ia-grai-45-kh-ubnd-2026';
const QUANG_NGAI_45 = 'quang-ngai-45-kh-ubnd-2026';
const HA_NOI_210 = 'ha-noi-210-kh-sgddt-2025';
const BVDK = 'bvdk-gia-lai-blank-number-2026';
const SNV_12 = 'quang-ngai-snv-12-kh-snv-2026';
/** Children before some of their parents, so that resolution runs in both orders. */
const STORE_ORDER = [BVDK, SYT_3520, GIA_LAI_152, IA_GRAI_45, SNV_12, QUANG_NGAI_45, HA_NOI_210];

describe.each(BACKENDS)('store on $name', (backend) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let spec: string;

  beforeAll(async () => {
    ({ spec, dispose } = await backend.create());
    store = await openStore(spec);
    for (const name of STORE_ORDER) await store.putDocument(fixture(fixtures, name));
  });

  afterAll(async () => {
    await store?.close();
    await dispose?.();
  });

  const ids = async (filters: QueryFilters): Promise<string[]> =>
    (await store.query(filters, { limit: 100 })).rows.map((row) => row.id).sort();
  const expectIds = (...names: string[]): string[] => names.map(idOf).sort();

  it('should return every document, newest first, when no filter is given', async () => {
    const result = await store.query();
    expect(result.total).toBe(STORE_ORDER.length);
    const dates = result.rows.map((row) => row.issuedDate ?? '');
    expect(dates).toEqual([...dates].sort().reverse());
    expect(result.rows.find((row) => row.id === idOf(GIA_LAI_152))).toMatchObject({
      number: '152/KH-UBND',
      type: 'Kế hoạch',
      issuer: 'Ủy ban nhân dân tỉnh Gia Lai',
      issuedDate: '2026-04-20',
    });
  });

  it('should filter by type name or code, accent-insensitively', async () => {
    expect(await ids({ type: 'ke hoach' })).toHaveLength(STORE_ORDER.length);
    expect(await ids({ type: 'KH' })).toHaveLength(STORE_ORDER.length);
    expect(await ids({ type: 'Quyết định' })).toEqual([]);
  });

  it('should filter by part of the issuer, accent-insensitively', async () => {
    expect(await ids({ issuer: 'QUANG NGAI' })).toEqual(expectIds(QUANG_NGAI_45, SNV_12));
    expect(await ids({ issuer: 'xã ia grai' })).toEqual(expectIds(IA_GRAI_45));
    expect(await ids({ issuer: 'Sở Y tế' })).toEqual(expectIds(SYT_3520, BVDK));
  });

  it('should filter by symbol and by number or serial', async () => {
    expect(await ids({ symbol: 'kh-ubnd' })).toEqual(expectIds(GIA_LAI_152, IA_GRAI_45, QUANG_NGAI_45));
    expect(await ids({ number: '45/KH-UBND' })).toEqual(expectIds(IA_GRAI_45, QUANG_NGAI_45));
    expect(await ids({ number: '3520' })).toEqual(expectIds(SYT_3520));
    expect(await ids({ number: 'Số: 210/KH-SGDĐT' })).toEqual(expectIds(HA_NOI_210));
  });

  it('should filter by issue date, a month-precision date counting for its whole month', async () => {
    expect(await ids({ issuedFrom: '2026-05' })).toEqual(expectIds(SYT_3520, IA_GRAI_45, BVDK));
    expect(await ids({ issuedTo: '2025-12-31' })).toEqual(expectIds(HA_NOI_210));
    expect(await ids({ issuedFrom: '2026-03-01', issuedTo: '2026-03-31' })).toEqual(
      expectIds(QUANG_NGAI_45, SNV_12),
    );
  });

  it('should expand annual deadlines to the concrete dates inside the range', async () => {
    const november = await store.query({ deadlineFrom: '2026-11-01', deadlineTo: '2026-11-30' });
    expect(november.rows.map((row) => row.id).sort()).toEqual(
      expectIds(GIA_LAI_152, IA_GRAI_45, QUANG_NGAI_45),
    );
    const plan = november.rows.find((row) => row.id === idOf(GIA_LAI_152));
    expect(plan?.deadlines).toEqual([
      { date: '2026-11-15', kind: 'annual', action: 'báo cáo kết quả thực hiện' },
    ]);
    expect(november.rows.find((row) => row.id === idOf(IA_GRAI_45))?.deadlines?.[0]?.date).toBe('2026-11');
  });

  it('should expand annual deadlines across a year boundary and over several years', async () => {
    const turn = await store.query({ deadlineFrom: '2026-12-01', deadlineTo: '2027-01-31' });
    expect(turn.rows.map((row) => row.id).sort()).toEqual(expectIds(SYT_3520, QUANG_NGAI_45, SNV_12));
    expect(turn.rows.find((row) => row.id === idOf(SNV_12))?.deadlines?.map((d) => d.date)).toEqual([
      '2027-01-05',
    ]);
    const years = await store.query({ deadlineFrom: '2027', deadlineTo: '2029' });
    expect(years.rows.map((row) => row.id).sort()).toEqual(
      expectIds(GIA_LAI_152, SYT_3520, IA_GRAI_45, HA_NOI_210, SNV_12),
    );
    const plan = years.rows.find((row) => row.id === idOf(GIA_LAI_152));
    expect(plan?.deadlines?.map((d) => d.date)).toEqual([
      '2027-11-15',
      '2028-11-15',
      '2029-11-15',
      '2028-09-30',
    ]);
  });

  it('should filter by award form, by cited number and by period year', async () => {
    expect(await ids({ award: 'bang khen' })).toEqual(expectIds(GIA_LAI_152, SYT_3520));
    expect(await ids({ award: 'Huân chương' })).toEqual(expectIds(QUANG_NGAI_45));
    expect(await ids({ cites: '152/KH-UBND' })).toEqual(expectIds(SYT_3520, IA_GRAI_45));
    expect(await ids({ cites: '98/2023/NĐ-CP' })).toEqual(expectIds(GIA_LAI_152, HA_NOI_210));
    expect(await ids({ periodYear: 2028 })).toEqual(expectIds(GIA_LAI_152));
  });

  it('should combine filters with AND', async () => {
    expect(await ids({ type: 'KH', issuer: 'gia lai', award: 'Giấy khen' })).toEqual(
      expectIds(SYT_3520, IA_GRAI_45),
    );
    expect(await ids({ cites: '152/KH-UBND', issuedFrom: '2026-05-10' })).toEqual(expectIds(IA_GRAI_45));
    expect(
      await ids({
        issuer: 'gia lai',
        deadlineFrom: '2026-06-01',
        deadlineTo: '2026-06-30',
        periodYear: 2026,
      }),
    ).toEqual(expectIds(SYT_3520));
  });

  it('should page through results with a stable total', async () => {
    const first = await store.query({}, { limit: 3, offset: 0 });
    const rest = await store.query({}, { limit: 10, offset: 3 });
    expect(first.total).toBe(STORE_ORDER.length);
    expect(first.rows).toHaveLength(3);
    expect(new Set([...first.rows, ...rest.rows].map((row) => row.id)).size).toBe(STORE_ORDER.length);
  });

  it('should reject a malformed date with a usage error', async () => {
    await expect(store.query({ issuedFrom: '20/4/2026' })).rejects.toMatchObject({ code: 'VNPLAN_E_USAGE' });
  });

  it('should find accented text from an unaccented query', async () => {
    const result = await store.search('chuyen doi so');
    const found = new Set(result.hits.map((hit) => hit.id));
    for (const name of [GIA_LAI_152, SYT_3520, IA_GRAI_45, HA_NOI_210, BVDK])
      expect(found).toContain(idOf(name));
    expect(result.total).toBeGreaterThanOrEqual(result.hits.length);
    for (const hit of result.hits) expect(foldText(hit.snippet)).toMatch(/\[(chuyen|doi|so)\]/);
  });

  it('should rank exact accented matches before folded ones for an accented query', async () => {
    const { hits } = await store.search('chuyển đổi số');
    const exact = hits.map((hit) => /chuyển đổi số/iu.test(hit.snippet.replace(/[[\]]/g, '')));
    expect(exact[0]).toBe(true);
    expect(exact.includes(false)).toBe(true);
    expect(exact.indexOf(false)).toBeGreaterThan(exact.lastIndexOf(true));
    expect(hits.some((hit) => hit.id === idOf(BVDK))).toBe(true);
  });

  it('should give the section and page of a hit', async () => {
    const { hits } = await store.search('sơ kết giai đoạn');
    const hit = hits.find((h) => h.id === idOf(GIA_LAI_152));
    expect(hit).toMatchObject({
      number: '152/KH-UBND',
      page: 1,
      line: 22,
      section: { label: 'IV.', heading: 'TỔ CHỨC THỰC HIỆN' },
    });
    expect(hit?.snippet).toContain('[sơ] [kết] [giai] [đoạn]');
    const signature = (await store.search('Nguyễn Văn An')).hits[0];
    expect(signature).toMatchObject({
      id: idOf(GIA_LAI_152),
      page: 2,
      line: 2,
      section: { kind: 'signature' },
    });
  });

  it('should show a document by id prefix with its sections and restoration log', async () => {
    const shown = await store.getDocument(idOf(SYT_3520).slice(0, 8));
    expect(shown.record.id).toBe(idOf(SYT_3520));
    expect(shown.edits.map((edit) => edit.restored)).toEqual(['Thực', 'bệnh án']);
    expect(shown.findings[0]?.code).toBe('low-confidence-restoration');
    const tasks = shown.sections.find((section) => section.label === 'II.');
    expect(tasks?.text).toContain('trước ngày 30/6/2026');
    await expect(store.getDocument('ffffffff')).rejects.toMatchObject({
      code: 'VNPLAN_E_DOCUMENT_NOT_FOUND',
    });
    await expect(store.getDocument("' OR 1=1 --")).rejects.toMatchObject({
      code: 'VNPLAN_E_DOCUMENT_NOT_FOUND',
    });
  });

  it('should resolve a reference when the parent is stored after the child, and the other way round', async () => {
    const parent = await store.refs(idOf(GIA_LAI_152));
    expect(parent.children.map((edge) => edge.document?.id).sort()).toEqual(expectIds(SYT_3520, IA_GRAI_45));
    const child = await store.refs(idOf(SYT_3520));
    expect(child.parents[0]?.document?.id).toBe(idOf(GIA_LAI_152));
    expect(child.children.map((edge) => edge.document?.id)).toEqual([idOf(BVDK)]);
  });

  it('should break a tie between two documents with one number by the cited issuer', async () => {
    const refs = await store.refs(idOf(SNV_12));
    expect(refs.parents[0]?.document?.id).toBe(idOf(QUANG_NGAI_45));
    expect((await store.refs(idOf(IA_GRAI_45))).children).toEqual([]);
  });

  it('should list missing parents, most cited first, with every citing text', async () => {
    const missing = await store.missingParents();
    expect(
      missing
        .slice(0, 2)
        .map((parent) => parent.key)
        .sort(),
    ).toEqual(['1021/qd-ubnd@2026', '98/2023/nd-cp']);
    expect(missing.every((parent, i) => i === 0 || missing[i - 1]!.citedBy >= parent.citedBy)).toBe(true);
    const decree = missing.find((parent) => parent.key === '98/2023/nd-cp');
    expect(decree?.citations.map((c) => c.id).sort()).toEqual(expectIds(GIA_LAI_152, HA_NOI_210));
    expect(decree?.citations.map((c) => c.text)).toContain('Nghị định 98/2023/NĐ-CP của Chính phủ');
    const keys = missing.map((parent) => parent.key);
    expect(keys).not.toContain('152/kh-ubnd@2026');
    expect(keys).toContain('luat:thi-dua-khen-thuong@2022');
  });

  it('should treat SQL-injection strings as plain text', async () => {
    const attacks = ["' OR 1=1 --", '1; DROP TABLE documents; --', '" OR ""="', "%' OR '%'='", '\\'];
    for (const attack of attacks) {
      expect(await ids({ issuer: attack })).toEqual([]);
      expect(await ids({ number: attack })).toEqual([]);
      expect(await ids({ type: attack, symbol: attack })).toEqual([]);
      expect(await ids({ award: attack, cites: attack })).toEqual([]);
      const hits = await store.search(`${attack} zzzkhongco`);
      expect(hits.hits).toEqual([]);
    }
    expect((await store.query()).total).toBe(STORE_ORDER.length);
  });

  it('should replace a document atomically when its id is stored again', async () => {
    const changed: ProcessedDocument = fixture(fixtures, GIA_LAI_152);
    changed.record.document.title = 'Phát động phong trào thi đua (bản sửa đổi)';
    changed.record.references = changed.record.references.slice(0, 1);
    await store.putDocument(changed);
    const shown = await store.getDocument(idOf(GIA_LAI_152));
    expect(shown.record.document.title).toBe('Phát động phong trào thi đua (bản sửa đổi)');
    expect((await store.refs(idOf(GIA_LAI_152))).parents).toHaveLength(1);
    expect((await store.refs(idOf(GIA_LAI_152))).children).toHaveLength(2);
    expect((await store.query()).total).toBe(STORE_ORDER.length);
    await store.putDocument(fixture(fixtures, GIA_LAI_152));
    expect((await store.refs(idOf(GIA_LAI_152))).parents).toHaveLength(3);
  });

  it('should leave the stored version whole when a replacement is invalid', async () => {
    const broken = fixture(fixtures, SYT_3520) as unknown as { record: { deadlines: unknown[] } };
    broken.record.deadlines.push({ kind: 'sometimes' });
    await expect(store.putDocument(broken as unknown as ProcessedDocument)).rejects.toMatchObject({
      code: 'VNPLAN_E_RECORD_INVALID',
    });
    const shown = await store.getDocument(idOf(SYT_3520));
    expect(shown.record.deadlines).toHaveLength(2);
  });

  it('should store a batch whole or not at all', async () => {
    const good = fixture(fixtures, HA_NOI_210);
    good.record.document.title = 'Bản lô';
    const bad = fixture(fixtures, BVDK) as unknown as { record: { id: string } };
    bad.record.id = 'not-a-hash';
    await expect(store.putDocuments([good, bad as unknown as ProcessedDocument])).rejects.toMatchObject({
      code: 'VNPLAN_E_RECORD_INVALID',
    });
    expect((await store.getDocument(idOf(HA_NOI_210))).record.document.title).not.toBe('Bản lô');
    await store.putDocuments([good, fixture(fixtures, BVDK)]);
    expect((await store.getDocument(idOf(HA_NOI_210))).record.document.title).toBe('Bản lô');
    await store.putDocument(fixture(fixtures, HA_NOI_210));
  });

  it('should resolve a parent and a child written at the same moment by two writers', async () => {
    const other = await openStore(spec);
    try {
      for (let attempt = 0; attempt < 3; attempt++) {
        expect(await store.deleteDocument(idOf(GIA_LAI_152))).toBe(true);
        expect(await store.deleteDocument(idOf(SYT_3520))).toBe(true);
        expect((await store.refs(idOf(IA_GRAI_45))).parents[0]?.document).toBeNull();
        await Promise.all([
          other.putDocument(fixture(fixtures, GIA_LAI_152)),
          store.putDocument(fixture(fixtures, SYT_3520)),
        ]);
        expect((await store.refs(idOf(SYT_3520))).parents[0]?.document?.id).toBe(idOf(GIA_LAI_152));
        expect((await store.refs(idOf(BVDK))).parents[0]?.document?.id).toBe(idOf(SYT_3520));
      }
    } finally {
      await other.close();
    }
  });

  it('should keep import runs and failed imports', async () => {
    const runId = await store.startRun('test batch');
    expect(await storeDocument(store, fixture(fixtures, HA_NOI_210), { runId })).toBe(true);
    const bad = { record: { source: { path: 'archive/hong.pdf' } } } as unknown as ProcessedDocument;
    expect(await storeDocument(store, bad, { runId, file: 'archive/hong.pdf' })).toBe(false);
    await store.recordFailure({
      runId,
      file: 'archive/mat-khau.pdf',
      code: 'VNPLAN_E_PDF_ENCRYPTED',
      message: 'encrypted',
    });
    await store.finishRun(runId);
    expect(await store.getRun(runId)).toMatchObject({
      status: 'done',
      stored: 1,
      failed: 2,
      label: 'test batch',
    });
    const failures = await store.failures(runId);
    expect(failures.map((f) => [f.file, f.code])).toEqual([
      ['archive/hong.pdf', 'VNPLAN_E_RECORD_INVALID'],
      ['archive/mat-khau.pdf', 'VNPLAN_E_PDF_ENCRYPTED'],
    ]);
  });

  it('should refuse a database whose schema is newer than this code', async () => {
    const stats = await store.stats();
    expect(stats.documents).toBe(STORE_ORDER.length);
    expect(stats.sizeBytes).toBeGreaterThan(0);
    const other = await openStore(spec);
    await (other as unknown as { db: { run: (sql: string, p: unknown[]) => Promise<number> } }).db.run(
      'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
      [99, 'from the future', new Date().toISOString()],
    );
    await other.close();
    const error = await openStore(spec).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VnplanError);
    expect((error as VnplanError).code).toBe('VNPLAN_E_DB_SCHEMA');
  });
});
