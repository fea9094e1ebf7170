import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { judgeTextLayer, openPdf, readPdfPage } from '../../src/pdf/index.js';
import { FIXTURES_DIR } from '../../src/paths.js';

describe('PDF text layer', () => {
  it('should extract a born-digital page exactly, two-column header blocks left then right', async () => {
    const document = await openPdf(readFileSync(join(FIXTURES_DIR, 'scans', 'ocr-01.text-layer.pdf')));
    const page = await readPdfPage(document, 1);
    const truth = readFileSync(join(FIXTURES_DIR, 'scans', 'ocr-01.p1.truth.txt'), 'utf8').trimEnd();
    expect(page.lines.map((line) => line.text).join('\n')).toBe(truth);
    expect(page.quality.verdict).toBe('good');
    expect(page.lines[0]!.block).not.toBe(page.lines[2]!.block);
    await document.destroy();
  });

  it('should report an image-only page as having an empty text layer', async () => {
    const document = await openPdf(readFileSync(join(FIXTURES_DIR, 'scans', 'ocr-01.scan-300dpi-1bit.pdf')));
    const page = await readPdfPage(document, 1);
    expect(page.quality.verdict).toBe('empty');
    expect(page.content.images).toHaveLength(1);
    await document.destroy();
  });

  it('should tell legacy-encoded and garbage text layers from Vietnamese', () => {
    expect(
      judgeTextLayer('Céng hßa x· héi chñ nghÜa ViÖt Nam, §éc lËp - Tù do - H¹nh phóc', []).verdict,
    ).toBe('legacy-encoding');
    expect(judgeTextLayer('Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam, Ñoäc laäp - Töï do', []).verdict).toBe(
      'legacy-encoding',
    );
    expect(judgeTextLayer('Kế hoạch triển khai thực hiện phong trào thi đua', ['.VnTime']).verdict).toBe(
      'good',
    );
    expect(judgeTextLayer('xkq zzv wrtp qqq blorf snark glib', []).verdict).toBe('garbage');
    expect(judgeTextLayer('Cộng hòa xã hội chủ nghĩa Việt Nam', []).verdict).toBe('good');
  });
});

describe('legacy-encoded text layer', () => {
  it('should judge a TCVN3 text layer as legacy-encoding', async () => {
    const document = await openPdf(readFileSync(join(FIXTURES_DIR, 'scans', 'legacy-tcvn3-text-layer.pdf')));
    const page = await readPdfPage(document, 1);
    expect(page.quality.verdict).toBe('legacy-encoding');
    expect(page.lines[0]!.text).toBe('Céng hßa x· héi chñ nghÜa ViÖt Nam');
    await document.destroy();
  });
});
