import type { PartialDate } from '../record/index.js';
import { vietnameseNumberWords } from '../segment/index.js';

const pad = (value: number): string => String(value).padStart(2, '0');

function valid(year: number, month: number | null, day: number | null): boolean {
  if (year < 1900 || year > 2100) return false;
  if (month !== null && (month < 1 || month > 12)) return false;
  if (day !== null && (day < 1 || day > 31)) return false;
  return true;
}

export function makeDate(
  year: number,
  month: number | null,
  day: number | null,
  text: string,
): PartialDate | null {
  if (!valid(year, month, day)) return null;
  if (month === null) return { iso: String(year), precision: 'year', text };
  if (day === null) return { iso: `${year}-${pad(month)}`, precision: 'month', text };
  return { iso: `${year}-${pad(month)}-${pad(day)}`, precision: 'day', text };
}

/** Words or digits for a day or month ("24", "hai mươi tư", "mười"); null when blank or unreadable. */
function numberPart(part: string | undefined): number | null {
  if (!part) return null;
  const trimmed = part.trim();
  if (trimmed === '') return null;
  if (/^\d{1,2}$/.test(trimmed)) return Number.parseInt(trimmed, 10);
  return vietnameseNumberWords(trimmed);
}

const WORD = '(?!th[áa]ng|n[ăa]m)[\\p{Ll}]+';
/** Between the parts of a written date OCR may leave dashes or dots: "ngày tháng — năm 2026". */
const SEP = '[\\s\\-—–.,:]*';
const NUM_OR_WORDS = `(\\d{1,2}|${WORD}(?:\\s+${WORD}){0,2})?`;
/** "ngày 24 tháng 10 năm 2025", "ngày  tháng 4 năm 2026", "ngày hai mươi tư tháng mười năm 2025". */
export const WORDS_DATE = new RegExp(
  `ng[àa]y${SEP}${NUM_OR_WORDS}${SEP}th[áa]ng${SEP}${NUM_OR_WORDS}${SEP}n[ăa]m${SEP}(\\d{4})?`,
  'iu',
);
/** "24/10/2025", "24-10-2025", "24.10.2025". */
export const DIGITS_DATE = /(?<![\d/])(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})(?![\d/])/u;

/** OCR reads 1 as I, l or | and 0 as O inside dates ("I7/6/2020"): repair tokens shaped like a date. */
function repairDateDigits(text: string): string {
  return text.replace(/(?<![\p{L}\d])[\dIl|O]{1,2}\/[\dIl|O]{1,2}\/[\dIl|O]{4}(?![\p{L}\d])/gu, (token) =>
    /\d/.test(token) ? token.replace(/[Il|]/g, '1').replace(/O/g, '0') : token,
  );
}

/** The first date in a text, written in words or digits; month or year precision when the day is blank. */
export function parseDate(printed: string): PartialDate | null {
  const text = repairDateDigits(printed);
  const words = WORDS_DATE.exec(text);
  const digits = DIGITS_DATE.exec(text);
  if (words && (!digits || words.index <= digits.index)) {
    if (!words[3]) return null;
    const year = Number.parseInt(words[3], 10);
    const month = numberPart(words[2]);
    const day = month === null ? null : numberPart(words[1]);
    return makeDate(year, month, day, words[0].trim());
  }
  if (digits) {
    return makeDate(
      Number.parseInt(digits[3]!, 10),
      Number.parseInt(digits[2]!, 10),
      Number.parseInt(digits[1]!, 10),
      digits[0],
    );
  }
  return null;
}

/** A date at the very start of a text ("ngày 20 tháng 4 năm 2026 của …"), with the length it used. */
export function leadingDate(text: string): { date: PartialDate; length: number } | null {
  const match =
    /^\s*,?\s*(?:ban hành\s+)?(?:ngày\s*(?:\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}|[^;,()]{0,40}?năm\s*\d{4}))/u.exec(
      text,
    );
  if (!match) return null;
  const date = parseDate(match[0]);
  return date ? { date, length: match[0].length } : null;
}
