import type { DocumentText } from '../document-text.js';
import type { PlanRecord, RestorationEdit } from '../record/index.js';
import { VnplanError } from '../errors/index.js';
import { documentTextFromString, readTextFile } from '../text-input/index.js';
import { extractRecord } from './extract-record.js';

/** A document's text ready for segmentation, with what repair did to it. */
export interface LoadedText {
  id: string;
  kind: 'pdf' | 'image' | 'text';
  text: DocumentText;
  edits: RestorationEdit[];
  encoding: string | null;
}

/**
 * THE place where the repair stage plugs in: legacy-encoding decoding, NFC and diacritics restoration
 * (`repairDocument` in src/vietnamese, being written in parallel). Until it lands, text passes unchanged.
 */
function repair(text: DocumentText): {
  text: DocumentText;
  edits: RestorationEdit[];
  encoding: string | null;
} {
  return { text, edits: [], encoding: null };
}

/**
 * Reads a file's text: today UTF-8 text files. PDF and image input (text layer or OCR) plug in here as one
 * more branch returning DocumentText, so `vnplan extract` and the pipeline call just this function.
 */
export async function loadDocumentText(path: string): Promise<LoadedText> {
  const file = await readTextFile(path);
  const head = file.bytes.subarray(0, 8);
  const isPdf = head[0] === 0x25 && head[1] === 0x50 && head[2] === 0x44 && head[3] === 0x46;
  const isImage =
    (head[0] === 0x89 && head[1] === 0x50) ||
    (head[0] === 0xff && head[1] === 0xd8) ||
    (head[0] === 0x49 && head[1] === 0x49) ||
    (head[0] === 0x4d && head[1] === 0x4d);
  if (isPdf || isImage) {
    throw new VnplanError('VNPLAN_E_NEEDS_OCR', { kind: isPdf ? 'PDF' : 'image' }, { path });
  }
  if (file.utf8 === null) {
    throw new VnplanError(
      'VNPLAN_E_TEXT_UNDECODABLE',
      { detail: 'not UTF-8; legacy encodings need the repair stage' },
      { path },
    );
  }
  if (file.bytes.includes(0)) {
    throw new VnplanError('VNPLAN_E_UNSUPPORTED_TYPE', { detail: 'binary data (NUL bytes)' }, { path });
  }
  const repaired = repair(documentTextFromString(file.utf8));
  return { id: file.id, kind: 'text', ...repaired };
}

/** Loads a file and extracts its PlanRecord. */
export async function extractFile(path: string): Promise<PlanRecord> {
  const loaded = await loadDocumentText(path);
  return extractRecord({
    id: loaded.id,
    source: { path, kind: loaded.kind, pages: loaded.text.pages.length },
    text: loaded.text,
    edits: loaded.edits,
    encoding: loaded.encoding,
  });
}
