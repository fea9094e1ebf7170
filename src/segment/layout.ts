import type { SectionKind } from '../record/index.js';
import { logicalLines, type LogicalLine } from './logical-lines.js';
import { MARKER_RANK, parseMarker, type Marker } from './markers.js';
import {
  ADDRESSEE_HEADING,
  APPENDIX,
  BASIS_START,
  CLOSING,
  DELEGATION,
  ENACTING,
  FOOTNOTE,
  MOTTO,
  NUMBER_LINE,
  PLACE_DATE,
  isNumberLine,
  isArchiveItem,
  isPositionLine,
  RECIPIENTS_HEADING,
  SUBJECT_LINE,
  endsClause,
  isPersonName,
  typeHeading,
} from './patterns.js';
import { headingAfterJunk, isNoiseLine, restoreAgencyLine } from './ocr-noise.js';
import { fold, isUpperLine } from './text-tools.js';
import type { DocumentText } from '../document-text.js';

/** A paragraph: printed lines joined where a sentence wraps. */
export interface Clause {
  text: string;
  lines: LogicalLine[];
}

/** A node of the body's numbered hierarchy, with the paragraphs that belong to it directly. */
export interface Block {
  kind: SectionKind;
  marker: Marker | null;
  label: string | null;
  heading: string | null;
  rank: number;
  lines: LogicalLine[];
  paragraphs: Clause[];
  children: Block[];
}

export interface RecipientList {
  kind: 'recipients' | 'addressees';
  heading: LogicalLine;
  items: Clause[];
}

/** Everything segmentation found, richer than the Section tree the record carries. */
export interface DocumentLayout {
  lines: LogicalLine[];
  issuer: LogicalLine[];
  motto: LogicalLine[];
  number: LogicalLine | null;
  placeDate: LogicalLine | null;
  type: LogicalLine | null;
  typeName: string | null;
  title: LogicalLine[];
  /** True when the title came from a "V/v …" line (công văn). */
  titleIsSubject: boolean;
  authority: LogicalLine[];
  basis: Clause[];
  preamble: Clause[];
  body: Block[];
  closing: Clause | null;
  recipientLists: RecipientList[];
  signature: LogicalLine[];
  signerName: LogicalLine | null;
  footnotes: LogicalLine[];
  appendices: Block[];
  other: LogicalLine[];
}

/** A symbol broken at a hyphen at the line end: "4017/TTr-", and the party form "57-" (/ "NQ/TW"). */
const brokenSymbol = /\d\/[\p{L}\d/]*-$|(?<![\d/.-])\d{1,4}-$/u;

/** `startsClause`: lines that always begin a new clause (in the basis, each "Căn cứ …"). */
export function joinClauses(
  lines: LogicalLine[],
  startsClause: (line: LogicalLine) => boolean = () => false,
): Clause[] {
  const clauses: Clause[] = [];
  for (const line of lines) {
    const last = clauses[clauses.length - 1];
    const previous = last?.lines[last.lines.length - 1];
    if (
      last &&
      !startsClause(line) &&
      previous &&
      previous.page <= line.page &&
      (line.line === previous.line + 1 || (line.page === previous.page + 1 && line.line <= 3)) &&
      !endsClause(previous.text) &&
      (!/^\p{Lu}{2,}/u.test(line.text) ||
        brokenSymbol.test(previous.text) ||
        // A heading in capitals wrapped over lines ("… THÔNG TƯ SỐ 79/2024/TT-BCA" / "NGÀY 15 THÁNG 11 …").
        (isUpperLine(previous.text) && isUpperLine(line.text))) &&
      !parseMarker(line.text)
    ) {
      // A symbol broken at its hyphen ("Tờ trình số 4017/TTr-" / "BNNMT ngày …") is joined without a space.
      last.text = brokenSymbol.test(previous.text) ? `${last.text}${line.text}` : `${last.text} ${line.text}`;
      last.lines.push(line);
    } else {
      clauses.push({ text: line.text, lines: [line] });
    }
  }
  return clauses;
}

/**
 * An agency line printed below the whole motto ("Độc lập - Tự do - Hạnh phúc") once the issuer is known
 * is an arrival stamp ("VĂN PHÒNG CHÍNH PHỦ / ĐẾN"), not the issuer: the issuer prints beside or above
 * the motto. (An issuer line on the printed line right after the last one, or read between the two
 * motto lines, is still taken.)
 */
