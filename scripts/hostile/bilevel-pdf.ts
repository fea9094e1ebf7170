import sharp from 'sharp';
import { imagePagePdf } from './raw-pdf.js';

/**
 * 1-bit scans as office scanners and copiers write them into PDFs: CCITT Group 4 (/CCITTFaxDecode) and
 * JBIG2 (/JBIG2Decode, generic region coded with MMR, which is Group 4 inside). Both are built from one
 * strip of a Group 4 TIFF that sharp (libtiff) encodes, so no extra encoder is needed.
 */
export interface Group4Strip {
  data: Buffer;
  width: number;
  height: number;
}

/** libtiff writes 256 rows per strip; one strip is one self-contained Group 4 image. */
const ROWS_PER_STRIP = 256;

function tiffTag(tiff: Buffer, wanted: number): number {
  const littleEndian = tiff[0] === 0x49;
  const u16 = (at: number) => (littleEndian ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (littleEndian ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  const ifd = u32(4);
  for (let i = 0; i < u16(ifd); i++) {
    const entry = ifd + 2 + i * 12;
    if (u16(entry) !== wanted) continue;
    const type = u16(entry + 2);
    const count = u32(entry + 4);
    if (count === 1) return type === 3 ? u16(entry + 8) : u32(entry + 8);
    return u32(u32(entry + 8)); // first value of an array stored elsewhere
  }
  throw new Error(`TIFF tag ${wanted} missing`);
}

/**
 * A band of a page image as one Group 4 strip in the fax convention (0 bits = white), so that PDF's
 * defaults (BlackIs1 false; JBIG2 1 = black) show it the right way round.
 */
export async function group4Strip(
  image: Buffer,
  region: { left: number; top: number; width: number },
): Promise<Group4Strip> {
  const height = ROWS_PER_STRIP;
  const tiff = await sharp(image)
    .extract({ ...region, height })
    .toColourspace('b-w')
    .threshold(128)
    .negate()
    .tiff({ compression: 'ccittfax4', bitdepth: 1 })
    .toBuffer();
  if (tiffTag(tiff, 278) < height) throw new Error('expected the band to fit one TIFF strip');
  const offset = tiffTag(tiff, 273);
  const length = tiffTag(tiff, 279);
  return { data: tiff.subarray(offset, offset + length), width: region.width, height };
}

/** Page size in points for a strip at 300 DPI. */
function pageSize(strip: Group4Strip) {
  return { width: Math.round((strip.width / 300) * 72), height: Math.round((strip.height / 300) * 72) };
}

export function ccittImageDictionary(strip: Group4Strip): string {
  return `<< /Type /XObject /Subtype /Image /Width ${strip.width} /Height ${strip.height} /ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /CCITTFaxDecode /DecodeParms << /K -1 /Columns ${strip.width} /Rows ${strip.height} >> >>`;
}

export function ccittPdf(strip: Group4Strip): Buffer {
  return imagePagePdf(ccittImageDictionary(strip), strip.data, pageSize(strip));
}

function segment(number: number, type: number, data: Buffer): Buffer {
  const header = Buffer.alloc(11);
  header.writeUInt32BE(number, 0);
  header.writeUInt8(type, 4); // one-byte page association, no deferred non-retain
  header.writeUInt8(0, 5); // refers to no other segment
  header.writeUInt8(1, 6); // page 1
  header.writeUInt32BE(data.length, 7);
  return Buffer.concat([header, data]);
}

/** JBIG2 embedded stream (no file header, as PDF wants it): page information, one MMR generic region, end of page. */
export function jbig2Stream(strip: Group4Strip): Buffer {
  const page = Buffer.alloc(19);
  page.writeUInt32BE(strip.width, 0);
  page.writeUInt32BE(strip.height, 4);
  page.writeUInt32BE(300, 8);
  page.writeUInt32BE(300, 12);
  const region = Buffer.alloc(18);
  region.writeUInt32BE(strip.width, 0);
  region.writeUInt32BE(strip.height, 4);
  region.writeUInt8(0x01, 17); // generic region flags: MMR
  return Buffer.concat([
    segment(0, 48, page),
    segment(1, 38, Buffer.concat([region, strip.data])),
    segment(2, 49, Buffer.alloc(0)),
  ]);
}

export function jbig2Pdf(strip: Group4Strip): Buffer {
  return imagePagePdf(
    `<< /Type /XObject /Subtype /Image /Width ${strip.width} /Height ${strip.height} /ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /JBIG2Decode >>`,
    jbig2Stream(strip),
    pageSize(strip),
  );
}
