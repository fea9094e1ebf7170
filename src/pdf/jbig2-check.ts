/** Segment types that begin with a region segment information field (width, height, x, y, flags). */
const REGION_TYPES = new Set([4, 6, 7, 20, 22, 23, 36, 38, 39, 40, 42, 43]);
const PAGE_INFORMATION = 48;
const END_OF_FILE = 51;
/** A page height of 0xffffffff means "striped, not known yet". */
const UNKNOWN = 0xffffffff;

/**
 * Walks the segment headers of a JBIG2 stream embedded in a PDF and returns what the decoder must not be
 * given, or undefined: a page or region larger than `maxPixels` (the decoder sizes its bitmaps from these
 * headers, not from the image dictionary), or a header that refers to more segments than the stream has
 * bytes (pdfjs builds that list first: damaged data read as a header asks for up to 2^29 entries, which
 * took it 40 s and 4 GB).
 */
export function jbig2OverLimit(data: Buffer, maxPixels: number): string | undefined {
  let at = 0;
  while (at + 11 <= data.length) {
    const number = data.readUInt32BE(at);
    const flags = data[at + 4]!;
    const type = flags & 0x3f;
    let p = at + 5;
    let referred = data[p]! >> 5;
    if (referred === 7) {
      if (p + 4 > data.length) return undefined;
      referred = data.readUInt32BE(p) & 0x1fffffff;
      p += 4 + Math.ceil((referred + 1) / 8);
    } else p += 1;
    if (referred > data.length - at)
      return `a JBIG2 segment header referring to ${referred} segments in a ${data.length}-byte stream`;
    p += referred * (number <= 256 ? 1 : number <= 65536 ? 2 : 4);
    p += flags & 0x40 ? 4 : 1;
    if (p + 4 > data.length) return undefined;
    const length = data.readUInt32BE(p);
    p += 4;
    if ((type === PAGE_INFORMATION || REGION_TYPES.has(type)) && p + 8 <= data.length) {
      const width = data.readUInt32BE(p);
      const height = data.readUInt32BE(p + 4);
      const pixels = width * (type === PAGE_INFORMATION && height === UNKNOWN ? 1 : height);
      if (pixels > maxPixels)
        return `a JBIG2 ${type === PAGE_INFORMATION ? 'page' : 'region'} of ${width} × ${height} pixels`;
    }
    if (length === UNKNOWN || type === END_OF_FILE) return undefined;
    at = p + length;
  }
  return undefined;
}