function belowMotto(layout: DocumentLayout, line: LogicalLine): boolean {
  const last = layout.issuer[layout.issuer.length - 1];
  return (
    last !== undefined &&
    line.column === undefined &&
    (line.page !== last.page || line.line > last.line + 1) &&
    layout.motto.some((motto) => /^(doc\s*lap|d[eéo]c\s*1ap)/.test(fold(motto.text)))
  );
}

/**
 * A short one-line title ("Về việc treo cờ Tổ quốc") followed directly by a full-width line is followed by
 * the body, not by more title: titles are centred lines of similar length.
 */
function startsBodyAfterShortTitle(title: LogicalLine[], line: LogicalLine): boolean {
  if (title.length !== 1) return false;
  const first = title[0]!.text;
  return (
    first.split(' ').length >= 3 &&
    !isUpperLine(first) &&
    !isUpperLine(line.text) &&
    first.length < 45 &&
    line.text.length >= 60 &&
    line.text.length >= 1.8 * first.length
  );
}

function isSignatureStart(text: string): boolean {
  return DELEGATION.test(text) || (isUpperLine(text) && isPositionLine(text) && text.length < 60);
}

function isHeaderIssuerLine(text: string): boolean {
  return isUpperLine(text) && !MOTTO.test(fold(text)) && !typeHeading(text) && text.length <= 80;
}

