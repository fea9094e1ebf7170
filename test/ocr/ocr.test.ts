import { readFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { cer } from '../../bench/cer.js';
import { main } from '../../src/cli.js';
import { createContext } from '../../src/cli/context.js';
import { openSource } from '../../src/intake/index.js';
import {
  measureSkew,
  OcrPool,
  pageText,
  rawLinesOf,
  readDocumentText,
  readPage,
} from '../../src/ocr/index.js';
import { analysePageContent, openPdf, pageBitmap } from '../../src/pdf/index.js';
import { FIXTURES_DIR } from '../../src/paths.js';

const scans = join(FIXTURES_DIR, 'scans');
const pool = new OcrPool({ workers: 2 });
afterAll(() => pool.close());

async function renderedGray(dpi: number) {
  const document = await openPdf(readFileSync(join(scans, 'ocr-01.text-layer.pdf')));
  const page = await document.getPage(1);
  const bitmap = await pageBitmap(page, await analysePageContent(page), { dpi });
  await document.destroy();
  return sharp(bitmap.data, {
    raw: { width: bitmap.width, height: bitmap.height, channels: bitmap.channels },
  });
}

describe('OCR', () => {
  it('should read a degraded 200 DPI scan with a character error rate under 3%', async () => {
    const { source, data } = await openSource(join(scans, 'ocr-03.scan-200dpi-faded.jpg'));
    const text = await readDocumentText(source, { pool, data });
    const page = text.pages[0]!;
    expect(page.source).toBe('ocr');
    expect(page.lines[0]!.words![0]!.confidence).toBeGreaterThan(0);
    expect(page.meanConfidence).toBeGreaterThan(50);
    expect(cer(readFileSync(join(scans, 'ocr-03.p1.truth.txt'), 'utf8'), pageText(page))).toBeLessThan(0.03);
  });

  it('should OCR an image-only PDF page and take the text layer of a born-digital one', async () => {
    const scan = await openSource(join(scans, 'ocr-01.scan-300dpi-1bit.pdf'));
    const page = await readPage(scan.source, 1, { pool });
    expect(page.source).toBe('ocr');
    expect(page.textLayer?.verdict).toBe('empty');
    const truth = readFileSync(join(scans, 'ocr-01.p1.truth.txt'), 'utf8');
    expect(cer(truth, pageText(page))).toBeLessThan(0.03);
    const digital = await openSource(join(scans, 'ocr-01.text-layer.pdf'));
    const layer = await readPage(digital.source, 1, { pool });
    expect(layer.source).toBe('text-layer');
    expect(layer.lines.map((line) => line.text).join('\n')).toBe(truth.trimEnd());
  });

  it('should OCR a page whose text layer is legacy-encoded and report it', async () => {
    const legacy = await openSource(join(scans, 'legacy-tcvn3-text-layer.pdf'));
    const page = await readPage(legacy.source, 1, { pool });
    expect(page.source).toBe('ocr');
    expect(page.textLayer?.verdict).toBe('legacy-encoding');
    expect(page.findings.map((finding) => finding.code)).toContain('text-layer-legacy-encoding');
    expect(pageText(page)).toContain('KH-UBND');
  });

  it('should measure the skew of a page turned by 2 degrees', async () => {
    const image = await renderedGray(150);
    const { data, info } = await image
      .grayscale()
      .rotate(2, { background: '#ffffff' })
      .raw()
      .toBuffer({ resolveWithObject: true });
    const angle = await measureSkew({ data, width: info.width, height: info.height });
    expect(Math.abs(angle - 2)).toBeLessThan(0.25);
    const straight = await (await renderedGray(150)).grayscale().raw().toBuffer({ resolveWithObject: true });
    expect(
      Math.abs(
        await measureSkew({ data: straight.data, width: straight.info.width, height: straight.info.height }),
      ),
    ).toBeLessThan(0.2);
  });

  it('should recycle a worker after its page quota and terminate cleanly', async () => {
    const small = new OcrPool({ workers: 1, recycleAfter: 1 });
    const image = await sharp({ create: { width: 400, height: 80, channels: 3, background: '#ffffff' } })
      .composite([
        {
          input: Buffer.from(
            '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="80"><text x="10" y="50" font-size="36" font-family="DejaVu Serif">Hà Nội</text></svg>',
          ),
        },
      ])
      .png()
      .toBuffer();
    const first = await small.recognise({ image, dpi: 300, page: 1 });
    const second = await small.recognise({ image, dpi: 300, page: 2 });
    const words = (page: typeof first) =>
      rawLinesOf(page)
        .flatMap((line) => line.words.map((word) => word.text))
        .join(' ');
    expect(words(first)).toBe('Hà Nội');
    expect(words(second)).toBe(words(first));
    expect(small.workersStarted).toBe(2);
    await small.close();
    await expect(small.recognise({ image, dpi: 300, page: 3 })).rejects.toMatchObject({
      code: 'VNPLAN_E_INTERNAL',
    });
  });

  it('should time out a page that takes too long and keep the pool usable', async () => {
    const slow = new OcrPool({ workers: 1, pageTimeoutMs: 1 });
    const image = readFileSync(join(scans, 'ocr-03.scan-200dpi-faded.jpg'));
    await expect(slow.recognise({ image, dpi: 200, page: 1 })).rejects.toMatchObject({
      code: 'VNPLAN_E_OCR_TIMEOUT',
    });
    await slow.close();
  });
});

describe('vnplan ocr', () => {
  function capture() {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    const out: string[] = [];
    const err: string[] = [];
    stdout.on('data', (chunk) => out.push(String(chunk)));
    stderr.on('data', (chunk) => err.push(String(chunk)));
    return { ctx: createContext(stdout, stderr), out: () => out.join(''), err: () => err.join('') };
  }

  it('should print a text-layer PDF as text', async () => {
    const io = capture();
    expect(await main(['node', 'vnplan', 'ocr', join(scans, 'ocr-01.text-layer.pdf')], io.ctx)).toBe(0);
    expect(io.out()).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  });

  it('should name a bad file and its reason on one line with a non-zero exit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vnplan-ocr-'));
    const bad = join(dir, 'broken.pdf');
    writeFileSync(bad, '%PDF-1.4\n1 0 obj garbage');
    const io = capture();
    const code = await main(['node', 'vnplan', 'ocr', bad], io.ctx);
    expect(code).not.toBe(0);
    expect(io.err().trim().split('\n')).toHaveLength(1);
    expect(io.err()).toContain(bad);
    expect(io.err()).toContain('VNPLAN_E_PDF_CORRUPT');
  });
});

