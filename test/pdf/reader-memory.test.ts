import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES_DIR } from '../../src/paths.js';
import { IsolatedPdf, pdfReaders } from '../../src/pdf/index.js';

const GOOD = join(FIXTURES_DIR, 'samples', 'sample-text-layer.pdf');
const CEILING_MIB = 3000;
const rssMiB = (): number => process.memoryUsage.rss() / 2 ** 20;

async function readFirstPage(data: Buffer): Promise<{ lines: number; width: number }> {
  const document = await IsolatedPdf.open(data, { path: GOOD, maxMemoryMiB: CEILING_MIB });
  try {
    const lines = (await document.readPage(1)).lines.length;
    const { width } = await document.pageBitmap(1);
    return { lines, width };
  } finally {
    await document.destroy();
  }
}

afterAll(async () => {
  await pdfReaders().close();
});

describe('the PDF readers’ memory ceiling', () => {
  it('should not stop a document read normally while memory held elsewhere fills the process near the ceiling', async () => {
    const data = await readFile(GOOD);
    // A reader thread with pdfjs loaded, kept idle for the next document with the same ceiling.
    await readFirstPage(data);
    // Memory the process holds for other work (in the product: the language model, OCR workers, other
    // documents), touched so that it is resident: 93 % of the ceiling.
    const elsewhere = Buffer.alloc(Math.max(0, Math.round((0.93 * CEILING_MIB - rssMiB()) * 2 ** 20)), 1);
    let highest = 0;
    const timer = setInterval(() => (highest = Math.max(highest, rssMiB())), 5);
    try {
      const read = await readFirstPage(data);
      expect(read.lines).toBeGreaterThan(0);
      expect(read.width).toBeGreaterThan(1000);
    } finally {
      clearInterval(timer);
    }
    // While the page was read the process was over 90 % of the ceiling (where the reader used to be
    // stopped whatever its own growth), yet under the ceiling itself.
    expect(highest).toBeGreaterThan(0.9 * CEILING_MIB);
    expect(highest).toBeLessThan(CEILING_MIB);
    expect(elsewhere.at(-1)).toBe(1);
  });
});