/** Splits a document into its layout parts; never throws, whatever the text. */
export function analyseLayout(text: DocumentText): DocumentLayout {
  const lines = logicalLines(text);
  const layout: DocumentLayout = {
    lines,
    issuer: [],
    motto: [],
    number: null,
    placeDate: null,
    type: null,
    typeName: null,
    title: [],
    titleIsSubject: false,
    authority: [],
    basis: [],
    preamble: [],
    body: [],
    closing: null,
    recipientLists: [],
    signature: [],
    signerName: null,
    footnotes: [],
    appendices: [],
    other: [],
  };

  let index = 0;
  const headerLimit = Math.min(lines.length, 40);
  // 1. Header: issuer, motto, number, place/date, subject (V/v), up to the type heading.
  for (; index < headerLimit; index++) {
    const line = lines[index]!;
    const folded = fold(line.text);
    const junkHeading = headingAfterJunk(
      line.text,
      (rest) => typeHeading(rest) !== null && isUpperLine(rest) && !/:\s*$/.test(rest),
    );
    if (isNoiseLine(line.text)) {
      // Specks OCR reads as letters between header parts ("T", "M"): set aside, the header goes on.
      layout.other.push(line);
    } else if (junkHeading) {
      layout.type = { ...line, text: junkHeading };
      layout.typeName = typeHeading(junkHeading);
      index++;
      break;
    } else if (MOTTO.test(folded)) {
      layout.motto.push(line);
    } else if (!layout.number && isNumberLine(line.text) && line.text.length < 60) {
      layout.number = line;
    } else if (
      !layout.placeDate &&
      PLACE_DATE.test(line.text) &&
      /n[aă]m\b|\d{4}|\d{1,2}\/\d{1,2}/u.test(line.text)
    ) {
      layout.placeDate = line;
    } else if (
      (SUBJECT_LINE.test(line.text) || (layout.number !== null && /^Về\s+\p{Ll}/u.test(line.text))) &&
      layout.title.length === 0 &&
      !layout.type
    ) {
      layout.title.push(line);
      layout.titleIsSubject = true;
      // A subject wraps over the following lines until a blank line or the place/date.
      while (index + 1 < lines.length) {
        const next = lines[index + 1]!;
        const last = layout.title[layout.title.length - 1]!;
        if (next.line !== last.line + 1 || next.page !== last.page) break;
        if (PLACE_DATE.test(next.text) || MOTTO.test(fold(next.text)) || ADDRESSEE_HEADING.test(next.text))
          break;
        // Without the blank line (OCR drops it): the basis, the enacting formula, a numbered part or an
        // upper-case authority line ("THỦ TƯỚNG CHÍNH PHỦ") starts the body.
        if (BASIS_START.test(next.text) || ENACTING.test(next.text) || parseMarker(next.text)) break;
        if (isUpperLine(next.text) && !isUpperLine(last.text)) break;
        layout.title.push(next);
        index++;
      }
    } else if (typeHeading(line.text) && isUpperLine(line.text) && !/:\s*$/.test(line.text)) {
      layout.type = line;
      layout.typeName = typeHeading(line.text);
      index++;
      break;
    } else if (isHeaderIssuerLine(line.text) && layout.type === null && belowMotto(layout, line)) {
      layout.other.push(line);
    } else if (
      isHeaderIssuerLine(line.text) &&
      layout.type === null &&
      !layout.titleIsSubject &&
      (layout.number === null || line.column === 1)
    ) {
      // OCR specks after an agency name ("ỦY BAN NHÂN DÂN.", "BỘ CÔNG THƯƠNG...") are not part of it.
      layout.issuer.push({ ...line, text: restoreAgencyLine(line.text.replace(/[\s.,;:…]+$/u, '')) });
    } else if (
      layout.issuer.length === 0 &&
      !layout.number &&
      !layout.placeDate &&
      line.column === undefined &&
      !parseMarker(line.text) &&
      !BASIS_START.test(line.text) &&
      !ADDRESSEE_HEADING.test(line.text) &&
      index < 3 &&
      line.text.length < 80
    ) {
      layout.other.push(line);
    } else {
      break;
    }
  }
  if (!layout.type && !layout.titleIsSubject && layout.number && index < lines.length) {
    // The type heading lost under a stamp or speck: the trích yếu still stands between the number and
    // the basis (sentence-case lines, up to five, before "Căn cứ …").
    const title: LogicalLine[] = [];
    for (let at = index; at < Math.min(lines.length, index + 6); at++) {
      const line = lines[at]!;
      if (BASIS_START.test(line.text)) {
        if (title.length > 0) {
          layout.title = title;
          index = at;
        }
        break;
      }
      if (isUpperLine(line.text) || parseMarker(line.text) || ADDRESSEE_HEADING.test(line.text)) break;
      if (!/^\p{Lu}/u.test(line.text) && title.length === 0) break;
      title.push(line);
    }
  }
  if (!layout.type && !layout.titleIsSubject && layout.issuer.length === 0 && !layout.number) {
    // Nothing header-like at the top: start the body from the first line.
    layout.other = [];
    index = 0;
  }

  // 2. Title: the lines after the type heading, up to the basis, a blank line or an upper-case authority line.
  if (layout.type) {
    for (; index < lines.length; index++) {
      const line = lines[index]!;
      if (BASIS_START.test(line.text) || ENACTING.test(line.text) || parseMarker(line.text)) break;
      const last = layout.title[layout.title.length - 1];
      if (last) {
        const separated = line.page !== last.page || line.line > last.line + 1;
        const authority =
          (isUpperLine(line.text) && !isUpperLine(last.text)) ||
          (line.column === 2 && line.line === last.line);
        if (separated || authority || startsBodyAfterShortTitle(layout.title, line)) break;
      } else if (NUMBER_LINE.test(line.text) || PLACE_DATE.test(line.text)) {
        // Header parts printed after the heading (OCR reading order).
        if (NUMBER_LINE.test(line.text) && !layout.number) layout.number = line;
        else if (!layout.placeDate) layout.placeDate = line;
        continue;
      }
      layout.title.push(line);
    }
  }

  // Addressees ("Kính gửi: …") of a công văn.
  index = readAddressees(lines, index, layout);

  // 3. Authority line ("THỦ TƯỚNG CHÍNH PHỦ") and the basis clauses.
  while (
    index < lines.length &&
    isUpperLine(lines[index]!.text) &&
    !ENACTING.test(lines[index]!.text) &&
    !parseMarker(lines[index]!.text) &&
    lines[index]!.text.length < 90
  ) {
    layout.authority.push(lines[index]!);
    index++;
  }
  const basisLines: LogicalLine[] = [];
  for (; index < lines.length; index++) {
    const line = lines[index]!;
    const previous = basisLines[basisLines.length - 1];
    const continues =
      previous && !endsClause(previous.text) && !parseMarker(line.text) && !ENACTING.test(line.text);
    // OCR may read a wrapped basis line out of order ("Căn cứ Luật … văn" / "sửa đổi …;" / "quy phạm …"):
    // a line between basis clauses, with another "Căn cứ …" right after it, is still the basis.
    const next = lines[index + 1];
    const between =
      previous !== undefined &&
      next !== undefined &&
      BASIS_START.test(next.text) &&
      !parseMarker(line.text) &&
      !ENACTING.test(line.text) &&
      !isUpperLine(line.text);
    if (BASIS_START.test(line.text) || continues || between) basisLines.push(line);
    else break;
  }
  layout.basis = joinClauses(basisLines, (line) => /^\p{Lu}/u.test(line.text) && BASIS_START.test(line.text));
  // A basis clause that ends in "… như sau:" is the preamble sentence, not a basis.
  index = readPreamble(lines, index, layout);

  // 4. Body up to the closing, the recipients or the signature; 5. the tail.
  const bodyLines: LogicalLine[] = [];
  for (; index < lines.length; index++) {
    const line = lines[index]!;
    if (CLOSING.test(line.text) || RECIPIENTS_HEADING.test(line.text)) break;
    if (DELEGATION.test(line.text) && isUpperLine(line.text)) break;
    if (
      isSignatureStart(line.text) &&
      bodyLines.length > 0 &&
      /\.\/\.?$|\/\.$/.test(bodyLines[bodyLines.length - 1]!.text)
    )
      break;
    if (APPENDIX.test(line.text) && bodyLines.length > 0 && isUpperLine(line.text.slice(0, 7))) break;
    bodyLines.push(line);
  }
  layout.body = buildTree(bodyLines);
  readTail(lines, index, layout);
  return layout;
}

