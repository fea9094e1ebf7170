import { parseSyllable } from '../syllable.js';
import { hasVietnameseMark } from '../tone.js';
import { decodeAs, LEGACY_ENCODINGS, type LegacyEncoding } from './convert.js';

/** How Vietnamese a text reads: (marked valid syllables − impossible words) / words. */
export function vietnameseScore(text: string): { score: number; words: number } {
  const words = text.normalize('NFC').match(/[\p{L}\p{M}]+/gu) ?? [];
  if (words.length === 0) return { score: 0, words: 0 };
  let score = 0;
  for (const w of words) {
    if (!parseSyllable(w)) score -= 1;
    else if (hasVietnameseMark(w)) score += 1;
  }
  return { score: score / words.length, words: words.length };
}

/** The legacy encoding a PDF font name announces (".VnTimeH", "VNI-Times", "ABCDEF+.VnArial"), if any. */
export function encodingFromFontName(
  fontName: string | undefined,
): { encoding: LegacyEncoding; capitals: boolean } | null {
  if (!fontName) return null;
  const name = fontName.replace(/^[A-Z]{6}\+/, '');
  if (/^\.?vn[a-z]/i.test(name) && !/^vni/i.test(name)) {
    const family = name.replace(/[-,](bold|italic|oblique|regular|bolditalic).*$/i, '');
    return { encoding: 'tcvn3', capitals: /H$/.test(family) };
  }
  if (/^vni[-_ ]/i.test(name)) return { encoding: 'vni', capitals: false };
  return null;
}

export interface Detection {
  /** The encoding found, or null when the text is already good Unicode (or plain ASCII). */
  encoding: LegacyEncoding | null;
  /** The text converted to NFC Unicode (the input, NFC, when nothing was found). */
  text: string;
}

/** Only characters that legacy encodings put in text: anything else means the text is not 8-bit legacy. */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
function isEightBit(text: string): boolean {
  for (const ch of text) if (ch.charCodeAt(0) > 0xff && !WIN_ANSI_EXTRA.has(ch)) return false;
  return true;
}

/**
 * Detects the legacy encoding of a text run by scoring trial decodings for valid Vietnamese syllables;
 * a font-name hint is tried first. Nothing changes on a tie, and pure ASCII or good Unicode stays as it is.
 */
export function detectEncoding(text: string, fontName?: string): Detection {
  const nfc = text.normalize('NFC');
  const base = vietnameseScore(nfc);
  const hint = encodingFromFontName(fontName);
  if (hint) {
    const decoded = decodeAs(text, hint.encoding, hint.capitals);
    if (decoded !== nfc && vietnameseScore(decoded).score >= base.score)
      return { encoding: hint.encoding, text: decoded };
  }
  let best: Detection = { encoding: null, text: nfc };
  let bestScore = base.score;
  let tie = false;
  if (text !== nfc || /\p{M}/u.test(text)) {
    const decoded = decodeAs(text, 'unicode-decomposed');
    if (decoded !== text) best = { encoding: 'unicode-decomposed', text: decoded };
    bestScore = Math.max(bestScore, vietnameseScore(decoded).score);
  }
  if (base.words === 0) return best;
  const eightBit = isEightBit(text);
  for (const encoding of LEGACY_ENCODINGS) {
    if (encoding === 'unicode-decomposed') continue;
    if (encoding !== 'viqr' && !eightBit) continue;
    const decoded = decodeAs(text, encoding);
    if (decoded === nfc) continue;
    const { score } = vietnameseScore(decoded);
    if (score < 0.15 || score < base.score + 0.1) continue;
    // Encodings that agree on this text's bytes give the same decoding: that is no tie.
    if (decoded === best.text) continue;
    if (score > bestScore + 1e-9) {
      best = { encoding, text: decoded };
      bestScore = score;
      tie = false;
    } else if (
      Math.abs(score - bestScore) <= 1e-9 &&
      best.encoding !== null &&
      best.encoding !== 'unicode-decomposed'
    ) {
      tie = true;
    }
  }
  return tie ? { encoding: null, text: nfc } : best;
}

/**
 * Converts a whole text: detects the encoding on the text, then converts each line that the decoding
 * does not make worse (so a document mixing good Unicode and a legacy font keeps its good lines).
 */
export function convertText(text: string, fontName?: string): Detection {
  const whole = detectEncoding(text, fontName);
  if (!whole.encoding || whole.encoding === 'unicode-decomposed') return whole;
  const hint = encodingFromFontName(fontName);
  const capitals = hint?.encoding === whole.encoding && hint.capitals;
  const lines = text.split('\n').map((line) => {
    const decoded = decodeAs(line, whole.encoding!, capitals);
    return vietnameseScore(decoded).score >= vietnameseScore(line).score ? decoded : line.normalize('NFC');
  });
  return { encoding: whole.encoding, text: lines.join('\n') };
}

/** Decodes a text file's bytes: UTF-8 / UTF-16 (with BOM), or a single-byte legacy Vietnamese encoding. */
export function decodeTextBuffer(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)).normalize('NFC'), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return {
      text: new TextDecoder('utf-16le').decode(bytes.subarray(2)).normalize('NFC'),
      encoding: 'utf-16le',
    };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return {
      text: new TextDecoder('utf-16be').decode(bytes.subarray(2)).normalize('NFC'),
      encoding: 'utf-16be',
    };
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text: text.normalize('NFC'), encoding: 'utf-8' };
  } catch {
    const latin1 = Buffer.from(bytes).toString('latin1');
    const found = convertText(latin1);
    return found.encoding
      ? { text: found.text, encoding: found.encoding }
      : { text: latin1, encoding: 'latin1' };
  }
}
