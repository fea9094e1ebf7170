import type { DocumentText, TextLine } from '../document-text.js';
import type { RestorationEdit } from '../record/restoration-edit.js';
import { convertText, detectEncoding } from './encodings/detect.js';
import { decodeAs } from './encodings/convert.js';
import { encodingFromFontName } from './encodings/detect.js';
import { sharedRestorer } from './load.js';
import {
  judgeDamage,
  judgeOcrDamage,
  type LineMode,
  type SuspectSpans,
  type Restorer,
  type RestoreOptions,
  type WordEdit,
} from './restorer.js';

/** Options of `restoreText` and `repairDocument`. */
export interface RepairOptions extends RestoreOptions {
  /** PDF font of the text, subset prefix allowed ("ABCDEF+.VnTime"): a hint for the legacy encoding. */
  fontName?: string;
  /** Convert legacy encodings before restoring. @defaultValue true */
  convertEncodings?: boolean;
  /** Folder of a local overlay model made by `vnplan learn` (used when it exists). */
  overlayDir?: string;
  /** A restorer to use instead of the shared one (tests, benchmarks). */
  restorer?: Restorer;
  /**
   * On OCR pages read by an engine that knows Vietnamese, words whose OCR confidence (0–100) is under
   * this are re-decoded with the language model (same letters, other marks); others are kept.
   * @defaultValue 100 (every word but those the engine was certain of)
   */
  ocrLowConfidence?: number;
  /**
   * Words read with a confidence under this may have wrong letters, not only wrong marks: they also get
   * the readings one letter away ("viện" → "việc"). @defaultValue 50
   */
  ocrLetterDoubt?: number;
}

export type TextEdit = Omit<RestorationEdit, 'page'> & { page?: number };

const DEFAULT_LOW_CONFIDENCE = 0.6;
/**
 * Every word of an OCR page is reconsidered (the engine's own reading still scored ahead): tesseract's vie
 * model drops tone marks over ô/ê/ă with high confidence ("Tô quốc", "Thành phô", 93–96), and re-decoding
 * confident words measured better on a held-out scan set as well as on realscans (docs/vietnamese.md).
 */
const DEFAULT_OCR_LOW_CONFIDENCE = 100;
/** Tesseract's confidence band where it is guessing at the letters (its "sure" band starts at 90). */
const DEFAULT_OCR_LETTER_DOUBT = 50;

/**
 * Spans of the words of an OCR line whose confidence is under `threshold` (words found in order), marked
 * `letters` under `letterThreshold`.
 */
export function doubtedSpans(line: TextLine, threshold: number, letterThreshold = 0): SuspectSpans {
  const spans: { start: number; end: number; letters?: boolean }[] = [];
  let from = 0;
  for (const word of line.words ?? []) {
    const text = word.text.normalize('NFC');
    const at = text ? line.text.indexOf(text, from) : -1;
    if (at < 0) continue;
    from = at + text.length;
    if (word.confidence < letterThreshold) spans.push({ start: at, end: from, letters: true });
    else if (word.confidence < threshold) spans.push({ start: at, end: from });
  }
  return spans;
}

/** Word-level edits for a line the encoding conversion changed. */
function encodingEdits(before: string, after: string, line: number): WordEdit[] {
  if (before === after) return [];
  const a = [...before.matchAll(/\S+/gu)];
  const b = [...after.matchAll(/\S+/gu)];
  if (a.length !== b.length) {
    return [
      {
        line,
        column: 1,
        original: before,
        restored: after,
        confidence: 1,
        alternatives: [],
        reason: 'normalisation',
      },
    ];
  }
  const out: WordEdit[] = [];
  a.forEach((m, i) => {
    if (m[0] !== b[i]![0]) {
      out.push({
        line,
        column: m.index + 1,
        original: m[0],
        restored: b[i]![0],
        confidence: 1,
        alternatives: [],
        reason: 'normalisation',
      });
    }
  });
  return out;
}

function toEdit(edit: WordEdit, threshold: number, reason?: RestorationEdit['reason']): TextEdit {
  return { ...edit, reason: reason ?? edit.reason, lowConfidence: edit.confidence < threshold };
}

/**
 * Repairs Vietnamese text: converts a legacy encoding to NFC Unicode, then restores stripped or
 * OCR-garbled diacritics. Line N of the output is line N of the input.
 */
