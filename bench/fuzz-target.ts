// The child process of `npm run bench:fuzz`: reads one mutated file at a time (sent over IPC) through the real
// intake and page-reading stages up to the bitmap OCR would get (tesseract itself is not fuzzed: it only
// ever sees bitmaps), and answers with the outcome. The parent kills it on a hang or over the memory limit.
import { asVnplanError } from '../src/errors/index.js';
import { decodeText, openSource } from '../src/intake/index.js';
import { imagePageBitmap } from '../src/ocr/index.js';
import { preprocessPage } from '../src/ocr/preprocess.js';
import { openPdf, pageBitmap, readPdfPage } from '../src/pdf/index.js';

export interface FuzzRequest {
  index: number;
  path: string;
}
export interface FuzzAnswer {
  index: number;
  /** 'ok', or the catalogue code it was refused with. */
  outcome: string;
  detail?: string;
}

/** Pages read per file: enough to reach page-level code, few enough to try many files. */
const PAGES = 2;
const LIMITS = { openTimeoutMs: 5_000, maxPages: 2000, maxPixels: 150_000_000 };
const PAGE_TIMEOUT_MS = 5_000;

async function readThrough(path: string): Promise<void> {
  const { source, data } = await openSource(path, LIMITS);
  const pages = Math.min(PAGES, source.pageCount);
  if (source.kind === 'text') {
    decodeText(data, source.format, path);
    return;
  }
  if (source.kind === 'image') {
    for (let page = 1; page <= pages; page++) await preprocessPage(await imagePageBitmap(data, page, path));
    return;
  }
  const document = await openPdf(data, {
    path,
    timeoutMs: LIMITS.openTimeoutMs,
    maxImagePixels: LIMITS.maxPixels,
  });
  try {
    for (let page = 1; page <= pages; page++) {
      const read = await readPdfPage(document, page, { timeoutMs: PAGE_TIMEOUT_MS, path });
      try {
        if (read.quality.verdict === 'good') continue;
        const bitmap = await pageBitmap(read.page, read.content, {
          maxPixels: LIMITS.maxPixels,
          timeoutMs: PAGE_TIMEOUT_MS,
        });
        await preprocessPage(bitmap);
      } finally {
        read.page.cleanup();
      }
    }
  } finally {
    await document.destroy();
  }
}

process.on('message', async (request: FuzzRequest) => {
  let answer: FuzzAnswer;
  try {
    await readThrough(request.path);
    answer = { index: request.index, outcome: 'ok' };
  } catch (error) {
    const failure = asVnplanError(error);
    answer = { index: request.index, outcome: failure.code, detail: failure.message.slice(0, 300) };
  }
  process.send?.(answer);
});
process.send?.({ index: -1, outcome: 'ready' });
