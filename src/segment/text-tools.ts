/** Small text helpers shared by segmentation and extraction. All input is NFC. */

/** NFC, one space, trimmed; markdown emphasis (**, ***) and stray control characters removed. */
export function cleanLine(text: string): string {
  return (
    text
      .normalize('NFC')
      // eslint-disable-next-line no-control-regex -- control characters from OCR and broken files are the target
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ' ')
      .replace(/\*{2,3}/g, '')
      .replace(/[\u00a0\u2000-\u200b\u3000\t]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      // OCR reads specks and rules at a line's start as "__", "~", "—", "¡ )": drop them before a word.
      .replace(/^[_~=|—`'\\¡!)†‡ˆ˜¨´°·][_~=|—`'\\¡!)†‡ˆ˜¨´°·\s]*(?=\p{L})/u, '')
      // Vertical rules between columns; Ð (U+00D0, Icelandic eth) for Đ.
      .replace(/\s\|\s/g, ' ')
      .replace(/\u00d0/g, 'Đ')
  );
}

/** Lower case, no diacritics, đ → d, one space: for matching words regardless of accents and case. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** True when the letters of a line are (almost) all capitals: headings, agency names, signer positions. */
export function isUpperLine(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (letters.length < 2) return false;
  const upper = letters.replace(/[^\p{Lu}]/gu, '').length;
  return upper / letters.length >= 0.85;
}

/** True when a line is only rule characters ("-----", "___", "***"). */
export function isRuleLine(text: string): boolean {
  return /^[\s\-_=~.*·•—–]{3,}$/.test(text);
}

/** "Tp. Hồ Chí Minh" → "Tp. Hồ Chí Minh"; drops trailing separators ";" "," "." and spaces. */
export function trimPunctuation(text: string): string {
  return text
    .replace(/^[\s\-–+•;,:.]+/, '')
    .replace(/[\s;,:.]+$/, '')
    .trim();
}

/** Vietnamese number words for 1-31 (days and months written out). */
const UNITS: Record<string, number> = {
  mot: 1,
  hai: 2,
  ba: 3,
  bon: 4,
  tu: 4,
  nam: 5,
  lam: 5,
  sau: 6,
  bay: 7,
  tam: 8,
  chin: 9,
};

/** "hai mươi lăm" → 25, "mười" → 10, "mồng năm" → 5; null when the words are not a number. */
export function vietnameseNumberWords(words: string): number | null {
  const tokens = fold(words)
    .replace(/^mong\s+/, '')
    .split(' ')
    .filter(Boolean);
  if (tokens.length === 0) return null;
  let total = 0;
  let index = 0;
  if (tokens[0] === 'muoi') {
    total = 10;
    index = 1;
  } else if (tokens[1] === 'muoi' || tokens[1] === 'chuc') {
    const tens = UNITS[tokens[0]!];
    if (tens === undefined) return null;
    total = tens * 10;
    index = 2;
  }
  if (index < tokens.length) {
    const unit = UNITS[tokens[index]!];
    if (unit === undefined || index + 1 !== tokens.length) return null;
    total += unit;
  }
  return total > 0 ? total : null;
}
