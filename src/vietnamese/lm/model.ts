import { gunzipSync } from 'node:zlib';
import { LOG_SCALE, MAGIC } from './build.js';
import { BOUNDARY, COMMA, NUMBER, UNK } from './tokens.js';

const P16 = 65536;

/** Something that scores a word after two others (natural log probability). */
export interface LanguageModel {
  id(word: string): number;
  logProb(w1: number, w2: number, w3: number): number;
  /** log P(w4 | w1 w2 w3), for models with 4-grams. */
  logProb4?(w1: number, w2: number, w3: number, w4: number): number;
}

/** A read-only syllable trigram model in the VNLM1 format (see build.ts). */
export class TrigramModel implements LanguageModel {
  readonly words: string[];
  readonly unk: number;
  readonly boundary: number;
  readonly number: number;
  readonly comma: number;
  /** Corpus count of each word. */
  readonly frequency: Uint32Array;
  private readonly ids: Map<string, number>;
  private readonly uniLogp: Float32Array;
  private readonly uniBow: Float32Array;
  private readonly biKeys: Uint32Array;
  private readonly triStart: Uint32Array;
  private readonly biLogp: Int16Array;
  private readonly biBow: Int16Array;
  private readonly triLogp: Int16Array;
  private readonly triWord: Uint16Array;
  /** 3 or 4: the longest n-gram stored. */
  readonly order: 3 | 4;
  private readonly quadStart: Uint32Array;
  private readonly triBow: Int16Array;
  private readonly quadLogp: Int16Array;
  private readonly quadWord: Uint16Array;
  /** How often each word was written Title-case / lower-case inside a sentence (absent in old models). */
  readonly caseTitle: Uint32Array | null = null;
  readonly caseLower: Uint32Array | null = null;
  /** First bigram of each word as w1 (V + 1 entries). */
  private readonly biStart: Uint32Array;

  constructor(gzipped: Uint8Array) {
    let raw = gunzipSync(gzipped);
    // Typed-array views need 4-byte alignment within the buffer; a large inflated buffer is its own
    // ArrayBuffer from offset 0, so this copy (50 MB, some 100 ms) is only a fallback.
    if (raw.byteOffset % 4 !== 0) raw = Buffer.from(raw);
    const buf = raw.buffer;
    const base = raw.byteOffset;
    const headerLength = raw.readUInt32LE(0);
    const header = JSON.parse(raw.subarray(4, 4 + headerLength).toString('utf8')) as {
      magic: string;
      vocabulary: number;
      bigrams: number;
      trigrams: number;
      quadgrams?: number;
      order?: number;
      cases?: boolean;
      words: string;
    };
    if (header.magic !== MAGIC) throw new Error(`not a ${MAGIC} model`);
    const V = header.vocabulary;
    const B = header.bigrams;
    const T = header.trigrams;
    let offset = 4 + headerLength;
    const take = <A>(ctor: new (b: ArrayBuffer, o: number, n: number) => A, n: number, size: number): A => {
      if (n === 0) return new ctor(new ArrayBuffer(0), 0, 0);
      offset = Math.ceil(offset / 4) * 4;
      const arr = new ctor(buf as ArrayBuffer, base + offset, n);
      offset += n * size;
      return arr;
    };
    this.uniLogp = take(Float32Array, V, 4);
    this.uniBow = take(Float32Array, V, 4);
    this.frequency = take(Uint32Array, V, 4);
    this.biKeys = take(Uint32Array, B, 4);
    this.triStart = take(Uint32Array, B + 1, 4);
    this.biLogp = take(Int16Array, B, 2);
    this.biBow = take(Int16Array, B, 2);
    this.triLogp = take(Int16Array, T, 2);
    this.triWord = take(Uint16Array, T, 2);
    this.order = header.order === 4 ? 4 : 3;
    const Q = header.quadgrams ?? 0;
    const four = this.order === 4;
    this.quadStart = take(Uint32Array, four ? T + 1 : 0, 4);
    this.triBow = take(Int16Array, four ? T : 0, 2);
    this.quadLogp = take(Int16Array, Q, 2);
    this.quadWord = take(Uint16Array, Q, 2);
    if (header.cases) {
      this.caseTitle = take(Uint32Array, V, 4);
      this.caseLower = take(Uint32Array, V, 4);
    }
    this.words = header.words.split('\n');
    this.ids = new Map(this.words.map((w, i) => [w, i]));
    this.unk = this.ids.get(UNK)!;
    this.boundary = this.ids.get(BOUNDARY)!;
    this.number = this.ids.get(NUMBER)!;
    this.comma = this.ids.get(COMMA)!;

    // Bigram keys are sorted (w1 major): each word's successors are one run, found by binary search.
    // Decoding looks up many words after the same few contexts, so those runs stay in cache.
    this.biStart = new Uint32Array(V + 1);
    let w = 0;
    for (let i = 0; i < B; i++) {
      const w1 = (this.biKeys[i]! / P16) | 0;
      while (w < w1) this.biStart[++w] = i;
    }
    while (w < V) this.biStart[++w] = B;
  }

