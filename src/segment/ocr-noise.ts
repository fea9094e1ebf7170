import { agencies, legislatures } from './dictionaries.js';
import { fold, isUpperLine } from './text-tools.js';

/**
 * Rules for what OCR adds to or breaks in a scanned Vietnamese administrative page, independent of any
 * one document: e-signature stamp blocks, arrival stamps, specks read as letters, OCR digit confusions
 * inside dates and symbols.
 */

/** Fields of a digital-signature stamp ("Người ký: …", "Email: …", "Cơ quan: …", "Thời gian ký: …"). */
const STAMP_FIELD = /^\W{0,3}(?:\S\s)?(nguoi ky|email|co quan|thoi gian ky)\s*:/;
/** The fields that only a signature stamp prints: they make a block of nearby field lines a stamp. */
const STAMP_ANCHOR = /^\W{0,3}(?:\S\s)?(nguoi ky|thoi gian ky)\s*:/;
/** "CỔNG THÔNG TIN ĐIỆN TỬ CHÍNH PHỦ" (the signing portal), however OCR reads its first letters. */
const PORTAL = /^\W{0,3}[a-z]?[cg]\S{0,2}ng th\S{0,2}ng t\S{0,3} d\S{0,2}n t\S{0,2}(?: chinh phu)?\W*$/;
/** Arrival stamp: "ĐẾN" alone, "Kính chuyển …", "CÔNG VĂN ĐẾN", "Số đến: …", "Giờ: …". */
const ARRIVAL = /^(den|cong van den|kinh chuyen\b.*|so den\s*:.*|gio\s*:.*)$/;

/** A stamp's "Cơ quan:" holds an agency name in capitals, its "Email:" one address. */
function stampValue(line: string): boolean {
  const value = line.slice(line.search(/[:]/) + 1).trim();
  if (/^\W{0,3}(?:\S\s)?c[ơo]\s*quan/iu.test(line)) return isUpperLine(value);
  if (/^\W{0,3}(?:\S\s)?email/iu.test(line)) return !/\s\p{Ll}{2,}\s/u.test(value);
  return true;
}

/**
 * Indexes (0-based) of the lines of one page that belong to stamps and not to the document: the
 * e-signature block (its field lines within 4 lines of a "Người ký:"/"Thời gian ký:" line), the portal
 * name line, and arrival-stamp lines. "Cơ quan: chủ trì …" in running text is no stamp field.
 */
export function stampLineIndexes(lines: readonly string[]): Set<number> {
  const folded = lines.map((line) => fold(line));
  const anchors = folded.flatMap((line, index) => (STAMP_ANCHOR.test(line) ? [index] : []));
  const out = new Set<number>();
  folded.forEach((line, index) => {
    if (
      STAMP_FIELD.test(line) &&
      stampValue(lines[index]!) &&
      anchors.some((anchor) => Math.abs(anchor - index) <= 4)
    )
      out.add(index);
    else if (PORTAL.test(line)) out.add(index);
    else if (ARRIVAL.test(line.replace(/[^a-z0-9: ]/g, '').trim()) && line.length < 40) out.add(index);
  });
  return out;
}

/**
 * A speck or scrap OCR reads as a line of its own in a header ("T", "M", "J", "Tf9i"): at most four
 * characters, no space, not a number, marker or word of the document.
 */
export function isNoiseLine(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed.length === 0) return true;
  if (trimmed.length > 4 || /\s/.test(trimmed)) return false;
  if (/^\d+[.)]?$|^[IVXLC]+[.)]$|^[a-zđ][.)]$/u.test(trimmed)) return false;
  return !/^\p{Lu}{2,4}$/u.test(trimmed) || trimmed.length === 1;
}

/**
 * A type heading with scraps glued before it ("v1 lÙ= QUYẾT ĐỊNH", "Ï QUYẾT ĐỊNH"): the heading text
 * after at most three junk tokens (a single character, or a token with digits, lower case or symbols —
 * never an upper-case word, which may be part of a real heading), or null.
 */
export function headingAfterJunk(text: string, isHeading: (text: string) => boolean): string | null {
  const tokens = text.trim().split(/\s+/);
  for (let skip = 1; skip <= Math.min(3, tokens.length - 1); skip++) {
    const junk = tokens[skip - 1]!;
    const isJunk = junk.length === 1 || (junk.length <= 4 && !/^[\p{Lu}Đ]+$/u.test(junk));
    if (!isJunk || /^[\dIVX]+[.)]$/u.test(junk)) return null;
    const rest = tokens.slice(skip).join(' ');
    if (isHeading(rest)) return rest;
  }
  return null;
}

