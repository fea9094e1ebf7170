import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VnplanError } from '../../src/errors/index.js';
import { applyFieldCorrections, correctedText } from '../../src/review/index.js';
import { openStore, type Store } from '../../src/store/index.js';
import { BACKENDS } from '../helpers/store-backends.js';
import { fixture, loadRecordFixtures } from '../helpers/store-fixtures.js';

const fixtures = loadRecordFixtures();
const SYT_3520 = 'gia-lai-3520-kh-syt-2026';

/** The OCR fixture with page geometry, as the OCR stage writes it (boxes in the page image's pixels). */
function withGeometry() {
  const doc = fixture(fixtures, SYT_3520);
  const page = doc.text.pages[0]!;
  Object.assign(page, { width: 2480, height: 3508, dpi: 300, rotation: 90, skewAngle: -1.2 });
  page.lines.forEach((line, index) => {
    line.bbox = { x0: 200, y0: 300 + index * 60, x1: 2200, y1: 340 + index * 60 };
    line.confidence = 90 - index;
  });
  return doc;
}

async function usageError(work: Promise<unknown>): Promise<string> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(VnplanError);
  expect((error as VnplanError).code).toBe('VNPLAN_E_USAGE');
  return (error as VnplanError).message;
}

describe.each(BACKENDS)('review layer on $name', (backend) => {
  let store: Store;
  let dispose: () => Promise<void>;
  const doc = withGeometry();
  const id = doc.record.id;

  beforeAll(async () => {
    const created = await backend.create();
    dispose = created.dispose;
    store = await openStore(created.spec);
    for (const [name, other] of fixtures) if (name !== SYT_3520) await store.putDocument(other);
    await store.putDocument(doc);
  });

  afterAll(async () => {
    await store?.close();
    await dispose?.();
  });

  it('should give every page line with the number provenance uses, its text and its box', async () => {
    const [page] = await store.pages(id.slice(0, 8));
    expect(page).toMatchObject({
      page: 1,
      source: 'ocr',
      width: 2480,
      height: 3508,
      rotation: 90,
      skewAngle: -1.2,
    });
    expect(page!.lines).toHaveLength(doc.text.pages[0]!.lines.length);
    page!.lines.forEach((line, index) => {
      expect(line.line).toBe(index + 1);
      expect(line.text).toBe(doc.text.pages[0]!.lines[index]!.text);
    });
    expect(page!.lines[5]).toMatchObject({ bbox: { x0: 200, y0: 600, x1: 2200, y1: 640 }, confidence: 85 });
  });

  it('should store a field correction as a layer: the machine record stays as it was', async () => {
    const title = doc.record.document.title!;
    const correction = await store.addCorrection(id, {
      target: 'field',
      path: 'document.title',
      action: 'correct',
      value: 'Triển khai phong trào thi đua trong ngành Y tế năm 2026',
      reviewer: 'Lan',
    });
    expect(correction).toMatchObject({
      target: 'field',
      original: title,
      action: 'correct',
      reviewer: 'Lan',
    });
    const stored = await store.getDocument(id);
    expect(stored.record.document.title).toBe(title);
    expect(stored.corrections.map((c) => c.id)).toEqual([correction.id]);
    expect(applyFieldCorrections(stored.record, stored.corrections).document.title).toBe(
      'Triển khai phong trào thi đua trong ngành Y tế năm 2026',
    );
  });

  it('should let a later review supersede an earlier one, and accept keep the machine value', async () => {
    await store.addCorrection(id, {
      target: 'field',
      path: 'deadlines.0.action',
      action: 'correct',
      value: 'Báo cáo',
    });
    await store.addCorrection(id, { target: 'field', path: 'deadlines.0.action', action: 'accept' });
    const stored = await store.getDocument(id);
    const corrected = applyFieldCorrections(stored.record, stored.corrections);
    expect(corrected.deadlines[0]!.action).toBe(doc.record.deadlines[0]!.action);
  });

  it('should correct a token at its column and give the corrected text', async () => {
    const line9 = doc.text.pages[0]!.lines[8]!.text;
    const column = line9.indexOf('bệnh án') + 1;
    await store.addCorrection(id, {
      target: 'token',
      page: 1,
      line: 9,
      column,
      original: 'bệnh án',
      action: 'correct',
      value: 'Bệnh án',
    });
    const text = correctedText(await store.pages(id), (await store.getDocument(id)).corrections);
    expect(text.split('\n')[8]).toBe(line9.replace('bệnh án', 'Bệnh án'));
    expect(text.split('\n')[0]).toBe(doc.text.pages[0]!.lines[0]!.text);
  });

  it('should refuse corrections that do not fit the machine output', async () => {
    expect(
      await usageError(store.addCorrection(id, { target: 'field', path: 'id', action: 'accept' })),
    ).toMatch(/path/);
    expect(
      await usageError(
        store.addCorrection(id, { target: 'field', path: 'document.nothing', action: 'accept' }),
      ),
    ).toMatch(/no field document\.nothing/);
    expect(
      await usageError(
        store.addCorrection(id, { target: 'field', path: 'document.issuedDate', action: 'accept' }),
      ),
    ).toMatch(/not a text field/);
    expect(
      await usageError(
        store.addCorrection(id, { target: 'field', path: 'document.title', action: 'correct' }),
      ),
    ).toMatch(/corrected value/);
    expect(
      await usageError(
        store.addCorrection(id, { target: 'field', path: 'awards.0.form', action: 'correct', value: '' }),
      ),
    ).toMatch(/cannot be empty/);
    expect(
      await usageError(
        store.addCorrection(id, {
          target: 'token',
          page: 1,
          line: 9,
          column: 1,
          original: 'xyz',
          action: 'accept',
        }),
      ),
    ).toMatch(/no "xyz" at column 1/);
    expect(
      await usageError(
        store.addCorrection(id, {
          target: 'token',
          page: 3,
          line: 1,
          column: 1,
          original: 'a',
          action: 'accept',
        }),
      ),
    ).toMatch(/page 3 has no line 1/);
    const error = await store
      .addCorrection('ffffffff', { target: 'field', path: 'document.title', action: 'accept' })
      .catch((e: unknown) => e);
    expect((error as VnplanError).code).toBe('VNPLAN_E_DOCUMENT_NOT_FOUND');
  });

  it('should keep corrections when the document is stored again, and drop them when it is deleted', async () => {
    const before = (await store.getDocument(id)).corrections.length;
    expect(before).toBeGreaterThan(0);
    await store.putDocument(withGeometry());
    expect((await store.getDocument(id)).corrections).toHaveLength(before);
    expect(await store.correctedDocuments()).toEqual([id]);
    await store.deleteDocument(id);
    await store.putDocument(withGeometry());
    expect((await store.getDocument(id)).corrections).toEqual([]);
    expect(await store.correctedDocuments()).toEqual([]);
  });

  it('should filter by missing parents and sort by any column', async () => {
    const missing = new Set(
      (await store.missingParents()).flatMap((parent) => parent.citations.map((c) => c.id)),
    );
    const result = await store.query({ missingParents: true }, { limit: 100 });
    expect(result.rows.map((row) => row.id).sort()).toEqual([...missing].sort());
    expect(missing.size).toBeGreaterThan(0);
    expect(missing.size).toBeLessThan(fixtures.size);
    const byTitle = (await store.query({}, { limit: 100 }, { sort: 'title' })).rows.map(
      (row) => row.title ?? '',
    );
    expect(byTitle.filter(Boolean)).toEqual(
      [...byTitle.filter(Boolean)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
    );
    const oldestFirst = (await store.query({}, { limit: 100 }, { sort: 'issued', descending: false })).rows;
    const dates = oldestFirst.map((row) => row.issuedDate).filter((d): d is string => Boolean(d));
    expect(dates).toEqual([...dates].sort());
  });

  it('should list deadlines of a range with annual ones once per year, soonest first', async () => {
    const { items } = await store.deadlines('2026-06-01', '2027-12-31');
    const annual = items.filter((item) => item.document.id === id && item.kind === 'annual');
    expect(annual.map((item) => item.start.slice(0, 4))).toEqual(['2026', '2027']);
    expect(annual[0]!.responsible ?? annual[0]!.text).toBeTruthy();
    const ends = items.map((item) => item.end);
    expect(ends).toEqual([...ends].sort());
    expect(items.every((item) => item.end >= '2026-06-01' && item.start <= '2027-12-31')).toBe(true);
    await expect(store.deadlines('2026-13', '2027')).rejects.toThrow(VnplanError);
  });

  it('should count documents by issuer and year and award forms', async () => {
    const overview = await store.overview();
    expect(overview.documents).toBe(fixtures.size);
    expect(overview.byIssuerYear.reduce((sum, row) => sum + row.count, 0)).toBe(fixtures.size);
    const forms = new Map<string, number>();
    for (const [, other] of fixtures)
      for (const award of other.record.awards) forms.set(award.form, (forms.get(award.form) ?? 0) + 1);
    expect(new Map(overview.awardForms.map((row) => [row.form, row.count]))).toEqual(forms);
  });
});
