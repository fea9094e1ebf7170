import { readFile } from 'node:fs/promises';
import type { DocumentText, PageText } from '../document-text.js';
import { VnplanError, asVnplanError } from '../errors/index.js';
import type { Finding } from '../findings.js';
import { decodeText } from '../intake/text-file.js';
import type { SourceFile } from '../intake/source-file.js';
import { DEFAULT_LIMITS } from '../intake/limits.js';
import { IsolatedPdf } from '../pdf/reader-supervisor.js';
import { looksLegacyEncoded } from '../pdf/text-quality.js';
import { imagePageBitmap } from './image-page.js';
import { OcrPool, type OcrPoolOptions } from './pool.js';
import { DEFAULT_PREPROCESS } from './preprocess.js';
import { ocrBitmap, type OcrPageOptions } from './recognise-page.js';

export interface ReadTextOptions extends OcrPageOptions {
  /** A pool shared across documents; without one, a pool is made for the call and closed after it. */
  pool?: OcrPool;
  /** Options for the pool made when none is given. */
  poolOptions?: OcrPoolOptions;
  /** 1-based page numbers to read (all when omitted). */
  pages?: number[];
  /** Resolution PDF pages are rendered at for OCR. @defaultValue 300 */
  dpi?: number;
  /** OCR every page even when its text layer reads well. @defaultValue false */
  forceOcr?: boolean;
  /** Largest page bitmap, in pixels. @defaultValue 150e6 */
  maxPixels?: number;
  /** Time allowed to open a file and to read or render one page, in ms. @defaultValue 60000 */
  timeoutMs?: number;
  /** Memory ceiling (process resident set, MiB) while PDF pages are read. @defaultValue 3072 */
  maxMemoryMiB?: number;
  /** The file's bytes when the caller already has them. */
  data?: Buffer;
}

/** A page of a text file: pages are separated by form feeds; legacy-encoded text is flagged for repair. */
function textFilePage(text: string, pageNumber: number): PageText {
  const pageText = text.replace(/\f+$/, '').split('\f')[pageNumber - 1] ?? '';
  const lines = pageText
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => ({ text: line.replace(/\s+$/u, '') }));
  const findings: Finding[] = looksLegacyEncoded(pageText)
    ? [
        {
          stage: 'intake',
          code: 'text-legacy-encoding',
          message:
            'the text looks like TCVN3/VNI Vietnamese read as Windows-1252: the repair stage should convert it',
          severity: 'warning',
          place: { page: pageNumber },
        },
      ]
    : [];
  return { page: pageNumber, source: 'text-file', lines, findings };
}

function textLayerFinding(pageNumber: number, verdict: string, score: number): Finding {
  const reason =
    verdict === 'legacy-encoding'
      ? "the text layer is in a legacy Vietnamese font encoding (TCVN3/VNI); the page was OCR'd instead"
      : "the text layer does not read as Vietnamese; the page was OCR'd instead";
  return {
    stage: 'pdf',
    code: verdict === 'legacy-encoding' ? 'text-layer-legacy-encoding' : 'text-layer-garbage',
    message: `${reason} (valid syllables ${(score * 100).toFixed(0)}%)`,
    severity: 'warning',
    place: { page: pageNumber },
  };
}

