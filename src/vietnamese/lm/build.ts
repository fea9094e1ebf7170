import { gzipSync } from 'node:zlib';
import { BOUNDARY, SPECIAL_TOKENS, tokensWithCase } from './tokens.js';

/** How a trigram model is built. */
export interface BuildOptions {
  /** A word needs this many occurrences to enter the vocabulary. @defaultValue 2 */
  minWordCount?: number;
  /** Trigrams seen fewer times are pruned after estimation. @defaultValue 2 */
  minTrigramCount?: number;
  /** Bigrams seen fewer times are pruned unless they are a kept trigram's context. @defaultValue 1 */
  minBigramCount?: number;
  /** Most words in the vocabulary (ids are 16 bits). @defaultValue 65000 */
  maxVocabulary?: number;
  /** 3 for a trigram model, 4 adds 4-grams. @defaultValue 3 */
  order?: 3 | 4;
  /** 4-grams seen fewer times are pruned. @defaultValue 2 */
  minQuadgramCount?: number;
}

const P16 = 65536;
const P32 = 4294967296;
/** log-probabilities are stored as Int16 thousandths of a natural log. */
export const LOG_SCALE = 1000;
export const MAGIC = 'VNLM1';

function quantise(logp: number): number {
  return Math.max(-32767, Math.min(0, Math.round(logp * LOG_SCALE)));
}

/** Sorted unique values and how often each occurred. */
function countSorted(keys: Float64Array): { keys: Float64Array; counts: Uint32Array } {
  keys.sort();
  const uniq = new Float64Array(keys.length);
  const counts = new Uint32Array(keys.length);
  let n = 0;
  for (let i = 0; i < keys.length; i++) {
    if (n > 0 && uniq[n - 1] === keys[i]) counts[n - 1]!++;
    else {
      uniq[n] = keys[i]!;
      counts[n++] = 1;
    }
  }
  return { keys: uniq.slice(0, n), counts: counts.slice(0, n) };
}

/** Modified Kneser-Ney discounts D1, D2, D3+ from count-of-counts. */
function discounts(counts: ArrayLike<number>): [number, number, number] {
  const n = [0, 0, 0, 0, 0];
  for (let i = 0; i < counts.length; i++) {
    const c = counts[i]!;
    if (c <= 4) n[c]!++;
  }
  const [, n1 = 0, n2 = 0, n3 = 0, n4 = 0] = n;
  if (!n1 || !n2 || !n3 || !n4) return [0.5, 1, 1.5];
  const y = n1 / (n1 + 2 * n2);
  return [
    Math.max(0.05, 1 - (2 * y * n2) / n1),
    Math.max(0.1, 2 - (3 * y * n3) / n2),
    Math.max(0.15, 3 - (4 * y * n4) / n3),
  ];
}

function discountOf(c: number, d: [number, number, number]): number {
  return c >= 3 ? d[2] : c === 2 ? d[1] : d[0];
}

function lowerBound(keys: Float64Array, key: number): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Builds a syllable trigram model with interpolated modified Kneser-Ney smoothing, stored in backoff
 * form (kept n-grams carry their interpolated probability; contexts carry the leftover mass), and
 * returns it gzipped in the VNLM1 binary format read by `TrigramModel`.
 */
