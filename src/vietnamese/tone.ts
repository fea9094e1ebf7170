import { parseSyllable, splitTone, type Tone } from './syllable.js';

const TONE_MARK: Record<Exclude<Tone, 'ngang'>, string> = {
  huyen: '\u0300',
  sac: '\u0301',
  nga: '\u0303',
  hoi: '\u0309',
  nang: '\u0323',
};
export const TONES: readonly Tone[] = ['ngang', 'sac', 'huyen', 'hoi', 'nga', 'nang'];

const VOWELS = 'aăâeêioôơuưy';
const HAT_VOWELS = 'ăâêôơư';

/** Index in `base` of the vowel that carries the tone, in the style the seeds use ("hòa", "khỏe", "thủy"). */
export function toneVowelIndex(base: string, onset: string): number {
  let start = onset.length;
  // "qu" and "gi" keep their u/i in the onset; "gi" + consonant (gìn) has the i as nucleus.
  if (onset === 'gi' && !VOWELS.includes(base[start] ?? '')) start = 1;
  let end = start;
  while (end < base.length && VOWELS.includes(base[end]!)) end++;
  const nucleus = base.slice(start, end);
  if (nucleus.length <= 1) return start;
  for (let i = nucleus.length - 1; i >= 0; i--) if (HAT_VOWELS.includes(nucleus[i]!)) return start + i;
  const hasCoda = end < base.length;
  if (hasCoda) return end - 1;
  if (nucleus.length === 3) return start + 1;
  return start;
}

/** Writes a toneless lower-case syllable with its tone on the normalised vowel; NFC. */
export function placeTone(base: string, tone: Tone, onset?: string): string {
  if (tone === 'ngang') return base;
  const parsedOnset = onset ?? parseSyllable(base)?.onset ?? '';
  const at = toneVowelIndex(base, parsedOnset);
  return (base.slice(0, at + 1) + TONE_MARK[tone] + base.slice(at + 1)).normalize('NFC');
}

/**
 * Moves the tone of a Vietnamese syllable to the normalised place ("hoà" → "hòa", "khoẻ" → "khỏe"),
 * keeping its case; other words come back unchanged.
 */
export function normaliseTonePlacement(word: string): string {
  const cached = NORMALISED.get(word);
  if (cached !== undefined) return cached;
  const out = normaliseUncached(word);
  if (NORMALISED.size < 200_000) NORMALISED.set(word, out);
  return out;
}
const NORMALISED = new Map<string, string>();

function normaliseUncached(word: string): string {
  const nfc = word.normalize('NFC');
  const lower = nfc.toLowerCase();
  const syllable = parseSyllable(lower);
  if (!syllable || syllable.tone === 'ngang') return nfc;
  const { base } = splitTone(lower);
  const placed = placeTone(base, syllable.tone, syllable.onset);
  if (placed === lower) return nfc;
  return applyCase(placed, nfc);
}

const FOLD: Record<string, string> = {};
for (const [plain, variants] of Object.entries({
  a: 'aàáảãạăằắẳẵặâầấẩẫậ',
  e: 'eèéẻẽẹêềếểễệ',
  i: 'iìíỉĩị',
  o: 'oòóỏõọôồốổỗộơờớởỡợ',
  u: 'uùúủũụưừứửữự',
  y: 'yỳýỷỹỵ',
  d: 'dđ',
})) {
  for (const v of variants) {
    FOLD[v] = plain;
    FOLD[v.toUpperCase()] = plain.toUpperCase();
  }
}

/** Removes every Vietnamese mark and đ → d, keeping case ("Đổi mới" → "Doi moi"). */
export function fold(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) out += FOLD[ch] ?? ch;
  return out;
}

export function hasVietnameseMark(word: string): boolean {
  for (const ch of word.normalize('NFC')) {
    const f = FOLD[ch];
    if (f !== undefined && f !== ch) return true;
  }
  return false;
}

export type CaseShape = 'lower' | 'upper' | 'title';

/** The case shape of a written word: UPPER (two or more letters, mostly capitals), Title, or lower. */
export function caseShape(word: string): CaseShape {
  if (word === word.toLowerCase()) return 'lower';
  let upper = 0;
  let letters = 0;
  for (const ch of word) {
    if (!/\p{L}/u.test(ch)) continue;
    letters++;
    if (ch !== ch.toLowerCase()) upper++;
  }
  if (letters >= 2 && upper * 2 > letters) return 'upper';
  const first = [...word].find((ch) => /\p{L}/u.test(ch));
  if (first && first !== first.toLowerCase()) return letters === 1 ? 'upper' : 'title';
  return 'lower';
}

/** Gives a lower-case word the case shape of `model`. */
export function applyCase(lower: string, model: string): string {
  const shape = caseShape(model);
  if (shape === 'upper') return lower.toUpperCase();
  if (shape === 'title') return lower.charAt(0).toUpperCase() + lower.slice(1);
  return lower;
}
