import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DICTIONARIES_DIR, FIXTURES_DIR } from '../../src/paths.js';
import { extractFile } from '../../src/pipeline/index.js';
import { PlanRecord } from '../../src/record/index.js';
import { pdfWithBadSecondPage } from '../helpers/bad-page-pdf.js';
import { planText } from '../helpers/plan-text.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vnplan-extract-file-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** TCVN3 (ABC) bytes of a text: the inverse of the repair stage's table, built from the table itself. */
async function tcvn3Bytes(text: string): Promise<Buffer> {
  const table = JSON.parse(await readFile(join(DICTIONARIES_DIR, 'encodings', 'tcvn3.json'), 'utf8')) as {
    bytes: Record<string, string>;
  };
  const byChar = new Map(Object.entries(table.bytes).map(([hex, ch]) => [ch, parseInt(hex, 16)]));
  const out: number[] = [];
  for (const ch of text.normalize('NFC')) {
    const code = byChar.get(ch) ?? byChar.get(ch.toLowerCase()) ?? ch.charCodeAt(0);
    out.push(code < 256 ? code : 0x3f);
  }
  return Buffer.from(out);
}

describe('extractFile', () => {
  it('should extract a UTF-8 text file through repair into a valid record', async () => {
    const path = join(dir, 'plan.txt');
    await writeFile(path, planText(42));
    const { record, text } = await extractFile(path);
    expect(PlanRecord.parse(record)).toEqual(record);
    expect(record.source).toMatchObject({ path, kind: 'text', pages: 1, textSource: 'text-file' });
    expect(record.document.number?.text).toBe('42/KH-SYT');
    expect(record.document.type).toBe('Kế hoạch');
    expect(text.pages[0]?.lines[0]?.text).toBe('UBND TỈNH VĨNH LONG');
  });

  it('should read a born-digital PDF from its text layer', async () => {
    const { record } = await extractFile(join(FIXTURES_DIR, 'scans', 'ocr-01.text-layer.pdf'));
    expect(record.source).toMatchObject({ kind: 'pdf', textSource: 'text-layer' });
    expect(record.document.number).not.toBeNull();
    expect(record.document.issuedDate).not.toBeNull();
  });

  it('should convert a TCVN3 text file and report the encoding', async () => {
    const path = join(dir, 'legacy.txt');
    await writeFile(path, await tcvn3Bytes(planText(57).toLowerCase()));
    const { record, text } = await extractFile(path);
    expect(record.quality.encoding).toBe('tcvn3');
    const body = text.pages.flatMap((page) => page.lines.map((line) => line.text)).join('\n');
    expect(body).toContain('triển khai');
    expect(body).toContain('độc lập - tự do - hạnh phúc');
  });

  it('should keep a document whose one page is broken, with a finding for that page', async () => {
    const path = join(dir, 'bad-page.pdf');
    await writeFile(path, await pdfWithBadSecondPage());
    const { record } = await extractFile(path);
    expect(record.source.pages).toBe(2);
    expect(record.document.number?.text).toBe('15/KH-UBND');
    expect(record.findings).toContainEqual(
      expect.objectContaining({
        stage: 'ocr',
        code: 'VNPLAN_E_PDF_CORRUPT',
        severity: 'error',
        place: { page: 2 },
      }),
    );
  });

  it('should fail a damaged PDF with a typed error', async () => {
    const path = join(dir, 'broken.pdf');
    const pdf = await readFile(join(FIXTURES_DIR, 'scans', 'ocr-01.text-layer.pdf'));
    await writeFile(path, pdf.subarray(0, 400));
    await expect(extractFile(path)).rejects.toMatchObject({ code: 'VNPLAN_E_PDF_CORRUPT', path });
  });
});
