import type { BBox } from '../findings.js';
import type { TextLine, TextWord } from '../document-text.js';

/** A physical line as an engine reports it: words left to right on one baseline, possibly spanning columns. */
export interface RawLine {
  words: TextWord[];
}

/** Tuning of the reading-order analysis, in multiples of the line's height or the text width. */
export interface ReadingOrderOptions {
  /**
   * A horizontal gap wider than this many line heights splits a physical line into two segments
   * (e.g. "Số: 12/KH-UBND" and "Hà Nội, ngày …" printed on one baseline).
   * @defaultValue 1.6
   */
  columnGap: number;
  /**
   * A segment whose centre lies within this share of the text width from the middle counts as centred
   * (titles), and ends a two-column region.
   * @defaultValue 0.08
   */
  centreBand: number;
  /**
   * Segments read with a lower mean confidence are dropped as marks, not text (stamps, signatures,
   * handwriting). Text layers have confidence 100 and are never dropped.
   * @defaultValue 45
   */
  minConfidence: number;
}

export const DEFAULT_READING_ORDER: Readonly<ReadingOrderOptions> = Object.freeze({
  columnGap: 1.6,
  centreBand: 0.08,
  minConfidence: 45,
});

type Side = 'left' | 'right' | 'full';

interface Segment {
  words: TextWord[];
  bbox: BBox;
  side: Side;
}

