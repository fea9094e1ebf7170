import { parseSyllable } from '../syllable.js';
import { normaliseTonePlacement } from '../tone.js';

/** Special language-model tokens: unknown word, sentence boundary, number, comma. */
export const UNK = '<unk>';
export const BOUNDARY = '</s>';
export const NUMBER = '<num>';
export const COMMA = ',';
export const SPECIAL_TOKENS = [UNK, BOUNDARY, NUMBER, COMMA] as const;

const PIECE = /(\p{L}[\p{L}\p{M}]*)|(\d[\d.,/]*)|([.!?;:]+)|(,)/gu;

/** The word form the model knows: lower case, NFC, tone on the normalised vowel. */
export function modelWord(word: string): string {
  const cached = MODEL_WORDS.get(word);
  if (cached !== undefined) return cached;
  const lower = word.normalize('NFC').toLowerCase();
  const out = parseSyllable(lower) ? normaliseTonePlacement(lower) : lower;
  if (MODEL_WORDS.size < 500_000) MODEL_WORDS.set(word, out);
  return out;
}
const MODEL_WORDS = new Map<string, string>();

/** Language-model tokens of one clean line or paragraph (without the leading boundary). */
export function lineTokens(line: string): string[] {
  return tokensWithCase(line).tokens;
}

/**
 * How a token was written where its case says something: `title` or `lower` for a word inside a
 * sentence; `null` at a sentence start, for words in capitals, one-letter words and special tokens.
 */
export type TokenCase = 'title' | 'lower' | null;

/** `lineTokens` and, for each token, how it was written (`TokenCase`). */
export function tokensWithCase(line: string): { tokens: string[]; cases: TokenCase[] } {
  const tokens: string[] = [];
  const cases: TokenCase[] = [];
  for (const m of line.normalize('NFC').matchAll(PIECE)) {
    if (m[1]) {
      const start = tokens.length === 0 || tokens[tokens.length - 1] === BOUNDARY;
      tokens.push(modelWord(m[1]));
      cases.push(start ? null : writtenCase(m[1]));
    } else if (m[2]) {
      tokens.push(NUMBER);
      cases.push(null);
    } else if (m[3]) {
      if (tokens[tokens.length - 1] !== BOUNDARY) {
        tokens.push(BOUNDARY);
        cases.push(null);
      }
    } else {
      tokens.push(COMMA);
      cases.push(null);
    }
  }
  return { tokens, cases };
}

/** `title` (first letter capital, the rest lower), `lower`, or null (capitals, one letter, mixed). */
export function writtenCase(word: string): TokenCase {
  const lower = word.toLowerCase();
  if (word === lower) return word.length > 1 ? 'lower' : null;
  const first = word.charAt(0);
  if (word.length > 1 && first !== lower.charAt(0) && word.slice(1) === lower.slice(1)) return 'title';
  return null;
}
