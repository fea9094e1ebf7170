import type { DocumentNumber } from '../record/index.js';
import { typeByCode } from '../segment/index.js';

/** Text of a document number as printed: "3520/KH-SYT", "/KH-SYT", "21/2026/TT-BCT", "57-NQ/TW". */
export const NUMBER_TEXT =
  '\\d{1,5}(?:\\/\\d{4})?[\\/-][\\p{Lu}Đ][\\p{L}\\d]*(?:[-\\/][\\p{Lu}\\dĐ][\\p{L}\\d]*)*';

export function parseNumber(text: string): DocumentNumber | null {
  // OCR leaves specks and broken hyphens inside numbers: "2 † /2026/TT-BCT", "†o /QĐ- -TTg".
  const clean = text
    .replace(/[^\p{L}\d/-]/gu, '')
    .replace(/-{2,}/g, '-')
    .replace(/[.,;:]+$/, '');
  if (clean === '') return null;
  const serialMatch = /^(\d+)/.exec(clean);
  const serial = serialMatch ? serialMatch[1]! : null;
  let rest = serial ? clean.slice(serial.length) : clean.slice(clean.indexOf('/') + 1);
  rest = rest.replace(/^[/-]/, '').replace(/^(19|20)\d{2}\//, '');
  const symbol = rest === '' || !/\p{Lu}/u.test(rest) ? null : rest;
  if (!serial && !symbol) return null;
  return { text: clean, serial, symbol };
}

/** The type code a symbol starts with ("KH-SYT" → "KH", "NQ/TW" → "NQ"), when it is a document type. */
export function typeCodeOf(symbol: string | null): string | null {
  if (!symbol) return null;
  const first = symbol.split(/[-/]/)[0] ?? '';
  return typeByCode(first)?.code ?? null;
}

/** Party documents print "57-NQ/TW" and sometimes "57-NQ-TW": one form for keys. */
export function canonicalNumberText(text: string): string {
  return text.replace(/^(\d+)-([\p{Lu}Đ][\p{L}]*)-([\p{Lu}Đ]+)$/u, '$1-$2/$3');
}