describe('image pages', () => {
  it('should decode each page of a multi-page TIFF with its resolution', async () => {
    const { imagePageBitmap } = await import('../../src/ocr/index.js');
    const data = readFileSync(join(scans, 'two-page.tiff'));
    const pages = [await imagePageBitmap(data, 1), await imagePageBitmap(data, 2)];
    for (const page of pages) {
      expect(page.width * page.height).toBeGreaterThan(1_000_000);
      expect(page.data.length).toBe(page.width * page.height * page.channels);
      expect(page.dpi).toBeGreaterThanOrEqual(200);
    }
    expect(pages[0]!.data.equals(pages[1]!.data)).toBe(false);
    await expect(imagePageBitmap(data, 3)).rejects.toMatchObject({ code: 'VNPLAN_E_IMAGE_CORRUPT' });
  });

  it('should OCR the second page of a 1-bit CCITT G4 TIFF', async () => {
    const tiff = await openSource(join(scans, 'two-page.tiff'));
    const page = await readPage(tiff.source, 2, { pool });
    expect(page.page).toBe(2);
    expect(cer(readFileSync(join(scans, 'ocr-03.p1.truth.txt'), 'utf8'), pageText(page))).toBeLessThan(0.03);
  });
});

describe('page rotation', () => {
  it('should detect a page turned by 90 and 180 degrees and leave an upright one', async () => {
    const { detectRotation } = await import('../../src/ocr/index.js');
    const results: number[] = [];
    for (const angle of [0, 90, 180]) {
      const { data, info } = await (
        await renderedGray(100)
      )
        .grayscale()
        .rotate(angle)
        .raw()
        .toBuffer({ resolveWithObject: true });
      results.push(await detectRotation({ data, width: info.width, height: info.height }));
    }
    expect(results).toEqual([0, 270, 180]);
  });
});
