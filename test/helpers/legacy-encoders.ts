import {
  CP1258_BYTES,
  TCVN3_BYTES,
  VISCII_BYTES,
  VNI_SEQUENCES,
  VPS_BYTES,
} from '../../src/vietnamese/encodings/tables.js';

/** Encoders for the legacy Vietnamese encodings (the inverse of src/vietnamese/encodings), for tests and fixtures. */
function inverse(table: Map<number, string>): Map<string, string> {
  return new Map([...table].map(([b, ch]) => [ch, String.fromCharCode(b)]));
}
export const TCVN3 = inverse(TCVN3_BYTES);
export const VISCII = inverse(VISCII_BYTES);
export const VPS = inverse(VPS_BYTES);
export const VNI = new Map([...VNI_SEQUENCES].map(([seq, ch]) => [ch, seq]));
const CP1258 = inverse(CP1258_BYTES);

export const encodeWith = (map: Map<string, string>) => (text: string) =>
  [...text].map((ch) => map.get(ch) ?? ch).join('');
/** Windows-1258 writes a precomposed base (if it has one) plus a combining tone byte. */
export function encode1258(text: string): string {
  return [...text.normalize('NFD')]
    .map((ch) => CP1258.get(ch) ?? ch)
    .join('')
    .replace(/[aeouAEOU][\u0302\u0306\u031b]/gu, (m) => CP1258.get(m.normalize('NFC')) ?? m);
}
export function encode1258Full(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const d = ch.normalize('NFD');
    const tone = [...d].find((c) => /[\u0300\u0301\u0303\u0309\u0323]/u.test(c)) ?? '';
    const base = [...d]
      .filter((c) => c !== tone)
      .join('')
      .normalize('NFC');
    out += (CP1258.get(base) ?? base) + (tone ? CP1258.get(tone)! : '');
  }
  return out;
}
const VIQR_SHAPE: Record<string, string> = { '\u0306': '(', '\u0302': '^', '\u031b': '+' };
const VIQR_TONE: Record<string, string> = {
  '\u0301': "'",
  '\u0300': '`',
  '\u0309': '?',
  '\u0303': '~',
  '\u0323': '.',
};
export function encodeViqr(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    if (/[.?'`~(^+]/.test(ch) && /[aeiouy]$/i.test(out)) out += '\\';
    if (ch === 'đ') out += 'dd';
    else if (ch === 'Đ') out += 'DD';
    else {
      const d = [...ch.normalize('NFD')];
      out +=
        d[0] +
        d
          .slice(1)
          .map((m) => VIQR_SHAPE[m] ?? '')
          .join('') +
        d
          .slice(1)
          .map((m) => VIQR_TONE[m] ?? '')
          .join('');
    }
  }
  return out;
}
