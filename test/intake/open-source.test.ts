import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VnplanError } from '../../src/errors/index.js';
import { openSource, sniffType } from '../../src/intake/index.js';
import { FIXTURES_DIR } from '../../src/paths.js';

const dir = mkdtempSync(join(tmpdir(), 'vnplan-intake-'));
const textPdf = join(FIXTURES_DIR, 'scans', 'ocr-01.text-layer.pdf');

function write(name: string, data: Uint8Array | string): string {
  const path = join(dir, name);
  writeFileSync(path, data);
  return path;
}

async function codeOf(path: string): Promise<string> {
  try {
    await openSource(path);
    return 'no error';
  } catch (error) {
    expect(error).toBeInstanceOf(VnplanError);
    expect((error as VnplanError).toLine()).toContain(path);
    return (error as VnplanError).code;
  }
}

describe('openSource', () => {
  it('should sniff a PDF by content whatever its name, with a sha256 id and page count', async () => {
    const path = write('plan.txt', readFileSync(textPdf));
    const { source } = await openSource(path);
    expect(source).toMatchObject({ kind: 'pdf', format: 'pdf', pageCount: 1, path });
    expect(source.id).toMatch(/^[0-9a-f]{64}$/);
  });

  it('should sniff PNG, JPEG and text files', async () => {
    const jpeg = await openSource(join(FIXTURES_DIR, 'scans', 'ocr-03.scan-200dpi-faded.jpg'));
    expect(jpeg.source).toMatchObject({ kind: 'image', format: 'jpeg', pageCount: 1 });
    const text = await openSource(join(FIXTURES_DIR, 'samples', 'sample-plan.txt'));
    expect(text.source).toMatchObject({ kind: 'text', format: 'utf-8' });
    expect(sniffType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toEqual({
      kind: 'image',
      format: 'png',
    });
    expect(sniffType(Buffer.from('C\xe9ng h\xdfa x\xb7 h\xe9i', 'latin1')).format).toBe('8-bit-text');
  });

  it('should count the pages of a multi-page TIFF', async () => {
    const tiff = join(FIXTURES_DIR, 'scans', 'two-page.tiff');
    const { source } = await openSource(tiff);
    expect(source).toMatchObject({ kind: 'image', format: 'tiff', pageCount: 2 });
  });

  it('should refuse an empty file', async () => {
    expect(await codeOf(write('empty.pdf', ''))).toBe('VNPLAN_E_FILE_EMPTY');
  });

  it('should refuse a DOCX renamed .pdf as an unsupported type', async () => {
    const zip = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(200, 1)]);
    expect(await codeOf(write('report.pdf', zip))).toBe('VNPLAN_E_UNSUPPORTED_TYPE');
  });

  it('should refuse a missing file and a file over the size limit', async () => {
    expect(await codeOf(join(dir, 'missing.pdf'))).toBe('VNPLAN_E_FILE_NOT_FOUND');
    await expect(openSource(textPdf, { maxFileSize: 100 })).rejects.toMatchObject({
      code: 'VNPLAN_E_FILE_TOO_LARGE',
    });
  });

  it('should refuse a corrupt and a truncated PDF', async () => {
    expect(await codeOf(write('corrupt.pdf', '%PDF-1.7\nthis is not a pdf at all\n'))).toBe(
      'VNPLAN_E_PDF_CORRUPT',
    );
    const whole = readFileSync(textPdf);
    expect(await codeOf(write('truncated.pdf', whole.subarray(0, Math.floor(whole.length * 0.6))))).toBe(
      'VNPLAN_E_PDF_CORRUPT',
    );
  });

  it('should refuse a PDF with a user password but read one with only an owner password', async () => {
    expect(await codeOf(join(FIXTURES_DIR, 'scans', 'encrypted-user-password.pdf'))).toBe(
      'VNPLAN_E_PDF_ENCRYPTED',
    );
    const { source } = await openSource(join(FIXTURES_DIR, 'scans', 'encrypted-owner-only.pdf'));
    expect(source.pageCount).toBe(1);
  });

  it('should refuse an image over the pixel limit', async () => {
    await expect(
      openSource(join(FIXTURES_DIR, 'scans', 'ocr-03.scan-200dpi-faded.jpg'), { maxPixels: 1000 }),
    ).rejects.toMatchObject({
      code: 'VNPLAN_E_IMAGE_TOO_LARGE',
    });
  });
});

describe('openSource on a PDF without pages', () => {
  it('should refuse it as VNPLAN_E_PDF_NO_PAGES', async () => {
    const { PDFDocument } = await import('pdf-lib');
    const empty = await (await PDFDocument.create()).save({ addDefaultPage: false });
    expect(await codeOf(write('no-pages.pdf', empty))).toBe('VNPLAN_E_PDF_NO_PAGES');
  });
});
