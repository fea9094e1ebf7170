import { byteOf, CP1258_BYTES, TCVN3_BYTES, VISCII_BYTES, VNI_SEQUENCES, VPS_BYTES } from './tables.js';

/** The legacy encodings the repair stage converts from. */
export const LEGACY_ENCODINGS = [
  'tcvn3',
  'vni',
  'viscii',
  'vps',
  'windows-1258',
  'viqr',
  'unicode-decomposed',
] as const;
export type LegacyEncoding = (typeof LEGACY_ENCODINGS)[number];

function mapBytes(text: string, table: Map<number, string>): string {
  let out = '';
  for (const ch of text) {
    const b = byteOf(ch);
    out += b >= 0 ? (table.get(b) ?? ch) : ch;
  }
  return out;
}

/** TCVN3 (ABC). With `capitals` (a .VnTimeH font) every letter is drawn as a capital. */
export function decodeTcvn3(text: string, capitals = false): string {
  const out = mapBytes(text, TCVN3_BYTES);
  return capitals ? out.toUpperCase() : out;
}

export function decodeViscii(text: string): string {
  return mapBytes(text, VISCII_BYTES);
}

/** VPS (VPSKeys): like VISCII, single bytes with letters also in control-code places. */
export function decodeVps(text: string): string {
  return mapBytes(text, VPS_BYTES);
}

export function decodeWindows1258(text: string): string {
  return mapBytes(text, CP1258_BYTES).normalize('NFC');
}

const VNI_LONGEST = Math.max(...[...VNI_SEQUENCES.keys()].map((k) => k.length));

export function decodeVni(text: string): string {
  let out = '';
  for (let i = 0; i < text.length;) {
    let done = false;
    for (let len = VNI_LONGEST; len >= 1 && !done; len--) {
      const piece = text.slice(i, i + len);
      const hit = piece.length === len ? VNI_SEQUENCES.get(piece) : undefined;
      if (hit) {
        out += hit;
        i += len;
        done = true;
      }
    }
    if (!done) out += text[i++];
  }
  return out;
}

const VIQR_SHAPE: Record<string, string> = { '(': '\u0306', '^': '\u0302', '+': '\u031B' };
const VIQR_TONE: Record<string, string> = {
  "'": '\u0301',
  '`': '\u0300',
  '?': '\u0309',
  '~': '\u0303',
  '.': '\u0323',
};
const VIQR = /([aeiouyAEIOUY])([(^+*]?)(['`?~.]?)|([dD])([dD])|\\(.)/gu;

/**
 * VIQR (Vie^.t Nam): a vowel followed by a shape mark ( ( ^ + ) and a tone mark ( ' ` ? ~ . ), DD for Đ,
 * and a backslash to keep the next character literal. As RFC 1456 says, a "." or "?" right after a vowel is a tone mark; write "\\." for a literal one.
 */
export function decodeViqr(text: string): string {
  return text
    .replace(
      VIQR,
      (all, vowel?: string, shape?: string, tone?: string, d1?: string, d2?: string, lit?: string) => {
        if (lit !== undefined) return lit;
        if (d1 && d2) return d1 === 'D' || d2 === 'D' ? 'Đ' : 'đ';
        if (!vowel) return all;
        let out = vowel;
        let used = 0;
        const s = shape === '*' ? '+' : shape;
        if (s && VIQR_SHAPE[s] && isValidShape(vowel, s)) {
          out += VIQR_SHAPE[s];
          used += shape!.length;
        } else if (shape) return all;
        if (tone && VIQR_TONE[tone]) {
          out += VIQR_TONE[tone];
          used += 1;
        } else if (tone) {
          return (out + (tone ?? '')).normalize('NFC');
        }
        void used;
        return out.normalize('NFC');
      },
    )
    .normalize('NFC');
}

function isValidShape(vowel: string, shape: string): boolean {
  const v = vowel.toLowerCase();
  if (shape === '(') return v === 'a';
  if (shape === '^') return v === 'a' || v === 'e' || v === 'o';
  return v === 'o' || v === 'u';
}

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/;
const SHAPE_MARKS = /[\u0302\u0306\u031B]/;

/** Decomposed or mis-ordered Unicode → NFC with the shape mark (^, breve, horn) before the tone. */
export function decodeDecomposed(text: string): string {
  return text
    .normalize('NFD')
    .replace(/(\p{L})(\p{M}{2,})/gu, (_, base: string, marks: string) => {
      const list = [...marks];
      const shapes = list.filter((m) => SHAPE_MARKS.test(m));
      const tones = list.filter((m) => TONE_MARKS.test(m));
      const other = list.filter((m) => !SHAPE_MARKS.test(m) && !TONE_MARKS.test(m));
      return base + shapes.join('') + other.join('') + tones.join('');
    })
    .normalize('NFC');
}

export function decodeAs(text: string, encoding: LegacyEncoding, capitals = false): string {
  switch (encoding) {
    case 'tcvn3':
      return decodeTcvn3(text, capitals);
    case 'vni':
      return decodeVni(text);
    case 'viscii':
      return decodeViscii(text);
    case 'vps':
      return decodeVps(text);
    case 'windows-1258':
      return decodeWindows1258(text);
    case 'viqr':
      return decodeViqr(text);
    case 'unicode-decomposed':
      return decodeDecomposed(text);
  }
}
