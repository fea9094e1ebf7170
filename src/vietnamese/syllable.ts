import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DICTIONARIES_DIR } from '../paths.js';

/** The five marked tones by their combining mark; level tone (ngang) has none. */
export const TONE_MARKS = {
  '\u0300': 'huyen',
  '\u0301': 'sac',
  '\u0303': 'nga',
  '\u0309': 'hoi',
  '\u0323': 'nang',
} as const;
export type Tone = 'ngang' | (typeof TONE_MARKS)[keyof typeof TONE_MARKS];

export interface Syllable {
  /** Onset consonant spelling, lower case ("" when the syllable starts with a vowel). */
  onset: string;
  /** Rhyme without tone, lower case, NFC ("ương"). */
  rhyme: string;
  tone: Tone;
}

interface SyllableRules {
  onsets: string[];
  rhymes: string[];
  stopCodas: string[];
  frontOnlyOnsets: string[];
  frontVowels: string[];
  notBeforeFrontVowels: string[];
}

const rules = JSON.parse(
  readFileSync(join(DICTIONARIES_DIR, 'syllable-rules.json'), 'utf8'),
) as SyllableRules;
const RHYMES = new Set(rules.rhymes);
/** Longest first, so "ngh" is tried before "ng" and "n". */
const ONSETS = [...rules.onsets].sort((a, b) => b.length - a.length);
const FRONT_ONLY = new Set(rules.frontOnlyOnsets);
const NOT_BEFORE_FRONT = new Set(rules.notBeforeFrontVowels);
const FRONT_VOWELS = new Set(rules.frontVowels);
const STOP_CODA = new RegExp(`(${rules.stopCodas.join('|')})$`);
const VOWEL_START = /^[aăâeêioôơuưy]/;

/** Splits a lower-case NFC word into its toneless letters and its tone. */
export function splitTone(word: string): { base: string; tone: Tone } {
  let tone: Tone = 'ngang';
  let base = '';
  for (const char of word.normalize('NFD')) {
    const mark = TONE_MARKS[char as keyof typeof TONE_MARKS];
    if (mark) tone = mark;
    else base += char;
  }
  return { base: base.normalize('NFC'), tone };
}

function onsetFits(onset: string, rhyme: string): boolean {
  const first = rhyme[0] ?? '';
  const front = FRONT_VOWELS.has(first) || rhyme.startsWith('iê') || rhyme.startsWith('ia');
  if (FRONT_ONLY.has(onset)) return front;
  if (NOT_BEFORE_FRONT.has(onset)) return !front || (onset === 'g' && rhyme === 'i');
  if (onset === 'qu') return !/^[uoư]/.test(rhyme);
  return true;
}

function toneFits(rhyme: string, tone: Tone): boolean {
  return !STOP_CODA.test(rhyme) || tone === 'sac' || tone === 'nang';
}

/**
 * Parses one word as a Vietnamese syllable by the spelling rules, or returns null when it is not one
 * ("UBND", "chirc", "méi" are not; "thưởng", "quốc", "gìn", "khỏe" and "khoẻ" are).
 */
export function parseSyllable(word: string): Syllable | null {
  const { base, tone } = splitTone(word.normalize('NFC').toLowerCase());
  if (!base || base.length > 7) return null;
  for (const onset of ONSETS) {
    if (!base.startsWith(onset)) continue;
    let rhyme = base.slice(onset.length);
    // "gi" swallows the i of the rhyme: gìn = gi + in, gì = gi + i.
    if (onset === 'gi' && (rhyme === '' || !VOWEL_START.test(rhyme))) rhyme = `i${rhyme}`;
    if (!RHYMES.has(rhyme)) continue;
    if (!onsetFits(onset, rhyme) || !toneFits(rhyme, tone)) continue;
    return { onset, rhyme, tone };
  }
  return null;
}

export function isVietnameseSyllable(word: string): boolean {
  return parseSyllable(word) !== null;
}

/** Share of letter tokens in `text` that are Vietnamese syllables (0 when there are none). */
export function vietnameseSyllableShare(text: string): { share: number; tokens: number } {
  const tokens = text.normalize('NFC').match(/\p{L}+/gu) ?? [];
  if (tokens.length === 0) return { share: 0, tokens: 0 };
  const valid = tokens.filter(isVietnameseSyllable).length;
  return { share: valid / tokens.length, tokens: tokens.length };
}