export function buildTrigramModel(paragraphs: Iterable<string>, options: BuildOptions = {}): Buffer {
  const minWord = options.minWordCount ?? 2;
  const minTri = options.minTrigramCount ?? 2;
  const minBi = options.minBigramCount ?? 1;
  const maxVocab = Math.min(options.maxVocabulary ?? 65000, P16 - 1);
  const order = options.order ?? 3;
  const minQuad = options.minQuadgramCount ?? 2;

  const tokenLines: string[][] = [];
  const wordCounts = new Map<string, number>();
  // How often each word was written Title-case or lower-case inside a sentence (proper names, "Quý").
  const titleCounts = new Map<string, number>();
  const lowerCounts = new Map<string, number>();
  for (const paragraph of paragraphs) {
    const { tokens, cases } = tokensWithCase(paragraph);
    if (tokens.length === 0) continue;
    tokenLines.push(tokens);
    tokens.forEach((t, i) => {
      wordCounts.set(t, (wordCounts.get(t) ?? 0) + 1);
      const written = cases[i];
      if (written === 'title') titleCounts.set(t, (titleCounts.get(t) ?? 0) + 1);
      else if (written === 'lower') lowerCounts.set(t, (lowerCounts.get(t) ?? 0) + 1);
    });
  }
  const specials = new Set<string>(SPECIAL_TOKENS);
  const vocab: string[] = [...SPECIAL_TOKENS];
  const wordsByCount = [...wordCounts]
    .filter(([w, c]) => c >= minWord && !specials.has(w))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  for (const [w] of wordsByCount.slice(0, maxVocab - vocab.length)) vocab.push(w);
  const ids = new Map(vocab.map((w, i) => [w, i]));
  const boundary = ids.get(BOUNDARY)!;
  const caseTitle = new Uint32Array(vocab.length);
  const caseLower = new Uint32Array(vocab.length);
  for (const [w, c] of titleCounts) caseTitle[ids.get(w) ?? 0]! += c;
  for (const [w, c] of lowerCounts) caseLower[ids.get(w) ?? 0]! += c;

  // Sentences are independent: every boundary is written order − 1 times, so a sentence's first
  // words are counted after boundaries alone, as the decoder sees them, not after the last sentence.
  const run = order - 1;
  let total = 0;
  for (const t of tokenLines) total += run * (t.length + 1);
  const stream = new Uint16Array(total + run);
  let pos = 0;
  const pushBoundary = (): void => {
    let have = 0;
    while (have < run && pos - have > 0 && stream[pos - have - 1] === boundary) have++;
    while (have++ < run) stream[pos++] = boundary;
  };
  for (const tokens of tokenLines) {
    pushBoundary();
    for (const t of tokens) {
      if (t === BOUNDARY) pushBoundary();
      else stream[pos++] = ids.get(t) ?? 0;
    }
  }
  pushBoundary();
  tokenLines.length = 0;
  const V = vocab.length;

  // Raw counts.
  const tri = new Float64Array(Math.max(0, pos - 2));
  for (let i = 0; i + 2 < pos; i++) tri[i] = stream[i]! * P32 + stream[i + 1]! * P16 + stream[i + 2]!;
  const t3 = countSorted(tri);
  const bi = new Float64Array(Math.max(0, pos - 1));
  for (let i = 0; i + 1 < pos; i++) bi[i] = stream[i]! * P16 + stream[i + 1]!;
  const b2 = countSorted(bi);
  const uniCount = new Float64Array(V);
  for (let i = 0; i < pos; i++) uniCount[stream[i]!]!++;

  // Continuation counts: distinct left neighbours.
  const cont2Keys = new Float64Array(t3.keys.length);
  for (let i = 0; i < t3.keys.length; i++) cont2Keys[i] = t3.keys[i]! % P32;
  const cont2 = countSorted(cont2Keys);
  const biCont = new Uint32Array(b2.keys.length);
  for (let i = 0, j = 0; i < b2.keys.length; i++) {
    while (j < cont2.keys.length && cont2.keys[j]! < b2.keys[i]!) j++;
    biCont[i] = j < cont2.keys.length && cont2.keys[j] === b2.keys[i] ? cont2.counts[j]! : 1;
    // After a boundary only boundaries come before: sentence starts keep their raw counts.
    if (Math.floor(b2.keys[i]! / P16) === boundary) biCont[i] = b2.counts[i]!;
  }
  const uniCont = new Float64Array(V);
  for (let i = 0; i < b2.keys.length; i++) uniCont[b2.keys[i]! % P16]!++;

  // Unigrams: continuation counts, add-one smoothed.
  let contSum = 0;
  for (let w = 0; w < V; w++) contSum += uniCont[w]!;
  const p1 = new Float64Array(V);
  for (let w = 0; w < V; w++) p1[w] = (uniCont[w]! + 1) / (contSum + V);

  // Bigrams (continuation counts), grouped by their first word.
  const d2 = discounts(biCont);
  const p2 = new Float64Array(b2.keys.length);
  const bow1 = new Float64Array(V).fill(1);
  for (let start = 0; start < b2.keys.length;) {
    const w1 = Math.floor(b2.keys[start]! / P16);
    let end = start;
    let sum = 0;
    const n = [0, 0, 0];
    while (end < b2.keys.length && Math.floor(b2.keys[end]! / P16) === w1) {
      const c = biCont[end]!;
      sum += c;
      n[Math.min(c, 3) - 1]!++;
      end++;
    }
    const gamma = (d2[0] * n[0]! + d2[1] * n[1]! + d2[2] * n[2]!) / sum;
    bow1[w1] = gamma;
    for (let i = start; i < end; i++) {
      const c = biCont[i]!;
      p2[i] = (c - discountOf(c, d2)) / sum + gamma * p1[b2.keys[i]! % P16]!;
    }
    start = end;
  }

  // Trigrams (raw counts), grouped by their context.
  // 4-grams: keyed by their context's trigram index; trigrams then use continuation counts.
  let t4: { keys: Float64Array; counts: Uint32Array } | null = null;
  let counts3: Uint32Array = t3.counts;
  if (order === 4) {
    const quad = new Float64Array(Math.max(0, pos - 3));
    for (let i = 0; i + 3 < pos; i++) {
      const key3 = stream[i]! * P32 + stream[i + 1]! * P16 + stream[i + 2]!;
      quad[i] = lowerBound(t3.keys, key3) * P16 + stream[i + 3]!;
    }
    t4 = countSorted(quad);
    const cont3 = new Uint32Array(t3.keys.length);
    for (let k = 0; k < t4.keys.length; k++) {
      const ctx = Math.floor(t4.keys[k]! / P16);
      const suffix = (t3.keys[ctx]! % P32) * P16 + (t4.keys[k]! % P16);
      const j = lowerBound(t3.keys, suffix);
      if (t3.keys[j] === suffix) cont3[j]!++;
    }
    for (let j = 0; j < cont3.length; j++) {
      if (cont3[j] === 0) cont3[j] = Math.min(t3.counts[j]!, 1);
      if (Math.floor(t3.keys[j]! / P32) === boundary) cont3[j] = t3.counts[j]!;
    }
    counts3 = cont3;
  }
  const d3 = discounts(counts3);
  const p3 = new Float64Array(t3.keys.length);
  const bow2 = new Float64Array(b2.keys.length).fill(1);
  for (let start = 0; start < t3.keys.length;) {
    const ctx = Math.floor(t3.keys[start]! / P16);
    let end = start;
    let sum = 0;
    const n = [0, 0, 0];
    while (end < t3.keys.length && Math.floor(t3.keys[end]! / P16) === ctx) {
      const c = counts3[end]!;
      sum += c;
      n[Math.min(c, 3) - 1]!++;
      end++;
    }
    const gamma = (d3[0] * n[0]! + d3[1] * n[1]! + d3[2] * n[2]!) / sum;
    const ctxIndex = lowerBound(b2.keys, ctx);
    if (b2.keys[ctxIndex] === ctx) bow2[ctxIndex] = gamma;
    for (let i = start; i < end; i++) {
      const c = counts3[i]!;
      const lowerKey = t3.keys[i]! % P32;
      const j = lowerBound(b2.keys, lowerKey);
      const w2 = Math.floor(lowerKey / P16);
      const lower = b2.keys[j] === lowerKey ? p2[j]! : bow1[w2]! * p1[lowerKey % P16]!;
      p3[i] = (c - discountOf(c, d3)) / sum + gamma * lower;
    }
    start = end;
  }

  // 4-gram probabilities, grouped by their context trigram.
  const p4 = new Float64Array(t4 ? t4.keys.length : 0);
  const bow3 = new Float64Array(t3.keys.length).fill(1);
  const keepQuad: number[] = [];
  const triNeeded = new Uint8Array(t3.keys.length);
  if (t4) {
    const d4 = discounts(t4.counts);
    for (let start = 0; start < t4.keys.length;) {
      const ctx = Math.floor(t4.keys[start]! / P16);
      let end = start;
      let sum = 0;
      const n = [0, 0, 0];
      while (end < t4.keys.length && Math.floor(t4.keys[end]! / P16) === ctx) {
        const c = t4.counts[end]!;
        sum += c;
        n[Math.min(c, 3) - 1]!++;
        end++;
      }
      const gamma = (d4[0] * n[0]! + d4[1] * n[1]! + d4[2] * n[2]!) / sum;
      bow3[ctx] = gamma;
      const w23 = t3.keys[ctx]! % P32;
      for (let i = start; i < end; i++) {
        const c = t4.counts[i]!;
        const w4 = t4.keys[i]! % P16;
        const suffix = w23 * P16 + w4;
        const j = lowerBound(t3.keys, suffix);
        let lower: number;
        if (t3.keys[j] === suffix) lower = p3[j]!;
        else {
          const bj = lowerBound(b2.keys, w23);
          const back = b2.keys[bj] === w23 ? bow2[bj]! : 1;
          const key34 = (w23 % P16) * P16 + w4;
          const k2 = lowerBound(b2.keys, key34);
          lower = back * (b2.keys[k2] === key34 ? p2[k2]! : bow1[w23 % P16]! * p1[w4]!);
        }
        p4[i] = (c - discountOf(c, d4)) / sum + gamma * lower;
        if (c >= minQuad) {
          keepQuad.push(i);
          // Its context, and its last three words: a 4-gram is only looked up after its trigram.
          triNeeded[ctx] = 1;
          if (t3.keys[j] === suffix) triNeeded[j] = 1;
        }
      }
      start = end;
    }
  }

  // Pruning.
  const keepTri: number[] = [];
  for (let i = 0; i < t3.keys.length; i++) if (t3.counts[i]! >= minTri || triNeeded[i]) keepTri.push(i);
  const contextNeeded = new Uint8Array(b2.keys.length);
  for (let k = 0, j = 0; k < keepTri.length; k++) {
    const ctx = Math.floor(t3.keys[keepTri[k]!]! / P16);
    while (b2.keys[j]! < ctx) j++;
    contextNeeded[j] = 1;
  }
  const keepBi: number[] = [];
  for (let i = 0; i < b2.keys.length; i++) {
    if (b2.counts[i]! >= minBi || contextNeeded[i]) keepBi.push(i);
  }

  const B = keepBi.length;
  const T = keepTri.length;
  const biKeys = new Uint32Array(B);
  const biLogp = new Int16Array(B);
  const biBow = new Int16Array(B);
  const triStart = new Uint32Array(B + 1);
  const triWord = new Uint16Array(T);
  const triLogp = new Int16Array(T);
  let t = 0;
  for (let k = 0; k < B; k++) {
    const i = keepBi[k]!;
    biKeys[k] = b2.keys[i]!;
    biLogp[k] = quantise(Math.log(p2[i]!));
    biBow[k] = quantise(Math.log(bow2[i]!));
    triStart[k] = t;
    while (t < T && Math.floor(t3.keys[keepTri[t]!]! / P16) === b2.keys[i]) {
      triWord[t] = t3.keys[keepTri[t]!]! % P16;
      triLogp[t] = quantise(Math.log(p3[keepTri[t]!]!));
      t++;
    }
  }
  triStart[B] = t;
  const Q = keepQuad.length;
  const triBow = new Int16Array(order === 4 ? T : 0);
  const quadStart = new Uint32Array(order === 4 ? T + 1 : 0);
  const quadWord = new Uint16Array(Q);
  const quadLogp = new Int16Array(Q);
  if (t4) {
    let q = 0;
    for (let k = 0; k < T; k++) {
      const i = keepTri[k]!;
      triBow[k] = quantise(Math.log(bow3[i]!));
      quadStart[k] = q;
      while (q < Q && Math.floor(t4.keys[keepQuad[q]!]! / P16) === i) {
        quadWord[q] = t4.keys[keepQuad[q]!]! % P16;
        quadLogp[q] = quantise(Math.log(p4[keepQuad[q]!]!));
        q++;
      }
    }
    quadStart[T] = q;
  }
  const uniLogp = new Float32Array(V);
  const uniBow = new Float32Array(V);
  for (let w = 0; w < V; w++) {
    uniLogp[w] = Math.log(p1[w]!);
    uniBow[w] = Math.log(bow1[w]!);
  }
  const freq = new Uint32Array(V);
  for (let w = 0; w < V; w++) freq[w] = uniCount[w]!;

  const header = Buffer.from(
    JSON.stringify({
      magic: MAGIC,
      order,
      vocabulary: V,
      bigrams: B,
      trigrams: T,
      quadgrams: Q,
      cases: true,
      words: vocab.join('\n'),
    }),
  );
  const parts: Buffer[] = [];
  const u32 = Buffer.alloc(4);
  u32.writeUInt32LE(header.length);
  parts.push(u32, header);
  const pad = (): void => {
    const len = parts.reduce((s, p) => s + p.length, 0);
    if (len % 4) parts.push(Buffer.alloc(4 - (len % 4)));
  };
  for (const arr of [
    uniLogp,
    uniBow,
    freq,
    biKeys,
    triStart,
    biLogp,
    biBow,
    triLogp,
    triWord,
    quadStart,
    triBow,
    quadLogp,
    quadWord,
    caseTitle,
    caseLower,
  ]) {
    pad();
    parts.push(Buffer.from(arr.buffer, arr.byteOffset, arr.byteLength));
  }
  return gzipSync(Buffer.concat(parts), { level: 9 });
}
