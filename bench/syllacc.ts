/** An exact port of /work/shared/tools/syllacc.py: syllable accuracy of a restored text against its truth. */
const TONES: Record<string, string> = {
  '\u0300': '2',
  '\u0301': '1',
  '\u0303': '4',
  '\u0309': '3',
  '\u0323': '5',
};
const STRIP = '"\'“”‘’.,;:!?()[]{}…-–—~*|';

function canon(t: string): string {
  const d = t.normalize('NFD');
  let tone = '';
  let base = '';
  for (const c of d) {
    if (TONES[c]) tone += TONES[c];
    else base += c;
  }
  return base.normalize('NFC') + (tone ? `#${tone}` : '');
}

function strip(t: string): string {
  let a = 0;
  let b = t.length;
  while (a < b && STRIP.includes(t[a]!)) a++;
  while (b > a && STRIP.includes(t[b - 1]!)) b--;
  return t.slice(a, b);
}

function toks(line: string, ci: boolean): string[] {
  const out: string[] = [];
  for (const raw of line.normalize('NFC').split(/\s+/u)) {
    const t = strip(raw);
    if (t) out.push(canon(ci ? t.toLowerCase() : t));
  }
  return out;
}

function align(a: string[], b: string[]): boolean[] {
  const n = a.length;
  const m = b.length;
  const D = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = 0; i <= n; i++) D[i]![0] = i;
  for (let j = 0; j <= m; j++) D[0]![j] = j;
  for (let i = 1; i <= n; i++)
    for (let j = 1; j <= m; j++)
      D[i]![j] = Math.min(
        D[i - 1]![j]! + 1,
        D[i]![j - 1]! + 1,
        D[i - 1]![j - 1]! + (a[i - 1] !== b[j - 1] ? 1 : 0),
      );
  const matched: boolean[] = [];
  let i = n;
  let j = m;
  while (i > 0 && j > 0) {
    if (D[i]![j] === D[i - 1]![j - 1]! + (a[i - 1] !== b[j - 1] ? 1 : 0)) {
      matched.push(a[i - 1] === b[j - 1]);
      i--;
      j--;
    } else if (D[i]![j] === D[i - 1]![j]! + 1) {
      matched.push(false);
      i--;
    } else j--;
  }
  while (i-- > 0) matched.push(false);
  return matched;
}

/** Matched and total truth tokens over the given lines (1-based, inclusive range). */
export function syllableAccuracy(
  truth: string,
  output: string,
  options: { ci?: boolean; lines?: [number, number] } = {},
): { ok: number; total: number; accuracy: number } {
  const t = truth.split('\n');
  const o = output.split('\n');
  while (o.length < t.length) o.push('');
  let ok = 0;
  let total = 0;
  t.forEach((line, k) => {
    const ln = k + 1;
    if (options.lines && (ln < options.lines[0] || ln > options.lines[1])) return;
    for (const good of align(toks(line, options.ci ?? false), toks(o[k]!, options.ci ?? false))) {
      total++;
      if (good) ok++;
    }
  });
  return { ok, total, accuracy: ok / Math.max(total, 1) };
}
