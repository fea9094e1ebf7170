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
  const out: string[] = [];
  for (const m of line.normalize('NFC').matchAll(PIECE)) {
    if (m[1]) out.push(modelWord(m[1]));
    else if (m[2]) out.push(NUMBER);
    else if (m[3]) {
      if (out[out.length - 1] !== BOUNDARY) out.push(BOUNDARY);
    } else out.push(COMMA);
  }
  return out;
}
