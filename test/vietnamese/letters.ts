/** All 134 Vietnamese letters that carry a mark (67 lower case, 67 capitals), built from combining marks. */
const TONES = ['\u0301', '\u0300', '\u0309', '\u0303', '\u0323'];

export function vietnameseLetters(): string[] {
  const bases = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
  const lower = new Set<string>(['ă', 'â', 'ê', 'ô', 'ơ', 'ư', 'đ']);
  for (const b of bases) for (const t of TONES) lower.add((b + t).normalize('NFC'));
  const list = [...lower];
  return [...list, ...list.map((c) => c.toUpperCase())];
}