function readAddressees(lines: LogicalLine[], start: number, layout: DocumentLayout): number {
  let index = start;
  // The place/date may sit between the subject and the addressees.
  while (index < lines.length && !layout.placeDate && PLACE_DATE.test(lines[index]!.text) && index < 40) {
    layout.placeDate = lines[index]!;
    index++;
  }
  const line = lines[index];
  if (!line) return index;
  const heading = ADDRESSEE_HEADING.exec(line.text);
  if (!heading) return index;
  const list: RecipientList = { kind: 'addressees', heading: line, items: [] };
  const itemLines: LogicalLine[] = [];
  for (const item of inlineItems(heading[1]!)) itemLines.push({ ...line, text: item });
  index++;
  for (; index < lines.length; index++) {
    const next = lines[index]!;
    if (!layout.placeDate && index < 40 && PLACE_DATE.test(next.text) && /n[aă]m\b|\d{4}/u.test(next.text)) {
      // OCR reads the right column's place/date after the left column's "Kính gửi:".
      layout.placeDate = next;
      continue;
    }
    const previous = itemLines[itemLines.length - 1];
    const isItem = /^[-–+•]/.test(next.text);
    const continues =
      previous &&
      !endsClause(previous.text) &&
      next.line === previous.line + 1 &&
      !BASIS_START.test(next.text);
    if (isItem || continues) itemLines.push(next);
    else break;
  }
  list.items = joinItems(itemLines);
  layout.recipientLists.push(list);
  return index;
}

function readPreamble(lines: LogicalLine[], start: number, layout: DocumentLayout): number {
  let index = start;
  // Basis clauses that are really the enacting sentence ("…, Sở Y tế ban hành Kế hoạch … như sau:") stay
  // basis (they cite documents) but the sentence is also the preamble.
  for (; index < lines.length; index++) {
    const line = lines[index]!;
    if (ENACTING.test(line.text)) {
      layout.preamble.push({ text: line.text, lines: [line] });
      continue;
    }
    if (parseMarker(line.text) || CLOSING.test(line.text) || RECIPIENTS_HEADING.test(line.text)) break;
    const issuing = /\b(ban hành|xây dựng|triển khai)(?![\p{L}]).*(như sau|sau đây)\s*:?\s*$/u.test(
      line.text,
    );
    const authority = /^Trên cơ sở/u.test(line.text);
    if (issuing || authority) {
      layout.preamble.push({ text: line.text, lines: [line] });
      continue;
    }
    break;
  }
  return index;
}

/** "Nơi nhận: - Như trên; - Bộ Y tế (b/c); - Lưu: VT." printed on one line → one item each. */
function inlineItems(text: string): string[] {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  return trimmed
    .split(/(?<=[;.])\s*(?=[-–+•]\s)|^(?=[-–+•]\s)/u)
    .map((item) => item.trim())
    .filter(Boolean);
}