  id(word: string): number {
    return this.ids.get(word) ?? this.unk;
  }

  private bigram(w1: number, w2: number): number {
    const key = w1 * P16 + w2;
    let lo = this.biStart[w1]!;
    let hi = this.biStart[w1 + 1]! - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const k = this.biKeys[mid]!;
      if (k === key) return mid;
      if (k < key) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** Index of the bigram (w1, w2) as a trigram context, or -1. */
  context(w1: number, w2: number): number {
    return this.bigram(w1, w2);
  }

  /** Backoff weight (log) of a context found by `context`; 0 for none. */
  contextBackoff(ctx: number): number {
    return ctx >= 0 ? this.biBow[ctx]! / LOG_SCALE : 0;
  }

  /** log P of the trigram (context, w3) when it is stored, else NaN. */
  trigram(ctx: number, w3: number): number {
    const index = this.trigramIndex(ctx, w3);
    return index < 0 ? NaN : this.triLogp[index]! / LOG_SCALE;
  }

  /** log P of a stored trigram found by `trigramIndex`. */
  trigramLogp(index: number): number {
    return this.triLogp[index]! / LOG_SCALE;
  }

  /** Index of the stored trigram (context, w3), or -1. */
  trigramIndex(ctx: number, w3: number): number {
    if (ctx < 0) return -1;
    let lo = this.triStart[ctx]!;
    let hi = this.triStart[ctx + 1]! - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const w = this.triWord[mid]!;
      if (w === w3) return mid;
      if (w < w3) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** Backoff weight (log) of a trigram used as a 4-gram context; 0 for none. */
  trigramBackoff(tri: number): number {
    return tri >= 0 && this.order === 4 ? this.triBow[tri]! / LOG_SCALE : 0;
  }

  /** log P of the 4-gram (trigram context, w4) when it is stored, else NaN. */
  quadgram(tri: number, w4: number): number {
    if (tri < 0 || this.order !== 4) return NaN;
    let lo = this.quadStart[tri]!;
    let hi = this.quadStart[tri + 1]! - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const w = this.quadWord[mid]!;
      if (w === w4) return this.quadLogp[mid]! / LOG_SCALE;
      if (w < w4) lo = mid + 1;
      else hi = mid - 1;
    }
    return NaN;
  }

  /** log P(w4 | w1 w2 w3), backed off through the trigram. */
  logProb4(w1: number, w2: number, w3: number, w4: number): number {
    const tri = this.trigramIndex(this.bigram(w1, w2), w3);
    const lp = this.quadgram(tri, w4);
    if (lp === lp) return lp;
    return this.trigramBackoff(tri) + this.logProb(w2, w3, w4);
  }

  /** log P(w3 | w2) given the bigram's index from `context(w2, w3)` (-1: not stored, back off). */
  bigramAt(index: number, w2: number, w3: number): number {
    if (index >= 0) return this.biLogp[index]! / LOG_SCALE;
    return this.uniBow[w2]! + this.uniLogp[w3]!;
  }

  /** log P(w3 | w2), backed off to the unigram. */
  bigramProb(w2: number, w3: number): number {
    const b23 = this.bigram(w2, w3);
    if (b23 >= 0) return this.biLogp[b23]! / LOG_SCALE;
    return this.uniBow[w2]! + this.uniLogp[w3]!;
  }

  logProb(w1: number, w2: number, w3: number): number {
    let backoff = 0;
    const b12 = this.bigram(w1, w2);
    if (b12 >= 0) {
      let lo = this.triStart[b12]!;
      let hi = this.triStart[b12 + 1]! - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >>> 1;
        const w = this.triWord[mid]!;
        if (w === w3) return this.triLogp[mid]! / LOG_SCALE;
        if (w < w3) lo = mid + 1;
        else hi = mid - 1;
      }
      backoff = this.biBow[b12]! / LOG_SCALE;
    }
    const b23 = this.bigram(w2, w3);
    if (b23 >= 0) return backoff + this.biLogp[b23]! / LOG_SCALE;
    return backoff + this.uniBow[w2]! + this.uniLogp[w3]!;
  }
}
