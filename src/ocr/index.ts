export { OcrPool, type OcrPoolOptions, type RecognitionRequest } from './pool.js';
export {
  preprocessPage,
  DEFAULT_PREPROCESS,
  type PreprocessOptions,
  type PreparedPage,
} from './preprocess.js';
export { measureSkew } from './skew.js';
export { detectOrientation, detectRotation, type Orientation, type Rotation } from './orientation.js';
export { ocrBitmap, type OcrPageOptions } from './recognise-page.js';
export { rawLinesOf } from './tesseract-lines.js';
export { imagePageBitmap } from './image-page.js';
export { readDocumentText, readPage, type ReadTextOptions } from './read-document.js';
export { pageText, documentPlainText } from './plain-text.js';
