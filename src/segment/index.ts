import type { DocumentText } from '../document-text.js';
import type { Section } from '../record/index.js';
import { analyseLayout } from './layout.js';
import { layoutToSections } from './to-sections.js';

/** The document tree with page/line spans: header, title, basis, numbered body, closing, lists, signature. */
export function segmentDocument(text: DocumentText): Section[] {
  return layoutToSections(analyseLayout(text));
}

export {
  analyseLayout,
  buildTree,
  joinClauses,
  type Block,
  type Clause,
  type DocumentLayout,
  type RecipientList,
} from './layout.js';
export { logicalLines, type LogicalLine } from './logical-lines.js';
export { parseMarker, romanToNumber, MARKER_RANK, type Marker, type MarkerKind } from './markers.js';
export { layoutToSections } from './to-sections.js';
export { cleanLine, fold, isUpperLine, trimPunctuation, vietnameseNumberWords } from './text-tools.js';
export * from './dictionaries.js';
export {
  headingAfterJunk,
  isNoiseLine,
  repairOcrNumerals,
  restoreAgencyLine,
  stampLineIndexes,
} from './ocr-noise.js';
export { isArchiveItem, SUBJECT_MARK } from './patterns.js';
