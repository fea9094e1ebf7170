// What `npm run bench:fuzz` does with one file: the real intake and page-reading stages up to the bitmap OCR
// would get (tesseract itself is not fuzzed: it only ever sees bitmaps).
import { decodeText, openSource } from '../../src/intake/index.js';
import { imagePageBitmap } from '../../src/ocr/index.js';
import { preprocessPage } from '../../src/ocr/preprocess.js';
import { IsolatedPdf } from '../../src/pdf/index.js';

/** Pages read per file: enough to reach page-level code, few enough to try many files. */
const PAGES = 2;
const LIMITS = { openTimeoutMs: 5_000, maxPages: 2000, maxPixels: 150_000_000 };
const PAGE_TIMEOUT_MS = 5_000;
/** The fuzz's memory ceiling (MiB), lower than the product's default so that a runaway shows sooner. */
export const FUZZ_MEMORY_MIB = 1536;

export async function readThrough(path: string, maxMemoryMiB = FUZZ_MEMORY_MIB): Promise<void> {
  const { source, data } = await openSource(path, { ...LIMITS, maxMemoryMiB });
  const pages = Math.min(PAGES, source.pageCount);
  if (source.kind === 'text') {
    decodeText(data, source.format, path);
    return;
  }
  if (source.kind === 'image') {
    for (let page = 1; page <= pages; page++) await preprocessPage(await imagePageBitmap(data, page, path));
    return;
  }
  const document = await IsolatedPdf.open(data, {
    path,
    timeoutMs: LIMITS.openTimeoutMs,
    maxImagePixels: LIMITS.maxPixels,
    maxMemoryMiB,
  });
  try {
    for (let page = 1; page <= pages; page++) {
      const read = await document.readPage(page, { timeoutMs: PAGE_TIMEOUT_MS });
      try {
        if (read.quality.verdict === 'good') continue;
        const bitmap = await document.pageBitmap(page, {
          maxPixels: LIMITS.maxPixels,
          timeoutMs: PAGE_TIMEOUT_MS,
        });
        await preprocessPage(bitmap);
      } finally {
        document.releasePage(page);
      }
    }
  } finally {
    await document.destroy();
  }
}
