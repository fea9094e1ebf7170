import type { DocumentNumber } from '../record/index.js';
import { agencies, typeByCode } from '../segment/index.js';

/** Text of a document number as printed: "3520/KH-SYT", "/KH-SYT", "21/2026/TT-BCT", "57-NQ/TW". */
export const NUMBER_TEXT =
  '\\d{1,5}(?:\\/\\d{4})?[\\/-][\\p{Lu}Đ][\\p{L}\\d]*(?:[-\\/][\\p{Lu}\\dĐ][\\p{L}\\d]*)*';

let knownAgencies: Set<string> | null = null;

/**
 * A symbol part OCR damaged in a way no agency abbreviation is printed: a letter doubled ("HĐĐND") or a
 * lower-case letter misread ("TTe" for TTg). Repaired only to an abbreviation of dictionaries/agencies.json
 * that is one such change away; any other part is left as printed.
 */
function repairAgencyPart(part: string): string {
  knownAgencies ??= new Set(Object.keys(agencies().abbreviations));
  if (knownAgencies.has(part) || typeByCode(part)) return part;
  const fixes = new Set<string>();
  for (let at = 1; at < part.length; at++) {
    if (part[at] === part[at - 1]) {
      const shorter = part.slice(0, at) + part.slice(at + 1);
      if (knownAgencies.has(shorter)) fixes.add(shorter);
    }
  }
  for (const known of knownAgencies) {
    if (known.length !== part.length) continue;
    const differ = [...known].flatMap((char, at) => (char === part[at] ? [] : [at]));
    if (differ.length === 1 && /\p{Ll}/u.test(part[differ[0]!]!) && /\p{Ll}/u.test(known[differ[0]!]!))
      fixes.add(known);
  }
  return fixes.size === 1 ? [...fixes][0]! : part;
}

/**
 * A symbol's first part written as an alias of a type code that has Đ ("QD-TTg", "ND-CP": OCR drops the
 * stroke; dictionaries/document-types.json lists the aliases): the code as it is printed.
 */
function restoreTypeCodeStroke(part: string): string {
  const code = typeByCode(part)?.code;
  return code && code !== part && code.replace(/Đ/g, 'D') === part ? code : part;
}

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
  const printed = rest === '' || !/\p{Lu}/u.test(rest) ? null : rest;
  if (!serial && !printed) return null;
  const symbol =
    printed?.replace(/[^/-]+/gu, (part, at: number) =>
      repairAgencyPart(at === 0 ? restoreTypeCodeStroke(part) : part),
    ) ?? null;
  return {
    text: symbol && printed ? clean.slice(0, clean.length - printed.length) + symbol : clean,
    serial,
    symbol,
  };
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
