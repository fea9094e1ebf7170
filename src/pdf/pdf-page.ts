import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/types/src/display/api.js';
import type { TextLine } from '../document-text.js';
import { VnplanError } from '../errors/index.js';
import { withTimeout } from '../timeout.js';
import { analysePageContent, type PageContent } from './page-content.js';
import { extractTextLayer, LAYOUT_DPI } from './text-layer.js';
import { judgeTextLayer, type TextLayerQuality } from './text-quality.js';

export interface PdfPageText {
  page: PDFPageProxy;
  lines: TextLine[];
  quality: TextLayerQuality;
  content: PageContent;
  /** Page size in pixels at LAYOUT_DPI. */
  width: number;
  height: number;
}

/** Opens one page and reads its text layer, fonts and images (bounded by `timeoutMs`). */
export async function readPdfPage(
  document: PDFDocumentProxy,
  pageNumber: number,
  options: { timeoutMs?: number; path?: string } = {},
): Promise<PdfPageText> {
  const work = async (): Promise<PdfPageText> => {
    const page = await document.getPage(pageNumber);
    const content = await analysePageContent(page);
    const lines = await extractTextLayer(page);
    const quality = judgeTextLayer(lines.map((line) => line.text).join('\n'), content.fonts);
    const viewport = page.getViewport({ scale: LAYOUT_DPI / 72 });
    return {
      page,
      lines,
      quality,
      content,
      width: Math.round(viewport.width),
      height: Math.round(viewport.height),
    };
  };
  try {
    return await withTimeout(work(), options.timeoutMs ?? 60_000, `reading page ${pageNumber}`);
  } catch (error) {
    if (error instanceof VnplanError) throw options.path ? error.withPath(options.path) : error;
    const detail = error instanceof Error ? error.message : String(error);
    throw new VnplanError(
      'VNPLAN_E_PDF_CORRUPT',
      { detail: `page ${pageNumber}: ${detail}` },
      { path: options.path, cause: error },
    );
  }
}
