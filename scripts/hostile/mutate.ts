import { flipBits, randomBytes } from './bytes.js';

/** Byte values that tend to hit edge cases in parsers: sign bits, zero, all ones, ASCII delimiters. */
const INTERESTING = [
  0x00, 0x01, 0x7f, 0x80, 0xff, 0x20, 0x0a, 0x25, 0x28, 0x29, 0x2f, 0x3c, 0x3e, 0x5b, 0x5d,
];
/** Numbers that make PDF and image headers lie: zero, negative, huge, just over 16/32 bits. */
const INTERESTING_NUMBERS = [
  '0',
  '-1',
  '1',
  '65535',
  '65536',
  '2147483647',
  '4294967296',
  '99999999999',
  '1e9',
  '0.0001',
];
/** PDF tokens worth inserting or removing. */
const PDF_TOKENS = [
  'endobj',
  'stream',
  'endstream',
  'obj',
  '>>',
  '<<',
  '[',
  ']',
  'R',
  'trailer',
  'xref',
  '%%EOF',
  '/Length 0',
  '/Filter /FlateDecode',
];

export type Mutation = (data: Buffer, random: () => number) => Buffer;

const at = (data: Buffer, random: () => number) => Math.floor(random() * Math.max(1, data.length));
const pick = <T>(items: readonly T[], random: () => number): T => items[Math.floor(random() * items.length)]!;

/** The mutations the fuzz bench applies, by name (several are stacked per case). */
export const MUTATIONS: Record<string, Mutation> = {
  flipBits: (data, random) => flipBits(data, 1 + Math.floor(random() * 32), random),
  interestingByte: (data, random) => {
    const out = Buffer.from(data);
    for (let i = 0; i < 1 + Math.floor(random() * 8); i++) out[at(out, random)] = pick(INTERESTING, random);
    return out;
  },
  randomRun: (data, random) => {
    const out = Buffer.from(data);
    const start = at(out, random);
    randomBytes(Math.min(out.length - start, 1 + Math.floor(random() * 256)), random).copy(out, start);
    return out;
  },
  deleteChunk: (data, random) => {
    const start = at(data, random);
    const length = 1 + Math.floor(random() * Math.min(4096, data.length / 4));
    return Buffer.concat([data.subarray(0, start), data.subarray(start + length)]);
  },
  duplicateChunk: (data, random) => {
    const start = at(data, random);
    const chunk = data.subarray(start, start + 1 + Math.floor(random() * 2048));
    const to = at(data, random);
    return Buffer.concat([data.subarray(0, to), chunk, data.subarray(to)]);
  },
  truncate: (data, random) => data.subarray(0, Math.max(1, Math.floor(data.length * random()))),
  /** Replaces one number written in ASCII (a PDF /Length, /Width, an xref offset, /Count) with a lie. */
  lyingNumber: (data, random) => {
    const text = data.toString('latin1');
    const numbers = [...text.matchAll(/(?<=[\s/[<(])\d{1,10}(?=[\s\]>)/])/g)];
    if (numbers.length === 0) return data;
    const match = pick(numbers, random);
    const index = match.index ?? 0;
    return Buffer.concat([
      data.subarray(0, index),
      Buffer.from(pick(INTERESTING_NUMBERS, random), 'latin1'),
      data.subarray(index + match[0].length),
    ]);
  },
  pdfToken: (data, random) => {
    const to = at(data, random);
    return Buffer.concat([
      data.subarray(0, to),
      Buffer.from(` ${pick(PDF_TOKENS, random)} `, 'latin1'),
      data.subarray(to),
    ]);
  },
};

/** `data` with 1–4 random mutations applied; `applied` names them, for reports. */
export function mutate(data: Buffer, random: () => number): { data: Buffer; applied: string[] } {
  const names = Object.keys(MUTATIONS);
  const applied: string[] = [];
  let out = data;
  for (let i = 0; i < 1 + Math.floor(random() * 4); i++) {
    const name = pick(names, random);
    out = MUTATIONS[name]!(out, random);
    applied.push(name);
  }
  // Half the time a PDF keeps its end marker, so the parser gets past its cheapest check and into the body.
  const eof = Buffer.from('%%EOF');
  if (data.subarray(-32).includes(eof) && !out.subarray(-1024).includes(eof) && random() < 0.5) {
    out = Buffer.concat([out, Buffer.from('\n%%EOF\n')]);
    applied.push('keepEof');
  }
  return { data: out.length > 0 ? out : Buffer.from([0]), applied };
}
