// The body of a PDF reader worker thread: pdfjs runs here, so that the supervisor (reader-supervisor.ts)
// can stop a decode that never yields by terminating the thread.
import { parentPort } from 'node:worker_threads';
import { VnplanError } from '../errors/index.js';
import { isTimeoutError } from '../timeout.js';
import { loadPdfJs, openPdf, type PDFDocumentProxy } from './load.js';
import { useOneShotDecompression } from './native-inflate.js';
import { analysePageContent, type PageContent } from './page-content.js';
import { pageBitmap, type PageBitmap } from './page-image.js';
import { readPdfPage } from './pdf-page.js';
import type { PDFPageProxy } from 'pdfjs-dist/types/src/display/api.js';
import type { ReaderFailure, ReaderReply, ReaderRequest, ReaderResult } from './reader-messages.js';

const port = parentPort;
if (!port) throw new Error('reader-worker.ts runs only as a worker thread');

const documents = new Map<number, PDFDocumentProxy>();
/** Pages read and not yet released, kept so that a later bitmap request need not read them again. */
const pages = new Map<string, { page: PDFPageProxy; content: PageContent }>();
let nextDocument = 1;

function documentOf(id: number): PDFDocumentProxy {
  const document = documents.get(id);
  if (!document) throw new Error(`no open document ${id}`);
  return document;
}

async function pageOf(document: number, pageNumber: number) {
  const key = `${document}:${pageNumber}`;
  let entry = pages.get(key);
  if (!entry) {
    const page = await documentOf(document).getPage(pageNumber);
    entry = { page, content: await analysePageContent(page) };
    pages.set(key, entry);
  }
  return entry;
}

/**
 * The bitmap's buffer when it can be moved to the supervisor as it is. A one-channel bitmap was made here
 * (unpacked from 1 bit, or turned gray) and is moved when it owns its whole buffer. A canvas's pixels live
 * in the canvas library's memory and pdfjs may still hold an image's buffer: those are copied once by
 * postMessage (measured faster than copying them here first).
 */
function movableBuffer(bitmap: PageBitmap): ArrayBuffer | undefined {
  const { data } = bitmap;
  return bitmap.channels === 1 && data.byteOffset === 0 && data.byteLength === data.buffer.byteLength
    ? (data.buffer as ArrayBuffer)
    : undefined;
}

async function handle(request: ReaderRequest): Promise<{ result: ReaderResult; transfer: ArrayBuffer[] }> {
  switch (request.op) {
    case 'open': {
      const document = await openPdf(request.data, request.options);
      const id = nextDocument++;
      documents.set(id, document);
      return { result: { op: 'open', document: id, numPages: document.numPages }, transfer: [] };
    }
    case 'read-page': {
      const read = await readPdfPage(documentOf(request.document), request.page, {
        timeoutMs: request.timeoutMs,
      });
      pages.set(`${request.document}:${request.page}`, { page: read.page, content: read.content });
      const { lines, quality, content, width, height } = read;
      return { result: { op: 'read-page', page: { lines, quality, content, width, height } }, transfer: [] };
    }
    case 'bitmap': {
      const { page, content } = await pageOf(request.document, request.page);
      const bitmap = await pageBitmap(page, content, request.options);
      const buffer = movableBuffer(bitmap);
      return { result: { op: 'bitmap', bitmap }, transfer: buffer ? [buffer] : [] };
    }
    case 'release-page': {
      const key = `${request.document}:${request.page}`;
      pages.get(key)?.page.cleanup();
      pages.delete(key);
      return { result: { op: 'release-page' }, transfer: [] };
    }
    case 'close': {
      for (const [key, entry] of pages)
        if (key.startsWith(`${request.document}:`)) {
          entry.page.cleanup();
          pages.delete(key);
        }
      await documents.get(request.document)?.destroy();
      documents.delete(request.document);
      return { result: { op: 'close' }, transfer: [] };
    }
  }
}

function failure(error: unknown): ReaderFailure {
  const timedOut = isTimeoutError(error);
  if (error instanceof VnplanError)
    return { code: error.code, details: error.details, message: error.message, timedOut };
  return { message: error instanceof Error ? error.message || error.name : String(error), timedOut };
}

port.on('message', (request: ReaderRequest) => {
  handle(request).then(
    ({ result, transfer }) =>
      port.postMessage({ id: request.id, ok: true, result } satisfies ReaderReply, transfer),
    (error: unknown) =>
      port.postMessage({ id: request.id, ok: false, error: failure(error) } satisfies ReaderReply),
  );
});

/**
 * pdfjs loads its parsing half (pdf.worker.mjs) on the first document; loading both now, before the
 * supervisor is told the thread is ready, keeps module loading out of the first document's time limits.
 */
async function warmUp(): Promise<void> {
  useOneShotDecompression();
  await loadPdfJs();
  const workerModule = 'pdfjs-dist/legacy/build/pdf.worker.mjs';
  (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = await import(workerModule);
}

void warmUp().then(() => port.postMessage({ ready: true }));
