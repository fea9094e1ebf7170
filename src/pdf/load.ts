import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api.js';
import { VnplanError } from '../errors/index.js';
import { withTimeout } from '../timeout.js';

type PdfJs = typeof PdfJsModule;

let pdfjsPromise: Promise<PdfJs> | undefined;
/** pdfjs is loaded on first use: commands that never read a PDF do not pay for it. */
export function loadPdfJs(): Promise<PdfJs> {
  pdfjsPromise ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjsPromise;
}

const PDFJS_ROOT = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
/** pdfjs needs its own font metrics, CMaps (CJK and other encodings) and wasm image decoders (JBIG2, JPX). */
const PDFJS_ASSETS = {
  standardFontDataUrl: `${join(PDFJS_ROOT, 'standard_fonts')}/`,
  cMapUrl: `${join(PDFJS_ROOT, 'cmaps')}/`,
  cMapPacked: true,
  wasmUrl: `${join(PDFJS_ROOT, 'wasm')}/`,
};

export interface OpenPdfOptions {
  path?: string;
  /** @defaultValue 30000 */
  timeoutMs?: number;
  /** Tried when the file asks for a password (an owner password alone never blocks reading). */
  password?: string;
  /**
   * Images larger than this (width × height) are never decoded: pdfjs leaves them out. Intake refuses such
   * files first (checkPdfStreams); this catches images it cannot see, such as inline ones.
   * @defaultValue 150e6
   */
  maxImagePixels?: number;
}

/**
 * A complete PDF ends with %%EOF (some writers add a little padding after it): one cut short is refused
 * before pdfjs sees it.
 */
export function checkEndsWithEof(data: Uint8Array, path?: string): void {
  if (!Buffer.from(data.subarray(Math.max(0, data.length - 2048))).includes('%%EOF'))
    throw new VnplanError(
      'VNPLAN_E_PDF_CORRUPT',
      { detail: 'it ends without %%EOF, so it was cut short' },
      { path },
    );
}

function classifyOpenError(error: unknown, path?: string): VnplanError {
  if (error instanceof VnplanError) return path ? error.withPath(path) : error;
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'PasswordException')
    return new VnplanError('VNPLAN_E_PDF_ENCRYPTED', {}, { path, cause: error });
  return new VnplanError('VNPLAN_E_PDF_CORRUPT', { detail: message || name }, { path, cause: error });
}

/**
 * Opens a PDF from its bytes. Maps pdfjs failures to catalogue errors: a password → VNPLAN_E_PDF_ENCRYPTED,
 * anything unreadable → VNPLAN_E_PDF_CORRUPT, no pages → VNPLAN_E_PDF_NO_PAGES. The bytes are copied
 * (pdfjs transfers and detaches the buffer it is given).
 */
export async function openPdf(data: Uint8Array, options: OpenPdfOptions = {}): Promise<PDFDocumentProxy> {
  checkEndsWithEof(data, options.path);
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument({
    data: new Uint8Array(data),
    ...PDFJS_ASSETS,
    password: options.password,
    maxImageSize: options.maxImagePixels ?? 150_000_000,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  task.onPassword = (_update: unknown, reason: number) => {
    // pdfjs keeps waiting for a password unless told there is none.
    void task.destroy();
    void reason;
  };
  let document: PDFDocumentProxy;
  try {
    document = await withTimeout(task.promise, options.timeoutMs ?? 30_000, 'opening the PDF', () => {
      void task.destroy();
      return new VnplanError(
        'VNPLAN_E_PDF_CORRUPT',
        { detail: 'it could not be opened in time' },
        { path: options.path },
      );
    });
  } catch (error) {
    if (error instanceof Error && /destroyed|Worker was terminated/i.test(error.message))
      throw new VnplanError('VNPLAN_E_PDF_ENCRYPTED', {}, { path: options.path, cause: error });
    throw classifyOpenError(error, options.path);
  }
  if (document.numPages < 1) {
    await document.destroy();
    throw new VnplanError('VNPLAN_E_PDF_NO_PAGES', {}, { path: options.path });
  }
  return document;
}

export type { PDFDocumentProxy };