/** "KT. BỘ TRƯỞNG, CHỦ NHIỆM PHÓ CHỦ NHIỆM Nguyễn Khắc Định" on one line → position lines and the name. */
function splitSignatureLine(text: string): { positions: string[]; name: string | null } {
  const match = /^(.*?)\s+((?:\p{Lu}\p{Ll}+\s+){1,5}\p{Lu}\p{Ll}+)$/u.exec(text);
  const upper = match && isUpperLine(match[1]!) ? match[1]! : text;
  const positions = upper.split(/\s+(?=(?:KT|TM|TL|TUQ)\.\s|PHÓ\s|THỨ TRƯỞNG)/u).map((part) => part.trim());
  return { positions, name: match && upper === match[1] ? match[2]! : null };
}

/**
 * In a list of dash items, a line without a dash printed right under an item is more of it, even after
 * a ";" inside the item ("- VP UBTP: CVP, …, KT;" / "Trung tâm TT, DL vs CNS TP;"); a name or an
 * upper-case line there is the signature column, not the item.
 */
function continuesDashItem(previous: LogicalLine, line: LogicalLine): boolean {
  return (
    /;$/u.test(previous.text) &&
    line.page === previous.page &&
    line.line === previous.line + 1 &&
    /^\p{Lu}\p{Ll}/u.test(line.text) &&
    !isPersonName(line.text) &&
    !isUpperLine(line.text) &&
    !isSignatureStart(line.text) &&
    !isArchiveItem(line.text)
  );
}

function joinItems(lines: LogicalLine[]): Clause[] {
  const items: Clause[] = [];
  const dashed = /^[-–+•]/u.test(lines[0]?.text ?? '');
  for (const line of lines) {
    const last = items[items.length - 1];
    if (last && /^\([^()]+\)[;.]?$/u.test(line.text)) {
      // A purpose printed on its own line belongs to the item above: "(để đưa tin)".
      last.text = `${last.text.replace(/[;.]\s*$/, '')} ${line.text}`;
      last.lines.push(line);
      continue;
    }
    const previous = last?.lines[last.lines.length - 1];
    if (
      last &&
      !/^[-–+•]/.test(line.text) &&
      (!endsClause(last.text) || (dashed && previous && continuesDashItem(previous, line)))
    ) {
      last.text = `${last.text} ${line.text}`;
      last.lines.push(line);
    } else {
      items.push({ text: line.text, lines: [line] });
    }
  }
  return items;
}

function newBlock(line: LogicalLine, marker: Marker): Block {
  const kind: SectionKind =
    marker.kind === 'dash' || marker.kind === 'plus' || marker.kind === 'letter' ? 'item' : 'section';
  return {
    kind,
    marker,
    label: marker.label,
    heading: marker.rest.trim() || null,
    // "2.1." nests under "2."
    rank:
      MARKER_RANK[marker.kind] + (marker.kind === 'arabic' ? (marker.label.split('.').length - 2) * 0.1 : 0),
    lines: [line],
    paragraphs: [],
    children: [],
  };
}

/** The numbered hierarchy: each marker nests under the nearest open marker of lower rank. */
export function buildTree(lines: LogicalLine[]): Block[] {
  const roots: Block[] = [];
  const stack: Block[] = [];
  const emptyLoose = (): Block => ({
    kind: 'paragraph',
    marker: null,
    label: null,
    heading: null,
    rank: -1,
    lines: [],
    paragraphs: [],
    children: [],
  });
  let loose = emptyLoose();
  const pending = new Map<Block, LogicalLine[]>();
  const own = (block: Block, line: LogicalLine): void => {
    block.lines.push(line);
    const list = pending.get(block) ?? [];
    list.push(line);
    pending.set(block, list);
  };
  for (const line of lines) {
    let marker = parseMarker(line.text);
    if (marker?.kind === 'arabic' && marker.repaired) {
      const sibling = [...stack].reverse().find((block) => block.marker?.kind === 'arabic');
      if (sibling?.marker?.value)
        marker = { ...marker, value: sibling.marker.value + 1, label: `${sibling.marker.value + 1}.` };
    }
    if (!marker) {
      own(stack[stack.length - 1] ?? loose, line);
      continue;
    }
    const block = newBlock(line, marker);
    while (stack.length > 0 && stack[stack.length - 1]!.rank >= block.rank) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(block);
    else {
      if (loose.lines.length > 0) {
        roots.push(loose);
        loose = emptyLoose();
      }
      roots.push(block);
    }
    stack.push(block);
  }
  if (loose.lines.length > 0) roots.push(loose);
  for (const [block, list] of pending) block.paragraphs = joinClauses(list);
  return roots;
}

