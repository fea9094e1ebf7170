/** The realscans metric: NFC, every run of whitespace collapsed to one space, trimmed. */
export function normaliseForCer(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/** Levenshtein distance over code points. */
export function levenshtein(a: string, b: string): number {
  const s = [...a];
  const t = [...b];
  if (s.length === 0) return t.length;
  let previous = Array.from({ length: t.length + 1 }, (_, i) => i);
  let current = new Array<number>(t.length + 1).fill(0);
  for (let i = 1; i <= s.length; i++) {
    current[0] = i;
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    [previous, current] = [current, previous];
  }
  return previous[t.length]!;
}

/** Character error rate: edit distance / length of the truth, both normalised as above. */
export function cer(truth: string, output: string): number {
  const expected = normaliseForCer(truth);
  return levenshtein(expected, normaliseForCer(output)) / Math.max(1, [...expected].length);
}