async function pdfPage(
  document: IsolatedPdf,
  source: SourceFile,
  pageNumber: number,
  pool: () => OcrPool,
  options: ReadTextOptions,
): Promise<PageText> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const read = await document.readPage(pageNumber, { timeoutMs });
  try {
    const { verdict, score } = read.quality;
    const textLayer = { score: Math.round(score * 1000) / 1000, verdict, fonts: read.content.fonts };
    if (verdict === 'good' && !options.forceOcr) {
      return {
        page: pageNumber,
        source: 'text-layer',
        lines: read.lines,
        width: read.width,
        height: read.height,
        dpi: 300,
        textLayer,
        findings: [],
      };
    }
    const bitmap = await document.pageBitmap(pageNumber, {
      dpi: options.dpi,
      maxPixels: options.maxPixels,
      timeoutMs,
      // Made gray in the reader thread: a third of the pixels to move to this one.
      gray: {
        suppressStamps: options.preprocess?.stampSuppression ?? DEFAULT_PREPROCESS.stampSuppression,
      },
    });
    const page = await ocrBitmap(bitmap, pool(), pageNumber, options);
    const findings =
      verdict === 'legacy-encoding' || verdict === 'garbage'
        ? [textLayerFinding(pageNumber, verdict, score)]
        : [];
    return { ...page, textLayer, findings: [...page.findings, ...findings] };
  } finally {
    document.releasePage(pageNumber);
  }
}

function checkPage(source: SourceFile, pageNumber: number): void {
  if (!Number.isInteger(pageNumber) || pageNumber < 1 || pageNumber > source.pageCount)
    throw new VnplanError(
      'VNPLAN_E_PAGE_RANGE',
      { range: String(pageNumber), pages: source.pageCount },
      { path: source.path },
    );
}

/** Runs `work` with the given pool, or with a pool made for it and closed afterwards. */
async function withPool<T>(options: ReadTextOptions, work: (pool: () => OcrPool) => Promise<T>): Promise<T> {
  if (options.pool) {
    const shared = options.pool;
    return work(() => shared);
  }
  let own: OcrPool | undefined;
  try {
    return await work(() => (own ??= new OcrPool(options.poolOptions)));
  } finally {
    await own?.close();
  }
}

/**
 * The text of all (or the chosen) pages of a source file, page by page: text layers where they read
 * well, OCR elsewhere. Pages are read concurrently, as many at a time as the pool has workers.
 */
export async function readDocumentText(
  source: SourceFile,
  options: ReadTextOptions = {},
): Promise<DocumentText> {
  const pages = options.pages ?? Array.from({ length: source.pageCount }, (_, i) => i + 1);
  pages.forEach((page) => checkPage(source, page));
  const data = options.data ?? (await readFile(source.path));
  return withPool(options, async (pool) => {
    let document: IsolatedPdf | undefined;
    let text: string | undefined;
    try {
      if (source.kind === 'pdf')
        document = await IsolatedPdf.open(data, {
          path: source.path,
          maxImagePixels: options.maxPixels,
          maxMemoryMiB: options.maxMemoryMiB,
          timeoutMs: options.timeoutMs ?? DEFAULT_LIMITS.openTimeoutMs,
        });
      if (source.kind === 'text') text = decodeText(data, source.format, source.path);
      const readOne = (pageNumber: number): Promise<PageText> => {
        if (document) return pdfPage(document, source, pageNumber, pool, options);
        if (text !== undefined) return Promise.resolve(textFilePage(text, pageNumber));
        return imagePageBitmap(data, pageNumber, source.path).then((bitmap) =>
          ocrBitmap(bitmap, pool(), pageNumber, options),
        );
      };
      const concurrency = Math.max(1, (options.pool?.size ?? options.poolOptions?.workers ?? 2) + 1);
      const results: PageText[] = new Array<PageText>(pages.length);
      let next = 0;
      const lanes = Array.from({ length: Math.min(concurrency, pages.length) }, async () => {
        while (next < pages.length) {
          const index = next++;
          results[index] = await readOne(pages[index]!);
        }
      });
      await Promise.all(lanes);
      return { pages: results };
    } catch (error) {
      throw asVnplanError(error, source.path);
    } finally {
      await document?.destroy();
    }
  });
}

/** The text of one page, opening the file itself: what a queue worker calls for an `ocr-page` job. */
export async function readPage(
  source: SourceFile,
  pageNumber: number,
  options: ReadTextOptions = {},
): Promise<PageText> {
  checkPage(source, pageNumber);
  const { pages } = await readDocumentText(source, { ...options, pages: [pageNumber] });
  return pages[0]!;
}
