/** Seeded randomness and byte damage, so every generated file and fuzz case can be made again from its seed. */

/** mulberry32: a small, fast, seedable PRNG; returns numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomBytes(length: number, random: () => number): Buffer {
  const out = Buffer.alloc(length);
  for (let i = 0; i < length; i++) out[i] = Math.floor(random() * 256);
  return out;
}

/** A copy of `data` with `count` single bits flipped at random places in [from, to). */
export function flipBits(
  data: Uint8Array,
  count: number,
  random: () => number,
  from = 0,
  to = data.length,
): Buffer {
  const out = Buffer.from(data);
  for (let i = 0; i < count; i++) {
    const at = from + Math.floor(random() * (to - from));
    out[at] = (out[at] ?? 0) ^ (1 << Math.floor(random() * 8));
  }
  return out;
}

/** Where each `stream … endstream` body of a PDF lies, as [start, end) byte ranges. */
export function pdfStreamRanges(pdf: Uint8Array): Array<[number, number]> {
  const text = Buffer.from(pdf).toString('latin1');
  const ranges: Array<[number, number]> = [];
  const pattern = /stream\r?\n/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (text.slice(match.index - 3, match.index) === 'end') continue;
    const start = match.index + match[0].length;
    const end = text.indexOf('endstream', start);
    if (end > start) ranges.push([start, end]);
  }
  return ranges;
}
