/**
 * The marker that opens a numbered or bulleted line ("I.", "2.", "a)", "-", "+", "Điều 1.", "Phần II",
 * "Chương I", "Mục 2"), tolerant of OCR noise: "I1." and "Il." read as "II.", "l." as "1.".
 */
export type MarkerKind =
  'part' | 'chapter' | 'section' | 'roman' | 'article' | 'arabic' | 'letter' | 'dash' | 'plus';

export interface Marker {
  kind: MarkerKind;
  /** The marker normalised ("II.", "7.", "a)", "Điều 1.", "-"). */
  label: string;
  /** Numeric value where there is one (roman and arabic numbers, article numbers, letters as 1..). */
  value: number | null;
  /** Text after the marker. */
  rest: string;
  /** True when the printed marker was repaired from OCR noise. */
  repaired: boolean;
}

/** Nesting rank: a marker nests under the nearest open marker of lower rank. */
export const MARKER_RANK: Record<MarkerKind, number> = {
  part: 0,
  chapter: 1,
  section: 2,
  roman: 2,
  article: 3,
  arabic: 4,
  letter: 5,
  dash: 6,
  plus: 7,
};

const ROMAN_VALUES: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };

export function romanToNumber(roman: string): number | null {
  let total = 0;
  for (let i = 0; i < roman.length; i++) {
    const value = ROMAN_VALUES[roman[i]!];
    const next = ROMAN_VALUES[roman[i + 1] ?? ''] ?? 0;
    if (value === undefined) return null;
    total += value < next ? -value : value;
  }
  return total > 0 && total < 40 ? total : null;
}

const LETTERS = 'abcdđeghiklmnopqrstuvxy';

export function parseMarker(text: string): Marker | null {
  let match = /^(PHẦN|Phần)\s+([IVXLC]+|\d+|THỨ\s+\p{L}+|thứ\s+\p{L}+)\b[.:]?\s*(.*)$/u.exec(text);
  if (match) {
    const value = romanToNumber(match[2]!) ?? (Number.parseInt(match[2]!, 10) || null);
    return { kind: 'part', label: `Phần ${match[2]}`, value, rest: match[3]!, repaired: false };
  }
  match = /^(CHƯƠNG|Chương)\s+([IVXLC]+|\d+)\b[.:]?\s*(.*)$/u.exec(text);
  if (match) {
    const value = romanToNumber(match[2]!) ?? (Number.parseInt(match[2]!, 10) || null);
    return { kind: 'chapter', label: `Chương ${match[2]}`, value, rest: match[3]!, repaired: false };
  }
  match = /^(MỤC|Mục)\s+(\d+|[IVX]+)\b[.:]?\s*(.*)$/u.exec(text);
  if (match) {
    const value = romanToNumber(match[2]!) ?? (Number.parseInt(match[2]!, 10) || null);
    return { kind: 'section', label: `Mục ${match[2]}`, value, rest: match[3]!, repaired: false };
  }
  match = /^(?:Điều|ĐIỀU|Ðiều|Diều|Dieu)\s+(\d{1,3})\s*[.:]?(?:\s+(.*))?$/u.exec(text);
  if (match) {
    return {
      kind: 'article',
      label: `Điều ${match[1]}.`,
      value: Number.parseInt(match[1]!, 10),
      rest: match[2] ?? '',
      repaired: false,
    };
  }
  // Roman numerals; OCR reads I as 1, l or | ("I1.", "Il." for "II.").
  match = /^([IVX][IVXl1|]{0,4}|[l1|][IVX][IVXl1|]{0,3})\s*[.:)]\s*(.*)$/u.exec(text);
  if (match && /[IVX]/.test(match[1]!)) {
    const roman = match[1]!.replace(/[l1|]/g, 'I');
    const value = romanToNumber(roman);
    if (value !== null) {
      return { kind: 'roman', label: `${roman}.`, value, rest: match[2]!, repaired: roman !== match[1] };
    }
  }
  match = /^(\d{1,2}(?:\.\d{1,2}){0,3})\s*(?:\.|\))(?!\d)\s*(.*)$/u.exec(text);
  if (match) {
    const parts = match[1]!.split('.');
    return {
      kind: 'arabic',
      label: `${match[1]}.`,
      value: Number.parseInt(parts[parts.length - 1]!, 10),
      rest: match[2]!,
      repaired: false,
    };
  }
  // OCR noise for a one-digit number: "l." → 1, "/." → 7 (the slash is a 7 without its bar).
  match = /^([l|/])\s*\.\s+(\p{L}.*)$/u.exec(text);
  if (match) {
    const value = match[1] === '/' ? 7 : 1;
    return { kind: 'arabic', label: `${value}.`, value, rest: match[2]!, repaired: true };
  }
  match = /^[-–—•]?\s*([a-zđ])\s*\)\s*(.*)$/u.exec(text) ?? /^([a-zđ])\s*\.\s+(\p{Lu}.*)$/u.exec(text);
  if (match) {
    const index = LETTERS.indexOf(match[1]!);
    return { kind: 'letter', label: `${match[1]})`, value: index + 1, rest: match[2]!, repaired: false };
  }
  match = /^[-–—•]\s*\+\s*(.*)$/u.exec(text) ?? /^\+\s*(.*)$/u.exec(text);
  if (match) return { kind: 'plus', label: '+', value: null, rest: match[1]!, repaired: false };
  match = /^[-–—•∙·]\s*(.*)$/u.exec(text);
  if (match && !/^-\s*\d/.test(text.slice(0, 0))) {
    return { kind: 'dash', label: '-', value: null, rest: match[1]!, repaired: false };
  }
  return null;
}