function unionBox(boxes: BBox[]): BBox {
  return {
    x0: Math.min(...boxes.map((b) => b.x0)),
    y0: Math.min(...boxes.map((b) => b.y0)),
    x1: Math.max(...boxes.map((b) => b.x1)),
    y1: Math.max(...boxes.map((b) => b.y1)),
  };
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Rules, dashes and speckles read as punctuation-only words carry no text. */
function isReadable(word: TextWord): boolean {
  return /[\p{L}\d]/u.test(word.text) || word.confidence >= 50;
}

/**
 * Whether a segment is text rather than the marks of a stamp, signature or rule: it has letters or
 * digits, and the engine was reasonably sure of it.
 */
function isText(words: TextWord[], minConfidence: number): boolean {
  const text = words.map((w) => w.text).join(' ');
  if (!/[\p{L}\d]/u.test(text)) return false;
  const confidence =
    words.reduce((sum, w) => sum + w.confidence * w.text.length, 0) / Math.max(1, text.length);
  if (confidence < minConfidence) return false;
  return text.length > 2 || confidence >= 60;
}

/**
 * Splits a physical line into segments. A wide gap first cuts it into pieces, and pieces that are not
 * text (stamp marks, a received-date box beside a title) are dropped. The remaining pieces stay apart
 * only where the gap lies about the middle of the text — the gutter between two columns ("Số: 12/KH-UBND"
 * … "Hà Nội, ngày …"); elsewhere a gap is a blank left for a hand-written day or number
 * ("ngày      tháng     năm 2026") and the pieces join again.
 */
function segmentsOf(
  line: RawLine,
  settings: ReadingOrderOptions,
  middle: number,
  width: number,
): TextWord[][] {
  const words = [...line.words].filter((w) => w.text.trim() !== '').sort((a, b) => a.bbox.x0 - b.bbox.x0);
  if (words.length === 0) return [];
  const height = median(words.map((w) => w.bbox.y1 - w.bbox.y0));
  const pieces: TextWord[][] = [[words[0]!]];
  for (let i = 1; i < words.length; i++) {
    if (words[i]!.bbox.x0 - words[i - 1]!.bbox.x1 > settings.columnGap * height) pieces.push([words[i]!]);
    else pieces.at(-1)!.push(words[i]!);
  }
  const segments: TextWord[][] = [];
  for (const piece of pieces.filter((p) => isText(p, settings.minConfidence))) {
    const previous = segments.at(-1);
    const before = previous?.at(-1)?.bbox;
    const after = piece[0]!.bbox;
    const gutter =
      before !== undefined && before.x1 < middle + 0.05 * width && after.x0 > middle - 0.2 * width;
    if (previous && !gutter) previous.push(...piece);
    else segments.push(piece);
  }
  return segments;
}

/** Rows: segments whose vertical extents overlap by at least half the smaller one's height. */
function groupRows(segments: Segment[]): Segment[][] {
  const sorted = [...segments].sort((a, b) => a.bbox.y0 + a.bbox.y1 - (b.bbox.y0 + b.bbox.y1));
  const rows: { box: BBox; members: Segment[] }[] = [];
  for (const segment of sorted) {
    const row = rows.at(-1);
    if (row) {
      const overlap = Math.min(row.box.y1, segment.bbox.y1) - Math.max(row.box.y0, segment.bbox.y0);
      const smaller = Math.min(row.box.y1 - row.box.y0, segment.bbox.y1 - segment.bbox.y0);
      if (overlap > 0.5 * smaller) {
        row.members.push(segment);
        row.box = unionBox([row.box, segment.bbox]);
        continue;
      }
    }
    rows.push({ box: segment.bbox, members: [segment] });
  }
  return rows.map((row) => row.members.sort((a, b) => a.bbox.x0 - b.bbox.x0));
}

/** "Số:" as OCR often reads it ("Sô:", "Sá:", "S6:"): it starts the document-number row. */
const DOCUMENT_NUMBER = /^S[\p{L}\d]?\s*[:;.]/u;

/**
 * Puts the lines of a page into reading order: single-column text top to bottom, and where two columns
 * sit side by side (the header's agency block and motto, "Số: …" beside "place, ngày …", the closing's
 * "Nơi nhận:" beside the signature) the whole left column first, then the right one, as separate blocks.
 */
export function orderLines(lines: RawLine[], options: Partial<ReadingOrderOptions> = {}): TextLine[] {
  const settings = { ...DEFAULT_READING_ORDER, ...options };
  const { centreBand } = settings;
  const readable = lines
    .map((line) => ({ words: line.words.filter(isReadable) }))
    .filter((line) => line.words.some((w) => /[\p{L}\d]/u.test(w.text)));
  const allWords = readable.flatMap((line) => line.words);
  if (allWords.length === 0) return [];
  // The text's extent, from words read with fair confidence so stray marks at the margins do not skew it.
  const sure = allWords.filter((w) => w.confidence >= 60);
  const extent = unionBox((sure.length > 0 ? sure : allWords).map((w) => w.bbox));
  const width = Math.max(1, extent.x1 - extent.x0);
  const middle = (extent.x0 + extent.x1) / 2;
  const pieces = readable.flatMap((line) => segmentsOf(line, settings, middle, width));
  if (pieces.length === 0) return [];
  const boxes = pieces.map((words) => unionBox(words.map((w) => w.bbox)));
  const segments: Segment[] = pieces.map((words, index) => {
    const bbox = boxes[index]!;
    const centre = (bbox.x0 + bbox.x1) / 2;
    let side: Side = 'full';
    if (centre < middle - centreBand * width && bbox.x1 < middle + 0.2 * width) side = 'left';
    else if (centre > middle + centreBand * width && bbox.x0 > middle - 0.2 * width) side = 'right';
    return { words, bbox, side };
  });

  const rows = groupRows(segments);
  const rowHeight = median(rows.map((row) => unionBox(row.map((s) => s.bbox))).map((b) => b.y1 - b.y0));
  const regions: Segment[][][] = [];
  let current: Segment[][] = [];
  let previousBottom = -Infinity;
  for (const row of rows) {
    const box = unionBox(row.map((s) => s.bbox));
    const spansMiddle = row.some((s) => s.side === 'full');
    const startsNumber = row[0]?.side === 'left' && DOCUMENT_NUMBER.test(row[0].words[0]?.text ?? '');
    const bigGap = box.y0 - previousBottom > 1.5 * rowHeight;
    const currentSpans = current.some((r) => r.some((s) => s.side === 'full'));
    if (current.length > 0 && (spansMiddle !== currentSpans || (!spansMiddle && (startsNumber || bigGap)))) {
      regions.push(current);
      current = [];
    }
    current.push(row);
    previousBottom = box.y1;
  }
  if (current.length > 0) regions.push(current);

  const output: TextLine[] = [];
  let block = 0;
  for (const region of regions) {
    const all = region.flat();
    const twoColumns = all.some((s) => s.side === 'left') && all.some((s) => s.side === 'right');
    const columns = twoColumns
      ? [all.filter((s) => s.side !== 'right'), all.filter((s) => s.side === 'right')]
      : [region.flatMap((row) => row)];
    for (const column of columns) {
      for (const segment of column) output.push(toTextLine(segment, block));
      block++;
    }
  }
  return output;
}

function toTextLine(segment: Segment, block: number): TextLine {
  const confidences = segment.words.map((w) => w.confidence);
  return {
    text: segment.words.map((w) => w.text).join(' '),
    block,
    bbox: segment.bbox,
    confidence: confidences.reduce((a, b) => a + b, 0) / Math.max(1, confidences.length),
    words: segment.words,
  };
}