/** Characters OCR prints for a digit: O/o/Ø/ø for 0, I/l/|/]/[/J/! for 1, ó for 6. */
const DIGIT_LOOKALIKE: Record<string, string> = {
  O: '0',
  o: '0',
  Ø: '0',
  ø: '0',
  I: '1',
  l: '1',
  '|': '1',
  ']': '1',
  '[': '1',
  J: '1',
  '!': '1',
  ó: '6',
};
const LOOKALIKE_CLASS = '[\\dOoØøIl|\\]\\[J!ó]';

/**
 * A day or month token read with look-alikes: converted when it holds a real digit ("1ó", "0]") or a
 * bracket or bar no letter is ("J]", "|l"); letters alone ("I", "O") stay.
 */
function toDigits(token: string): string {
  const convertible = /\d/.test(token) || /^(?=.*[|\][!])[IlJ|\][!Ø]{1,2}$/u.test(token);
  return convertible ? token.replace(/[^\d]/g, (char) => DIGIT_LOOKALIKE[char] ?? char) : token;
}

/** The National Assembly terms a year belongs to (both terms at a boundary year). */
function coursesOf(year: number): number[] {
  return legislatures()
    .terms.filter((term) => year >= term.from && year <= term.to)
    .map((term) => term.course);
}

/**
 * A law's course number after "/QH" or "/UBTVQH", read with look-alikes or split by a space ("QH] Ï",
 * "QH 15", "QH73"): the look-alikes become digits; a course the year cannot have (a law of 2014 is
 * QH13) is replaced by the year's term when only one term fits.
 */
function repairCourse(_all: string, head: string, year: string, printed: string): string {
  const digits = printed.replace(/\s/g, '').replace(/[^\d]/g, (char) => DIGIT_LOOKALIKE[char] ?? '1');
  const courses = coursesOf(Number.parseInt(year, 10));
  const read = Number.parseInt(digits, 10);
  const course = courses.includes(read) || courses.length !== 1 ? digits : String(courses[0]);
  return `${head}${course}`;
}

const DAY_MONTH = new RegExp(
  `(ng[àa]y|th[áa]ng)(\\s*)(${LOOKALIKE_CLASS}{1,2})(?=\\s*(?:th[áa]ng|n[ăa]m)(?![\\p{L}]))`,
  'giu',
);

/**
 * OCR digit confusions repaired only where a number must stand: the day and month of "ngày … tháng …
 * năm" ("ngàyØ2tháng" → "ngày02tháng", "ngày 1ó tháng" → "16", "tháng 1] năm" → "11"; a token needs one
 * real digit, so words are never touched), and symbols broken after a hyphen or before a course number
 * ("KH- UBND" → "KH-UBND", "NĐ- CP"), and the course of a law's number ("QH 15" → "QH15", "QH] Ï" → "QH11").
 */
export function repairOcrNumerals(text: string): string {
  return text
    .replace(
      DAY_MONTH,
      (_all, word: string, space: string, token: string) => `${word}${space}${toDigits(token)}`,
    )
    .replace(/(\d\/(?:\d{4}\/)?[\p{Lu}Đ][\p{L}]{0,5})-\s+(?=[\p{Lu}Đ]{2})/gu, '$1-')
    .replace(/(\/((?:19|20)\d{2})\/(?:UBTV)?QH)((?:\s?[\dIlJ|\][!ÏÍ]){1,2})(?![\p{L}\d])/gu, repairCourse);
}

let agencyNames: Map<string, string> | null = null;
const cleanUpper = (text: string): string => text.normalize('NFC').toUpperCase().replace(/\s+/g, ' ').trim();

/**
 * An agency line of the header that lost its diacritics or a space to OCR ("SOY TE", "BO CONG AN") →
 * the agency's name from dictionaries/agencies.json in capitals ("SỞ Y TẾ"), when the letters are the
 * same once accents and spaces are ignored; any other line is returned as it is.
 */
export function restoreAgencyLine(text: string): string {
  if (!agencyNames) {
    agencyNames = new Map();
    for (const name of Object.values(agencies().abbreviations)) {
      if (!/[/()]/.test(name)) agencyNames.set(fold(name).replace(/\s+/g, ''), name.toUpperCase());
    }
  }
  const name = agencyNames.get(fold(text).replace(/[\s.]+/g, ''));
  // A name printed right (in whatever case) is kept as printed.
  return name && name !== cleanUpper(text) ? name : text;
}
