import { vietnameseSyllableShare } from '../vietnamese/syllable.js';

export type TextLayerVerdict = 'good' | 'legacy-encoding' | 'garbage' | 'empty';

export interface TextLayerQuality {
  /** Share of letter tokens that are valid Vietnamese syllables (0–1). */
  score: number;
  verdict: TextLayerVerdict;
  tokens: number;
}

/**
 * Fonts of the pre-Unicode Vietnamese encodings: TCVN3/ABC (.VnTime, .VnArial…), VNI (VNI-Times…),
 * VIQR-era and VPS fonts. Their text layers hold the right glyphs under the wrong code points.
 */
const LEGACY_FONT = /^(\.?vn[a-z]|vni[-_ ]|vps|bach ?khoa|abc)/i;

/** Letters of Latin-1 that Vietnamese never uses but VNI-encoded text is full of (e.g. "Coäng hoøa"). */
const VNI_MARKERS = /[äëïöüøûåæçîÄËÏÖÜØÛÅÆÇÎñÑ]/gu;
/** Latin-1 symbols that TCVN3 (.Vn fonts) puts where Vietnamese letters belong (e.g. "Céng hßa x· héi"). */
const TCVN3_MARKERS = /[¡-¿ßÞþ×÷ð]/gu;

/** Whether a text reads like Vietnamese typed in TCVN3 or VNI and decoded as Latin-1 / Windows-1252. */
export function looksLegacyEncoded(text: string): boolean {
  const letters = (text.match(/\p{L}/gu) ?? []).length;
  if (letters < 20) return false;
  const markers = (text.match(VNI_MARKERS) ?? []).length + (text.match(TCVN3_MARKERS) ?? []).length;
  return markers / letters > 0.03;
}

export function isLegacyFontName(name: string): boolean {
  return LEGACY_FONT.test(name.replace(/^[A-Z]{6}\+/, ''));
}

/**
 * Judges a page's text layer: 'good' when it reads as Vietnamese, 'legacy-encoding' when it looks like
 * TCVN3/VNI text (by its fonts or its characters), 'garbage' when it is neither, 'empty' when it has
 * (almost) no letters.
 * @param minShare - share of valid syllables needed for 'good' @defaultValue 0.6
 */
export function judgeTextLayer(text: string, fonts: string[], minShare = 0.6): TextLayerQuality {
  const { share, tokens } = vietnameseSyllableShare(text);
  if (tokens < 3) return { score: share, verdict: 'empty', tokens };
  if (share >= minShare && !looksLegacyEncoded(text)) return { score: share, verdict: 'good', tokens };
  const legacy = fonts.some(isLegacyFontName) || looksLegacyEncoded(text);
  return { score: share, verdict: legacy ? 'legacy-encoding' : 'garbage', tokens };
}
