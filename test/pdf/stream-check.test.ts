import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { group4Strip, jbig2Pdf, jbig2Stream } from '../../scripts/hostile/bilevel-pdf.js';
import { deflatedZeros } from '../../scripts/hostile/pdf-cases.js';
import { imagePagePdf, onePagePdf, rawPdf } from '../../scripts/hostile/raw-pdf.js';
import { VnplanError } from '../../src/errors/index.js';
import { FIXTURES_DIR } from '../../src/paths.js';
import { checkPdfStreams } from '../../src/pdf/index.js';

const MiB = 1024 * 1024;
const limits = { maxPixels: 150_000_000, maxStreamBytes: 4 * MiB };

function codeOf(work: () => void): string | undefined {
  try {
    work();
    return undefined;
  } catch (error) {
    return error instanceof VnplanError ? error.code : String(error);
  }
}

function contentPdf(stream: Buffer): Buffer {
  return rawPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
    { dict: '<< /Filter /FlateDecode >>', stream },
  ]);
}

describe('checkPdfStreams', () => {
  it('should refuse a content stream that inflates past the limit, and accept one under it', async () => {
    const bomb = contentPdf(await deflatedZeros(8 * MiB));
    expect(codeOf(() => checkPdfStreams(bomb, limits, 'bomb.pdf'))).toBe('VNPLAN_E_PDF_STREAM_TOO_LARGE');
    expect(codeOf(() => checkPdfStreams(bomb, { ...limits, maxStreamBytes: 16 * MiB }))).toBeUndefined();
  });

  it('should bound the streams together, and the scan of a file made of nothing but stream keywords', async () => {
    const stream = await deflatedZeros(200 * 1024);
    const objects = Array.from({ length: 25 }, () => ({ dict: '<< /Filter /FlateDecode >>', stream }));
    const many = rawPdf(['<< /Type /Catalog >>', ...objects]);
    expect(codeOf(() => checkPdfStreams(many, { ...limits, maxStreamBytes: 256 * 1024 }))).toBe(
      'VNPLAN_E_PDF_STREAM_TOO_LARGE',
    );
    expect(codeOf(() => checkPdfStreams(many, { ...limits, maxStreamBytes: 512 * 1024 }))).toBeUndefined();
    const started = Date.now();
    expect(
      codeOf(() => checkPdfStreams(Buffer.from('1 0 obj << >> stream\n'.repeat(500_000)), limits)),
    ).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('should refuse an image over the pixel limit from its dictionary, without inflating it', () => {
    const huge = imagePagePdf(
      '<< /Type /XObject /Subtype /Image /Width 20000 /Height 20000 /ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /FlateDecode >>',
      Buffer.from('not even deflate data'),
    );
    expect(codeOf(() => checkPdfStreams(huge, limits))).toBe('VNPLAN_E_IMAGE_TOO_LARGE');
    expect(codeOf(() => checkPdfStreams(huge, { ...limits, maxPixels: 500_000_000 }))).toBeUndefined();
  });

  it('should refuse image sizes and bit depths pdfjs would spin on (found by fuzzing)', async () => {
    const scan = (await readFile(join(FIXTURES_DIR, 'scans', 'ocr-01.scan-300dpi-1bit.pdf'))).toString(
      'latin1',
    );
    for (const lie of ['/Height 0.0001', '/Height -3530', '/BitsPerComponent 1e9', '/BitsPerComponent 3']) {
      const key = lie.split(' ')[0]!;
      const damaged = Buffer.from(scan.replace(new RegExp(`${key} \\d+`), lie), 'latin1');
      expect(
        codeOf(() => checkPdfStreams(damaged, limits)),
        lie,
      ).toBe('VNPLAN_E_PDF_CORRUPT');
    }
  });

  it('should refuse a JBIG2 image whose segment headers claim a region far larger than the image', async () => {
    const tiff = await readFile(join(FIXTURES_DIR, 'scans', 'two-page.tiff'));
    const strip = await group4Strip(tiff, { left: 100, top: 180, width: 1000 });
    const good = jbig2Pdf(strip);
    expect(codeOf(() => checkPdfStreams(good, limits))).toBeUndefined();
    const stream = jbig2Stream(strip);
    const lying = Buffer.from(stream);
    lying.writeUInt32BE(0x20000898, 30 + 11); // the generic region's width, after the page information segment
    const damaged = Buffer.from(
      good.toString('latin1').replace(stream.toString('latin1'), lying.toString('latin1')),
      'latin1',
    );
    expect(codeOf(() => checkPdfStreams(damaged, limits))).toBe('VNPLAN_E_PDF_CORRUPT');
  });

  it('should pass real PDFs and the word "stream" inside page text', async () => {
    for (const name of ['ocr-01.text-layer.pdf', 'ocr-01.scan-300dpi-1bit.pdf', 'encrypted-owner-only.pdf']) {
      const data = await readFile(join(FIXTURES_DIR, 'scans', name));
      expect(
        codeOf(() => checkPdfStreams(data, { maxPixels: 10_000_000, maxStreamBytes: MiB })),
        name,
      ).toBeUndefined();
    }
    const wordy = onePagePdf(
      'BT (upstream stream endstream <</Subtype /Image /Width 99999 /Height 99999>> stream) Tj ET',
      '<< >>',
    );
    expect(codeOf(() => checkPdfStreams(wordy, { ...limits, maxPixels: 1000 }))).toBeUndefined();
  });
});
