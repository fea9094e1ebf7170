export { openPdf, loadPdfJs, type OpenPdfOptions, type PDFDocumentProxy } from './load.js';
export { analysePageContent, type PageContent } from './page-content.js';
export { pageBitmap, type PageBitmap, type PageImageOptions } from './page-image.js';
export { extractTextLayer, LAYOUT_DPI } from './text-layer.js';
export {
  judgeTextLayer,
  looksLegacyEncoded,
  isLegacyFontName,
  type TextLayerQuality,
  type TextLayerVerdict,
} from './text-quality.js';
export { readPdfPage, type PdfPageText } from './pdf-page.js';
export { checkPdfStreams, type StreamLimits } from './stream-check.js';
export {
  IsolatedPdf,
  PdfReaderSupervisor,
  pdfReaders,
  DEFAULT_MAX_MEMORY_MIB,
  type IsolatedOpenOptions,
} from './reader-supervisor.js';
export type { IsolatedPageText } from './reader-messages.js';
