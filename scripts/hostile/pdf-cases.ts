import { createDeflate } from 'node:zlib';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { ccittImageDictionary, type Group4Strip } from './bilevel-pdf.js';
import { flipBits, pdfStreamRanges, randomBytes, seededRandom } from './bytes.js';
import { imagePagePdf, onePagePdf, rawPdf, type PdfObject } from './raw-pdf.js';

/** The text-layer PDF re-saved with a classic xref table, so its xref and trailer can be damaged by hand. */
export async function classicXrefPdf(pdf: Uint8Array): Promise<Buffer> {
  const document = await PDFDocument.load(pdf);
  return Buffer.from(await document.save({ useObjectStreams: false }));
}

/** `pdf` cut to `fraction` of its length: a half-finished download. */
export function truncated(pdf: Uint8Array, fraction: number): Buffer {
  return Buffer.from(pdf.subarray(0, Math.floor(pdf.length * fraction)));
}

/** Every xref entry points to the wrong place: readers must rebuild the table by scanning the file. */
export function brokenXref(classic: Buffer): Buffer {
  const text = classic.toString('latin1');
  const at = text.lastIndexOf('\nxref');
  const fixed = text
    .slice(at)
    .replace(
      /^(\d{10}) (\d{5}) n/gm,
      (_, offset: string, gen: string) => `${String(Number(offset) + 7).padStart(10, '0')} ${gen} n`,
    );
  return Buffer.from(text.slice(0, at) + fixed, 'latin1');
}

/** No `trailer` dictionary and no `startxref`, only the final %%EOF. */
export function missingTrailer(classic: Buffer): Buffer {
  const text = classic.toString('latin1');
  return Buffer.from(`${text.slice(0, text.lastIndexOf('\nxref'))}\n%%EOF\n`, 'latin1');
}

/** Random bits flipped inside the compressed streams (not the structure): damaged content, intact skeleton. */
export function flippedStreams(classic: Buffer, seed: number): Buffer {
  const random = seededRandom(seed);
  let out: Buffer = Buffer.from(classic);
  for (const [start, end] of pdfStreamRanges(classic)) out = flipBits(out, 8, random, start, end);
  return out;
}

export function garbageAfterHeader(seed: number): Buffer {
  return Buffer.concat([
    Buffer.from('%PDF-1.7\n'),
    randomBytes(32 * 1024, seededRandom(seed)),
    Buffer.from('\n%%EOF\n'),
  ]);
}

export function zeroPages(): Buffer {
  return rawPdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [] /Count 0 >>']);
}

/** The page tree's only kid is the tree itself. */
export function cyclicPageTree(): Buffer {
  return rawPdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [2 0 R] /Count 1 >>']);
}

/** A form XObject that draws itself: rendering it naively never ends. */
export function selfDrawingForm(): Buffer {
  return onePagePdf('q /Fm0 Do Q', '<< /XObject << /Fm0 5 0 R >> >>', [
    {
      dict: '<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /XObject << /Fm0 5 0 R >> >> >>',
      stream: Buffer.from('/Fm0 Do'),
    },
  ]);
}

/** A page dictionary holding an array nested `depth` deep, and a chain of `depth` indirect references. */
export function deeplyNested(depth: number): Buffer {
  const nested = `${'['.repeat(depth)}${']'.repeat(depth)}`;
  const chain: PdfObject[] = Array.from({ length: depth }, (_, i) => `<< /Next ${i + 6} 0 R >>`);
  return rawPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Nested ${nested} /Chain 5 0 R >>`,
    { dict: '<< >>', stream: Buffer.from('') },
    ...chain,
    '<< >>',
  ]);
}

/** A page that is only a drawn line, on a MediaBox 99,999,999,999 points wide: it has to be rendered. */
export function absurdDrawing(): Buffer {
  return rawPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 99999999999 61] /Contents 4 0 R >>',
    { dict: '<< >>', stream: Buffer.from('2 w 10 10 m 500 50 l S') },
  ]);
}

/** Deflates `bytes` zero bytes as a stream, never holding them in memory: a few MB that inflate to `bytes`. */
export async function deflatedZeros(bytes: number): Promise<Buffer> {
  const deflate = createDeflate({ level: 9 });
  const chunks: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => deflate.on('end', resolve).on('error', reject));
  const block = Buffer.alloc(16 * 1024 * 1024);
  for (let left = bytes; left > 0; left -= block.length) {
    const piece = left >= block.length ? block : block.subarray(0, left);
    if (!deflate.write(piece)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await done;
  return Buffer.concat(chunks);
}

/** One page that is a single `side` × `side` 1-bit image whose Flate data really is that big once inflated. */
export async function hugeImage(side: number): Promise<Buffer> {
  const data = await deflatedZeros(Math.ceil(side / 8) * side);
  return imagePagePdf(
    `<< /Type /XObject /Subtype /Image /Width ${side} /Height ${side} /ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /FlateDecode >>`,
    data,
  );
}

/** A page whose content stream is small on disk and `bytes` of spaces once inflated. */
export async function contentBomb(bytes: number): Promise<Buffer> {
  return rawPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
    { dict: '<< /Filter /FlateDecode >>', stream: await deflatedZeros(bytes) },
  ]);
}

/** The document with JavaScript run on opening and a file attached: neither may be executed or extracted. */
export async function withJavaScriptAndAttachment(pdf: Uint8Array): Promise<Buffer> {
  const document = await PDFDocument.load(pdf);
  const action = document.context.obj({
    Type: 'Action',
    S: 'JavaScript',
    JS: PDFString.of("app.alert('xin chào'); this.exportDataObject({cName: 'payload.exe', nLaunch: 2});"),
  });
  document.catalog.set(PDFName.of('OpenAction'), document.context.register(action));
  await document.attach(Buffer.from('MZ not really a program'), 'payload.exe', {
    mimeType: 'application/octet-stream',
  });
  return Buffer.from(await document.save());
}

/**
 * `pages` pages that all show the same 1-bit CCITT scan band (one image object, so the file stays small):
 * a long scan that is cheap to make, and whose every page has text to read.
 */
export function manyPageScan(pages: number, strip: Group4Strip): Buffer {
  const width = Math.round((strip.width / 300) * 72);
  const height = Math.round((strip.height / 300) * 72);
  const kids = Array.from({ length: pages }, (_, i) => `${i + 5} 0 R`).join(' ');
  const objects: PdfObject[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`,
    { dict: '<< >>', stream: Buffer.from(`q ${width} 0 0 ${height} 0 0 cm /Im0 Do Q`) },
    { dict: ccittImageDictionary(strip), stream: strip.data },
  ];
  for (let i = 0; i < pages; i++)
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${width} ${height}] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 3 0 R >>`,
    );
  return rawPdf(objects);
}
