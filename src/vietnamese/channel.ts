import { fold } from './tone.js';

/** Counts of what an OCR engine wrote for each true letter: truth char → observed string ("" = dropped). */
export interface ChannelCounts {
  $comment?: string;
  /** truth char (lower case, NFC) → observed string (lower case, 0–2 chars) → count */
  emissions: Record<string, Record<string, number>>;
  /** observed char → count of it being inserted before a word's first true letter */
  insertions: Record<string, number>;
}

const ASCII_LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/**
 * P(observed | true) for OCR-garbled Vietnamese: a letter-level emission model learned from aligned
 * (truth, OCR) pairs, smoothed towards the letter's plain form (all e-letters share evidence) and a floor.
 */
export class GarbleChannel {
  /** Observed char → the plain letter it most often stands for ("é" → e, "6" → o, "§" → s). */
  readonly skeleton = new Map<string, string>();
  private readonly emit = new Map<string, Map<string, number>>();
  private readonly groupEmit = new Map<string, Map<string, number>>();
  private readonly totals = new Map<string, number>();
  private readonly groupTotals = new Map<string, number>();
  private readonly insertLog = new Map<string, number>();
  private readonly insertFloor: number;
  private readonly memo = new Map<string, number>();

  constructor(counts: ChannelCounts) {
    const votes = new Map<string, Map<string, number>>();
    for (const [t, outs] of Object.entries(counts.emissions)) {
      const g = fold(t);
      const row = new Map<string, number>();
      let total = 0;
      for (const [o, n] of Object.entries(outs)) {
        row.set(o, n);
        total += n;
        const grow = this.groupEmit.get(g) ?? new Map<string, number>();
        grow.set(o, (grow.get(o) ?? 0) + n);
        this.groupEmit.set(g, grow);
        this.groupTotals.set(g, (this.groupTotals.get(g) ?? 0) + n);
        if (o.length === 1 && ASCII_LETTERS.includes(g)) {
          const v = votes.get(o) ?? new Map<string, number>();
          v.set(g, (v.get(g) ?? 0) + n);
          votes.set(o, v);
        }
      }
      this.emit.set(t, row);
      this.totals.set(t, total);
    }
    for (const [o, v] of votes) {
      if (ASCII_LETTERS.includes(o)) continue;
      const best = [...v].sort((a, b) => b[1] - a[1])[0];
      if (best) this.skeleton.set(o, best[0]);
    }
    const allTruth = [...this.totals.values()].reduce((a, b) => a + b, 0) || 1;
    for (const [o, n] of Object.entries(counts.insertions)) this.insertLog.set(o, Math.log(n / allTruth));
    this.insertFloor = Math.log(0.5 / allTruth) - 2;
  }

  /** The plain-letter reading of an observed word ("méi" → "moi", "s6" → "so"). */
  skeletonOf(observed: string): string {
    let out = '';
    for (const ch of observed) {
      if (ASCII_LETTERS.includes(ch)) out += ch;
      else {
        const f = fold(ch);
        out += ASCII_LETTERS.includes(f) ? f : (this.skeleton.get(ch) ?? '');
      }
    }
    return out;
  }

  /** log P(observed string o | true letter t). */
  emission(t: string, o: string): number {
    const key = `${t}\u0000${o}`;
    const cached = this.memo.get(key);
    if (cached !== undefined) return cached;
    const g = fold(t);
    // Unseen emissions keep a small share of the letter's mass: a dropped letter, a same-letter glyph
    // ("ẽ" for ế), any other single glyph (an unseen symbol like "¢"), or a pair of glyphs.
    const floor = o.length === 0 ? 0.02 : o.length === 1 ? (fold(o) === g ? 0.05 : 0.002) : 0.0005;
    const gTotal = this.groupTotals.get(g) ?? 0;
    const ml = gTotal ? (this.groupEmit.get(g)?.get(o) ?? 0) / gTotal : 0;
    const pGroup = 0.95 * ml + 0.05 * floor;
    const total = this.totals.get(t) ?? 0;
    const p = ((this.emit.get(t)?.get(o) ?? 0) + 3 * pGroup) / (total + 3);
    const value = Math.log(p);
    this.memo.set(key, value);
    return value;
  }

  private insertion(o: string): number {
    return this.insertLog.get(o) ?? this.insertFloor;
  }

  /** log P(observed | truth) over the best alignment, each true letter writing 0–2 observed chars. */
  score(truth: string, observed: string): number {
    const t = [...truth];
    const o = [...observed];
    const m = t.length;
    const n = o.length;
    let prev = new Float64Array(n + 1).fill(-Infinity);
    prev[0] = 0;
    for (let j = 1; j <= n; j++) prev[j] = prev[j - 1]! + this.insertion(o[j - 1]!);
    for (let i = 1; i <= m; i++) {
      const cur = new Float64Array(n + 1).fill(-Infinity);
      const tc = t[i - 1]!;
      for (let j = 0; j <= n; j++) {
        let best = prev[j]! + this.emission(tc, '');
        if (j >= 1) best = Math.max(best, prev[j - 1]! + this.emission(tc, o[j - 1]!));
        if (j >= 2) best = Math.max(best, prev[j - 2]! + this.emission(tc, o[j - 2]! + o[j - 1]!));
        cur[j] = best;
      }
      prev = cur;
    }
    return prev[n]!;
  }
}

/** Aligns a true word with its OCR reading, each true letter taking 0–2 observed chars (unit costs). */
export function alignLetters(truth: string, observed: string): { lead: string; emits: [string, string][] } {
  const t = [...truth];
  const o = [...observed];
  const m = t.length;
  const n = o.length;
  const sub = (a: string, b: string): number => (a === b ? 0 : fold(a) === fold(b) ? 0.4 : 1);
  const D: number[][] = Array.from({ length: m + 1 }, () => new Array<number>(n + 1).fill(Infinity));
  const back: number[][] = Array.from({ length: m + 1 }, () => new Array<number>(n + 1).fill(0));
  for (let j = 0; j <= n; j++) D[0]![j] = j * 1.2;
  for (let i = 1; i <= m; i++) {
    for (let j = 0; j <= n; j++) {
      let best = D[i - 1]![j]! + 1;
      let how = 0;
      if (j >= 1 && D[i - 1]![j - 1]! + sub(t[i - 1]!, o[j - 1]!) < best) {
        best = D[i - 1]![j - 1]! + sub(t[i - 1]!, o[j - 1]!);
        how = 1;
      }
      if (j >= 2) {
        const c = D[i - 1]![j - 2]! + 1 + Math.min(sub(t[i - 1]!, o[j - 2]!), sub(t[i - 1]!, o[j - 1]!));
        if (c < best) {
          best = c;
          how = 2;
        }
      }
      D[i]![j] = best;
      back[i]![j] = how;
    }
  }
  const emits: [string, string][] = [];
  let j = n;
  for (let i = m; i >= 1; i--) {
    const how = back[i]![j]!;
    emits.unshift([t[i - 1]!, o.slice(j - how, j).join('')]);
    j -= how;
  }
  return { lead: o.slice(0, j).join(''), emits };
}
