import type { DocumentNumber, PartialDate } from '../record/index.js';
import { agencies, cleanLine, fold, type DocumentLayout, type LogicalLine } from '../segment/index.js';
import { makeDate, parseDate } from './dates.js';
import { parseNumber } from './number.js';
import type { TextClause } from './clauses.js';

export interface IssuerFields {
  name: string | null;
  parent: string | null;
  lines: LogicalLine[];
  inferred: boolean;
}

function startsAgency(text: string): boolean {
  const folded = fold(text);
  const { headWords, continuationWords } = agencies();
  if (continuationWords.some((word) => folded.startsWith(`${fold(word)} `) || folded === fold(word)))
    return false;
  return headWords.some((word) => folded.startsWith(`${fold(word)} `) || folded === fold(word));
}

/**
 * The issuing agency from the header's upper-case lines: "UBND TỈNH VĨNH LONG / SỞ Y TẾ" is parent and
 * name; "ỦY BAN NHÂN DÂN / THÀNH PHỐ HÀ NỘI" is one name over two lines. Without header lines, the agency
 * that "ban hành" / "xây dựng" the document in its preamble.
 */
export function issuerFields(
  layout: DocumentLayout,
  clauses: TextClause[],
  typeName: string | null,
): IssuerFields {
  const groups: LogicalLine[][] = [];
  for (const line of layout.issuer) {
    const last = groups[groups.length - 1];
    if (!last || startsAgency(line.text)) groups.push([line]);
    else last.push(line);
  }
  const joined = groups.map((group) => cleanLine(group.map((line) => line.text).join(' ')));
  if (joined.length > 0) {
    return {
      name: joined[joined.length - 1]!,
      parent: joined.length > 1 ? joined[joined.length - 2]! : null,
      lines: layout.issuer,
      inferred: false,
    };
  }
  if (layout.authority.length > 0) {
    // The enacting authority printed under the title ("THỦ TƯỚNG CHÍNH PHỦ") names the issuer.
    return {
      name: cleanLine(layout.authority.map((line) => line.text).join(' ')),
      parent: null,
      lines: layout.authority,
      inferred: true,
    };
  }
  const ownType = typeName ?? 'Kế hoạch|Quyết định|Thông báo|Chương trình|Hướng dẫn|văn bản';
  const issuing = new RegExp(
    `(?:^|[,;]\\s*)([^,;]*?)\\s+(?:ban hành|xây dựng|thông báo|triển khai)\\s+(?:${ownType})(?![\\p{L}])`,
    'iu',
  );
  const candidates = [
    ...clauses.filter((entry) => entry.zone === 'preamble'),
    ...clauses.filter((entry) => entry.zone === 'basis'),
    ...clauses
      .filter((entry) => entry.zone === 'body' && entry.path.every((block) => !block.marker))
      .slice(0, 3),
  ];
  for (const clause of candidates) {
    const match = issuing.exec(clause.text);
    const name = match?.[1]?.trim();
    if (
      name &&
      /^\p{Lu}/u.test(name) &&
      name.length <= 80 &&
      !/\d/.test(name) &&
      !/^(Căn cứ|Thực hiện)/u.test(name)
    ) {
      const offset = clause.text.indexOf(name);
      const line = clause.lines.find((_, index) => index === 0) ?? clause.lines[0]!;
      void offset;
      return { name, parent: null, lines: [line], inferred: true };
    }
  }
  return { name: null, parent: null, lines: [], inferred: false };
}

function printedNumber(layout: DocumentLayout): string | null {
  if (!layout.number) return null;
  const text = layout.number.text;
  return /^[^:;]{1,20}[:;]/u.test(text)
    ? text.replace(/^[^:;]{1,20}[:;]\s*/u, '')
    : text.replace(/^(?:\p{L}+(?:\s+\p{L}+)?\s+)?([Ss][ốoô6]|86)\s*[:;.]?\s*/u, '');
}

/**
 * The serial as printed when it cannot be read: letters or symbols where the digits stand ("2Í", "2 ‡",
 * "#oX" — a handwritten serial under OCR); null when it reads as digits, is blank, or is a party form
 * ("57-NQ/TW").
 */
export function unreadableSerial(layout: DocumentLayout): string | null {
  const printed = printedNumber(layout);
  const serial = printed === null ? null : /^([^/]*?)\s*\/./u.exec(printed)?.[1]?.trim();
  if (!serial) return null;
  if (/^\d{1,5}[\s.,]*$/u.test(serial) || /^\d{1,5}-[\p{Lu}Đ]/u.test(serial)) return null;
  return serial;
}

export function numberFields(layout: DocumentLayout): DocumentNumber | null {
  const printed = printedNumber(layout);
  if (printed === null) return null;
  // An unreadable serial is reported as unreadable (a finding), not guessed from its look-alikes.
  const serial = unreadableSerial(layout);
  return parseNumber(serial === null ? printed : printed.slice(printed.indexOf('/')));
}

export interface PlaceDate {
  place: string | null;
  date: PartialDate | null;
  /** True when the line prints "ngày … tháng … năm" with every part blank. */
  blank: boolean;
  /** The day or month as printed when it cannot be read ("ngày.2” tháng t/", "ngày92tháng"). */
  unreadable: string | null;
}

/** "ngày.2” tháng t/ năm 2026": the year, with what stands for the day and month. */
const LOOSE_DATE = /ng[àa]y(.{0,12}?)th[áa]ng(.{0,10}?)n[ăa]m\s*((?:19|20)\d{2})/u;

export function placeDateFields(layout: DocumentLayout): PlaceDate {
  if (!layout.placeDate) return { place: null, date: null, blank: false, unreadable: null };
  const text = layout.placeDate.text;
  const place = /^([^,]+?),?\s+ng[àa]y/u.exec(text)?.[1]?.trim() ?? null;
  const date = parseDate(text);
  if (date) return { place, date, blank: false, unreadable: null };
  // Day and month that are there but unreadable (handwritten under OCR): the year alone is still sure.
  const loose = LOOSE_DATE.exec(text);
  const parts = loose ? `${loose[1]!.trim()} ${loose[2]!.trim()}`.trim() : '';
  if (!loose || parts === '') return { place, date: null, blank: true, unreadable: null };
  return {
    place,
    date: makeDate(Number.parseInt(loose[3]!, 10), null, null, loose[0]),
    blank: false,
    unreadable: parts,
  };
}

/**
 * Title lines joined with one space; a công văn's subject without its "V/v" ("V/v cơ chế …" → "cơ chế …").
 * `subject` is false where a "Về việc …" title turned out to be another type's (its heading lost).
 */
export function titleText(layout: DocumentLayout, subject = layout.titleIsSubject): string | null {
  if (layout.title.length === 0) return null;
  const joined = cleanLine(layout.title.map((line) => line.text).join(' '));
  // A công văn's subject: "V/v …", "Về việc …", or "Về …" (how OCR often reads "V/v").
  return subject ? joined.replace(/^(V\/v|V\/V|Về việc)\s*[:.]?\s*|^Về\s+(?=\p{Ll})/u, '') : joined;
}
