import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DICTIONARIES_DIR } from '../../paths.js';

function load<T>(name: string): T {
  return JSON.parse(readFileSync(join(DICTIONARIES_DIR, 'encodings', name), 'utf8')) as T;
}

function byteTable(name: string): Map<number, string> {
  const { bytes } = load<{ bytes: Record<string, string> }>(name);
  return new Map(Object.entries(bytes).map(([hex, ch]) => [parseInt(hex, 16), ch]));
}

export const TCVN3_BYTES = byteTable('tcvn3.json');
export const VISCII_BYTES = byteTable('viscii.json');
export const VPS_BYTES = byteTable('vps.json');
export const CP1258_BYTES = byteTable('cp1258.json');
export const VNI_SEQUENCES = new Map(
  Object.entries(load<{ sequences: Record<string, string> }>('vni.json').sequences),
);

/** Windows-1252 characters of 0x80–0x9F, as a PDF's WinAnsi text shows those bytes. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
const CP1252_BYTE = new Map([...CP1252_HIGH].map((ch, i) => [ch, 0x80 + i]));

/** The byte a character stands for in 8-bit text read as Latin-1 or Windows-1252, or -1. */
export function byteOf(ch: string): number {
  const code = ch.charCodeAt(0);
  if (ch.length === 1 && code < 256) return code;
  return CP1252_BYTE.get(ch) ?? -1;
}