/**
 * True when `line` is printed right under `above` on a scan or text layer: the next line, starting within
 * the width of the line above and below its middle. Without boxes (text files) nothing is known: false.
 */
function printedUnder(above: LogicalLine, line: LogicalLine): boolean {
  const a = above.bbox;
  const b = line.bbox;
  if (!a || !b || line.page !== above.page || line.line !== above.line + 1) return false;
  return b.x0 >= a.x0 && b.x0 < a.x1 && b.y0 >= (a.y0 + a.y1) / 2;
}

/** A signer's name OCR glued to the end of a recipient line: "- VP UBTP: CVP, Trương Việt Dũng". */
const GLUED_NAME = /[,;]\s+((?:\p{Lu}\p{Ll}+\s+){1,3}\p{Lu}\p{Ll}+)$/u;

function readTail(lines: LogicalLine[], start: number, layout: DocumentLayout): void {
  let index = start;
  let mode: 'none' | 'closing' | 'recipients' | 'signature' | 'after' = 'none';
  let list: RecipientList | null = null;
  const itemLines: LogicalLine[] = [];
  const closingLines: LogicalLine[] = [];
  const flushList = (): void => {
    if (list) {
      list.items = joinItems(itemLines.splice(0));
      layout.recipientLists.push(list);
      list = null;
    }
  };
  for (; index < lines.length; index++) {
    const line = lines[index]!;
    const heading = RECIPIENTS_HEADING.exec(line.text);
    if (
      APPENDIX.test(line.text) &&
      (mode === 'after' || mode === 'signature' || layout.signature.length > 0 || mode === 'recipients')
    ) {
      flushList();
      readAppendices(lines, index, layout);
      break;
    }
    if (CLOSING.test(line.text) && mode === 'none') {
      mode = 'closing';
      closingLines.push(line);
      continue;
    }
    if (heading) {
      flushList();
      mode = 'recipients';
      list = { kind: 'recipients', heading: line, items: [] };
      for (const item of inlineItems(heading[2]!)) itemLines.push({ ...line, text: item });
      continue;
    }
    if (FOOTNOTE.test(line.text)) {
      layout.footnotes.push(line);
      continue;
    }
    const archived = itemLines.some((item) => isArchiveItem(item.text));
    if (list && archived && /^[-–+•]/.test(line.text)) {
      // "Lưu: VT, …" is the last entry of a recipients list: dashes after it belong to what follows
      // (an attached plan after the signature), not to the list.
      flushList();
      mode = 'none';
    } else if (list && /^[-–+•]/.test(line.text)) {
      // Two columns: the signature block may sit between the list heading and its items.
      itemLines.push(line);
      continue;
    }
    if (list && /^\([^()]{1,40}\)\.?$/u.test(line.text)) {
      const item = itemLines[itemLines.length - 1];
      // Printed under one item ("(để đưa tin)" below its line, within its width): that item's purpose.
      if (item && printedUnder(item, line)) itemLines.push(line);
      // Printed beside a brace over several items ("(để b/c)"): set aside; the list goes on.
      else layout.other.push(line);
      continue;
    }
    const lastItem = itemLines[itemLines.length - 1];
    if (
      list &&
      mode === 'signature' &&
      !archived &&
      lastItem &&
      line.page === lastItem.page &&
      line.line === lastItem.line + 1 &&
      !isUpperLine(line.text) &&
      !isPersonName(line.text) &&
      // An item ending in a name has the signer's name glued on (read below, after the list).
      !GLUED_NAME.test(lastItem.text) &&
      (!endsClause(lastItem.text) || continuesDashItem(lastItem, line))
    ) {
      // The signature column was read between the list's items: the line under an item is still the item.
      itemLines.push(line);
      continue;
    }
    if (mode === 'recipients') {
      const previous = itemLines[itemLines.length - 1];
      const dashed = /^[-–+•]/u.test(itemLines[0]?.text ?? '');
      if (
        previous &&
        (!endsClause(previous.text) || (dashed && !archived && continuesDashItem(previous, line))) &&
        !isSignatureStart(line.text) &&
        // After "Lưu: …" a name on a line of its own is the signer's (the position above it unread).
        !(archived && isPersonName(line.text))
      ) {
        itemLines.push(line);
        continue;
      }
      if (!isSignatureStart(line.text)) flushList();
      mode = 'none';
    }
    if (
      mode === 'closing' &&
      !isSignatureStart(line.text) &&
      closingLines.length > 0 &&
      !endsClause(closingLines[closingLines.length - 1]!.text)
    ) {
      closingLines.push(line);
      continue;
    }
    if (isSignatureStart(line.text) && !layout.signerName) {
      mode = 'signature';
      const split = splitSignatureLine(line.text);
      if (split.positions.length > 1 || split.name) {
        for (const position of split.positions) layout.signature.push({ ...line, text: position });
        if (split.name) {
          layout.signerName = { ...line, text: split.name };
          mode = 'after';
        }
      } else layout.signature.push(line);
      continue;
    }
    if (mode === 'signature') {
      if (isPersonName(line.text)) {
        layout.signerName = line;
        mode = 'after';
        continue;
      }
      if (isUpperLine(line.text) && line.text.length < 60 && !APPENDIX.test(line.text)) {
        layout.signature.push(line);
        continue;
      }
    }
    if (
      mode === 'none' &&
      layout.signature.length === 0 &&
      isPersonName(line.text) &&
      layout.signature.length === 0
    ) {
      // A name with no position printed above it (the position was lost or cut off).
      layout.signerName = line;
      mode = 'after';
      continue;
    }
    layout.other.push(line);
  }
  flushList();
  // OCR may glue the signer's name to the end of a recipient line: "- VP UBTP: CVP, Trương Việt Dũng".
  if (!layout.signerName && layout.signature.length > 0) {
    for (const list of layout.recipientLists) {
      for (const item of list.items) {
        const match = GLUED_NAME.exec(item.text);
        const line = item.lines[item.lines.length - 1];
        if (match && line && !layout.signerName) {
          layout.signerName = { ...line, text: match[1]! };
          item.text = item.text.slice(0, match.index);
        }
      }
    }
  }
  // A name printed in capitals was read as one more position line.
  const last = layout.signature[layout.signature.length - 1];
  if (
    !layout.signerName &&
    last &&
    layout.signature.length >= 2 &&
    !isSignatureStart(last.text) &&
    last.text.split(' ').length <= 6
  ) {
    layout.signerName = layout.signature.pop()!;
  }
  if (closingLines.length > 0) {
    layout.closing = { text: closingLines.map((line) => line.text).join(' '), lines: closingLines };
  }
}