export function restoreText(
  text: string,
  options: RepairOptions = {},
): { text: string; edits: TextEdit[]; encoding: string | null } {
  const threshold = options.lowConfidenceThreshold ?? DEFAULT_LOW_CONFIDENCE;
  const restorer = options.restorer ?? sharedRestorer(options.overlayDir);
  const original = text.split('\n');
  const converted =
    options.convertEncodings === false
      ? { encoding: null, text: text.normalize('NFC') }
      : convertText(text, options.fontName);
  const lines = converted.text.split('\n');
  const edits: TextEdit[] = [];
  if (converted.encoding) {
    lines.forEach((line, i) => {
      for (const e of encodingEdits(original[i] ?? '', line, i + 1))
        edits.push(toEdit(e, threshold, 'encoding'));
    });
  }
  const restored = restorer.restoreLines(lines, options);
  for (const e of restored.edits) edits.push(toEdit(e, threshold));
  return { text: restored.lines.join('\n'), edits, encoding: converted.encoding };
}

/**
 * Repairs a document page by page and line by line (same pages, same lines): the encoding is detected
 * per font (a line's `fontName` is the hint), diacritics are restored over the whole text in reading order.
 */
export function repairDocument(
  doc: DocumentText,
  options: RepairOptions = {},
): { text: DocumentText; edits: RestorationEdit[]; encoding: string | null } {
  const threshold = options.lowConfidenceThreshold ?? DEFAULT_LOW_CONFIDENCE;
  const restorer = options.restorer ?? sharedRestorer(options.overlayDir);
  const places: { page: number; pageIndex: number; lineIndex: number }[] = [];
  const texts: string[] = [];
  const fonts: (string | undefined)[] = [];
  doc.pages.forEach((page, pageIndex) =>
    page.lines.forEach((line, lineIndex) => {
      places.push({ page: page.page, pageIndex, lineIndex });
      texts.push(line.text);
      fonts.push(line.fontName ?? options.fontName);
    }),
  );

  // Encoding: one detection per font over all its lines, then each line converted if it reads better.
  const edits: RestorationEdit[] = [];
  const converted = [...texts];
  const found = new Map<string, number>();
  if (options.convertEncodings !== false) {
    const byFont = new Map<string, number[]>();
    fonts.forEach((f, i) => byFont.set(f ?? '', [...(byFont.get(f ?? '') ?? []), i]));
    for (const [font, indexes] of byFont) {
      const joined = indexes.map((i) => texts[i]!).join('\n');
      const detection = detectEncoding(joined, font || undefined);
      if (!detection.encoding) {
        for (const i of indexes) converted[i] = texts[i]!.normalize('NFC');
        continue;
      }
      found.set(detection.encoding, (found.get(detection.encoding) ?? 0) + indexes.length);
      const hint = encodingFromFontName(font || undefined);
      const capitals = hint?.encoding === detection.encoding && hint.capitals;
      for (const i of indexes) {
        const line =
          detection.encoding === 'unicode-decomposed'
            ? convertText(texts[i]!).text
            : decodeAs(texts[i]!, detection.encoding, capitals);
        converted[i] = line;
        for (const e of encodingEdits(texts[i]!, line, places[i]!.lineIndex + 1)) {
          edits.push({ ...toEdit(e, threshold, 'encoding'), page: places[i]!.page } as RestorationEdit);
        }
      }
    }
  }

  // Damage is judged page by page: a document can mix a good text layer with stripped or OCR'd pages.
  // OCR pages from an engine that knows Vietnamese keep their words but the doubted and impossible ones.
  const pageModes = new Map<number, LineMode>();
  doc.pages.forEach((page, pageIndex) => {
    const lines = converted.filter((_, i) => places[i]!.pageIndex === pageIndex);
    pageModes.set(pageIndex, page.source === 'ocr' ? judgeOcrDamage(lines) : judgeDamage(lines));
  });
  const ocrThreshold = options.ocrLowConfidence ?? DEFAULT_OCR_LOW_CONFIDENCE;
  const suspects = places.map((p, i) => {
    if (pageModes.get(p.pageIndex) !== 'ocr') return undefined;
    const line = doc.pages[p.pageIndex]!.lines[p.lineIndex]!;
    // Spans refer to the line as OCR wrote it; a converted line no longer matches them.
    return converted[i] === line.text.normalize('NFC')
      ? doubtedSpans(
          { ...line, text: converted[i] },
          ocrThreshold,
          options.ocrLetterDoubt ?? DEFAULT_OCR_LETTER_DOUBT,
        )
      : undefined;
  });
  const restored = restorer.restoreLines(
    converted,
    options,
    places.map((p) => pageModes.get(p.pageIndex)!),
    suspects,
  );
  for (const e of restored.edits) {
    const place = places[e.line - 1]!;
    edits.push({ ...toEdit(e, threshold), page: place.page, line: place.lineIndex + 1 } as RestorationEdit);
  }
  let k = 0;
  const text: DocumentText = {
    pages: doc.pages.map((page) => ({
      ...page,
      lines: page.lines.map((line) => ({ ...line, text: restored.lines[k++]! })),
    })),
  };
  const encoding = [...found].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  return { text, edits, encoding };
}
