/** One piece of a line, with its place in the line (UTF-16 offset). */
export interface Piece {
  text: string;
  start: number;
  kind: 'word' | 'number' | 'punct' | 'protected';
}

const EMAIL = /^[\w.+-]+@[\w-]+(\.[\w-]+)+$/u;
const URL = /^(https?:\/\/|www\.)\S+$/iu;
/** Document symbols and codes: a digit and a slash or hyphen, or capitals joined by / or - (KH-SYT). */
const SYMBOL = /^(?=.*\d)(?=.*[/-]).*\p{L}.*$|^\p{Lu}[\p{Lu}\d.]*([/-]\p{Lu}[\p{Lu}\d.]*)+$/u;
const TRIM_PUNCT = /^[("“‘'[{«]+|[)"”’'\]}».,;:!?…]+$/gu;
/** Characters an OCR engine puts where Vietnamese letters were (é, 6, &, §, ¢, @ …). */
export const GARBLE_SYMBOLS = '&§¢@£¥€©®°$%|';
const WORDISH = new RegExp(`[\\p{L}\\p{M}\\d${GARBLE_SYMBOLS.replace(/[$|]/g, '\\$&')}]+`, 'gu');

const PLAIN_WORD = /^\p{L}[\p{L}\p{M}]*$/u;

/** Splits a line into words, numbers, punctuation and protected tokens (addresses, document symbols). */
export function tokenizeLine(line: string): Piece[] {
  const pieces: Piece[] = [];
  for (const chunk of line.matchAll(/\S+/gu)) {
    const text = chunk[0];
    const start = chunk.index;
    if (PLAIN_WORD.test(text)) {
      pieces.push({ text, start, kind: 'word' });
      continue;
    }
    const core = text.replace(TRIM_PUNCT, '');
    if (core && (EMAIL.test(core) || URL.test(core) || SYMBOL.test(core))) {
      const at = text.indexOf(core);
      pushPunct(pieces, text.slice(0, at), start);
      pieces.push({ text: core, start: start + at, kind: 'protected' });
      pushPunct(pieces, text.slice(at + core.length), start + at + core.length);
      continue;
    }
    let last = 0;
    for (const m of text.matchAll(WORDISH)) {
      pushPunct(pieces, text.slice(last, m.index), start + last);
      const word = m[0];
      const kind = /\p{L}/u.test(word) ? 'word' : /\d/.test(word) ? 'number' : 'punct';
      pieces.push({ text: word, start: start + m.index, kind });
      last = m.index + word.length;
    }
    pushPunct(pieces, text.slice(last), start + last);
  }
  return pieces;
}

function pushPunct(pieces: Piece[], text: string, start: number): void {
  if (text) pieces.push({ text, start, kind: 'punct' });
}