function readAppendices(lines: LogicalLine[], start: number, layout: DocumentLayout): void {
  let current: LogicalLine[] = [];
  const flush = (): void => {
    const [first, ...rest] = current;
    if (!first) return;
    // The appendix title is the upper-case lines right after the heading.
    const titleLines: LogicalLine[] = [];
    while (
      rest.length > 0 &&
      (isUpperLine(rest[0]!.text) || /^\((Kèm|Ban hành kèm)/u.test(rest[0]!.text)) &&
      !parseMarker(rest[0]!.text)
    ) {
      titleLines.push(rest.shift()!);
    }
    const heading = [
      first.text.replace(APPENDIX, '$1$2').trim(),
      ...titleLines.map((line) => line.text),
    ].join(' ');
    layout.appendices.push({
      kind: 'appendix',
      marker: null,
      label: first.text.match(/^(PHỤ LỤC|Phụ lục)(\s+[IVXLC\d]+)?/u)?.[0] ?? 'Phụ lục',
      heading,
      rank: 0,
      lines: [first, ...titleLines],
      paragraphs: [],
      children: buildTree(rest),
    });
    current = [];
  };
  for (let index = start; index < lines.length; index++) {
    const line = lines[index]!;
    if (
      APPENDIX.test(line.text) &&
      /^(PHỤ LỤC|Phụ lục)/u.test(line.text) &&
      current.length > 0 &&
      isUpperLine(line.text.slice(0, 7))
    )
      flush();
    current.push(line);
  }
  flush();
}
