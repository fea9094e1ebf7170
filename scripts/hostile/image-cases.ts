import { crc32 } from 'node:zlib';

/** A PNG whose header claims `width` × `height` (chunk CRC fixed, so only the size lies). */
export function pngClaimingSize(png: Uint8Array, width: number, height: number): Buffer {
  const out = Buffer.from(png);
  // Signature (8) + IHDR length (4) + "IHDR" (4), then width and height.
  out.writeUInt32BE(width, 16);
  out.writeUInt32BE(height, 20);
  out.writeUInt32BE(crc32(out.subarray(12, 29)), 29);
  return out;
}

/** A JPEG whose start-of-frame claims `width` × `height`. */
export function jpegClaimingSize(jpeg: Uint8Array, width: number, height: number): Buffer {
  const out = Buffer.from(jpeg);
  for (let at = 2; at + 9 < out.length;) {
    if (out[at] !== 0xff) throw new Error('JPEG markers out of step');
    const marker = out[at + 1]!;
    const length = out.readUInt16BE(at + 2);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      out.writeUInt16BE(height, at + 5);
      out.writeUInt16BE(width, at + 7);
      return out;
    }
    at += 2 + length;
  }
  throw new Error('no start-of-frame marker');
}

/** A TIFF whose first page claims `width` × `height` (SHORT or LONG tags rewritten in place). */
export function tiffClaimingSize(tiff: Uint8Array, width: number, height: number): Buffer {
  const out = Buffer.from(tiff);
  const littleEndian = out[0] === 0x49;
  const u16 = (at: number) => (littleEndian ? out.readUInt16LE(at) : out.readUInt16BE(at));
  const u32 = (at: number) => (littleEndian ? out.readUInt32LE(at) : out.readUInt32BE(at));
  const ifd = u32(4);
  for (let i = 0; i < u16(ifd); i++) {
    const entry = ifd + 2 + i * 12;
    const tag = u16(entry);
    if (tag !== 256 && tag !== 257) continue;
    const value = tag === 256 ? width : height;
    if (u16(entry + 2) === 3) {
      if (littleEndian) out.writeUInt16LE(Math.min(value, 0xffff), entry + 8);
      else out.writeUInt16BE(Math.min(value, 0xffff), entry + 8);
    } else if (littleEndian) out.writeUInt32LE(value, entry + 8);
    else out.writeUInt32BE(value, entry + 8);
  }
  return out;
}
