import { execFileSync } from 'node:child_process';
import { chmod, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import type { ErrorCode } from '../../src/errors/index.js';
import { FIXTURES_DIR } from '../../src/paths.js';
import { planText } from '../../test/helpers/plan-text.js';
import { randomBytes, seededRandom } from './bytes.js';
import { ccittImageDictionary, ccittPdf, group4Strip, jbig2Pdf } from './bilevel-pdf.js';
import { jpegClaimingSize, pngClaimingSize, tiffClaimingSize } from './image-cases.js';
import { imagePagePdf } from './raw-pdf.js';
import {
  absurdDrawing,
  brokenXref,
  classicXrefPdf,
  contentBomb,
  cyclicPageTree,
  deeplyNested,
  flippedStreams,
  garbageAfterHeader,
  hugeImage,
  manyPageScan,
  missingTrailer,
  selfDrawingForm,
  truncated,
  withJavaScriptAndAttachment,
  zeroPages,
} from './pdf-cases.js';
import { LEGACY_TEXT_ENCODINGS } from './text-cases.js';
import { minimalDocx, storedZip } from './zip.js';

/** One file (or link, pipe, folder) of the corpus and what importing it must end in. */
export interface HostileCase {
  /** Path relative to the corpus folder, as discovery reports it. */
  file: string;
  /** The failure code it must end with, or 'stored' for a file that can and must be read. */
  expect: ErrorCode | 'stored';
  /** What is wrong with it, for reports. */
  what: string;
  /** For stored plans: the document number the record must carry (proves the text was really read). */
  number?: string;
}

export interface CorpusOptions {
  /** Pages of the long scan. @defaultValue 500 */
  longScanPages?: number;
  /** Side of the one-image page, in pixels. @defaultValue 100000 */
  hugeImageSide?: number;
  /** Bytes the content-stream bomb inflates to. @defaultValue 1 GiB */
  contentBombBytes?: number;
}

const fixture = (...parts: string[]) => readFile(join(FIXTURES_DIR, ...parts));

/**
 * Writes the hostile-input corpus into `dir` (which should be empty) and returns what each entry must end
 * in. Everything is generated from the committed fixtures and fixed seeds: the same corpus every time.
 */
export async function writeHostileCorpus(dir: string, options: CorpusOptions = {}): Promise<HostileCase[]> {
  const cases: HostileCase[] = [];
  const add = async (
    file: string,
    data: Uint8Array | string,
    expect: HostileCase['expect'],
    what: string,
    number?: string,
  ) => {
    await mkdir(dirname(join(dir, file)), { recursive: true });
    await writeFile(join(dir, file), data);
    cases.push({ file, expect, what, ...(number ? { number } : {}) });
  };

  const textLayer = await fixture('scans', 'ocr-01.text-layer.pdf');
  const classic = await classicXrefPdf(textLayer);
  await add('good/text-layer.pdf', textLayer, 'stored', 'a good born-digital PDF');
  await add('good/kế hoạch số 1.txt', planText(701), 'stored', 'a good text plan', '701/KH-SYT');

  for (const fraction of [0.02, 0.35, 0.7, 0.995])
    await add(
      `pdf/truncated-${Math.round(fraction * 1000)}permille.pdf`,
      truncated(textLayer, fraction),
      'VNPLAN_E_PDF_CORRUPT',
      `cut at ${fraction * 100}% of its length`,
    );
  await add(
    'pdf/broken-xref.pdf',
    brokenXref(classic),
    'stored',
    'every xref offset wrong: rebuilt by scanning',
  );
  await add(
    'pdf/missing-trailer.pdf',
    missingTrailer(classic),
    'VNPLAN_E_PDF_CORRUPT',
    'no trailer, no startxref (pdfjs cannot find the catalog; qpdf can repair it)',
  );
  await add(
    'pdf/bit-flipped-streams.pdf',
    flippedStreams(classic, 7),
    'VNPLAN_E_NO_TEXT',
    'random bits flipped in every stream',
  );
  await add(
    'pdf/garbage-after-header.pdf',
    garbageAfterHeader(11),
    'VNPLAN_E_PDF_CORRUPT',
    'a PDF header, then 32 KB of noise',
  );
  await add(
    'garbage/random-bytes.pdf',
    randomBytes(64 * 1024, seededRandom(5)),
    'VNPLAN_E_UNSUPPORTED_TYPE',
    '64 KB of noise named .pdf',
  );
  await add('pdf/zero-pages.pdf', zeroPages(), 'VNPLAN_E_PDF_NO_PAGES', 'an empty page tree');
  await add(
    'pdf/encrypted-user-password.pdf',
    await fixture('scans', 'encrypted-user-password.pdf'),
    'VNPLAN_E_PDF_ENCRYPTED',
    'needs a password to open',
  );
  await add(
    'pdf/encrypted-owner-only.pdf',
    await fixture('scans', 'encrypted-owner-only.pdf'),
    'stored',
    'restricted by an owner password only: readable',
  );
  await add(
    'pdf/huge-image.pdf',
    await hugeImage(options.hugeImageSide ?? 100_000),
    'VNPLAN_E_IMAGE_TOO_LARGE',
    'one page that is a 100,000 × 100,000 image (1.25 GB inflated)',
  );
  await add(
    'pdf/content-bomb.pdf',
    await contentBomb(options.contentBombBytes ?? 1024 ** 3),
    'VNPLAN_E_PDF_STREAM_TOO_LARGE',
    'a page content stream that inflates to 1 GiB',
  );
  await add(
    'pdf/cyclic-page-tree.pdf',
    cyclicPageTree(),
    'VNPLAN_E_PDF_CORRUPT',
    'the page tree contains itself',
  );
  await add(
    'pdf/self-drawing-form.pdf',
    selfDrawingForm(),
    'VNPLAN_E_NO_TEXT',
    'a form XObject that draws itself',
  );
  await add(
    'pdf/deeply-nested.pdf',
    deeplyNested(100_000),
    'VNPLAN_E_PDF_CORRUPT',
    'arrays nested 100,000 deep and a 100,000-long reference chain',
  );
  const scan = (await fixture('scans', 'ocr-01.scan-300dpi-1bit.pdf')).toString('latin1');
  await add(
    'pdf/lying-image-height.pdf',
    Buffer.from(scan.replace(/\/Height \d+/, '/Height 0.0001'), 'latin1'),
    'VNPLAN_E_PDF_CORRUPT',
    'a scan image 0.0001 rows high (found by fuzzing: pdfjs spun forever)',
  );
  await add(
    'pdf/lying-bits-per-component.pdf',
    Buffer.from(scan.replace(/\/BitsPerComponent \d+/, '/BitsPerComponent 1e9'), 'latin1'),
    'VNPLAN_E_PDF_CORRUPT',
    'a scan image of 10^9 bits per component (found by fuzzing: pdfjs spun forever)',
  );
  await add(
    'pdf/javascript-and-attachment.pdf',
    await withJavaScriptAndAttachment(textLayer),
    'stored',
    'JavaScript on open and an attached .exe: ignored',
  );

  const tiff = await fixture('scans', 'two-page.tiff');
  const strip = await group4Strip(tiff, { left: 100, top: 180, width: 2200 });
  await add('pdf/ccitt-g4.pdf', ccittPdf(strip), 'stored', 'a 1-bit CCITT Group 4 image page');
  await add('pdf/jbig2.pdf', jbig2Pdf(strip), 'stored', 'a 1-bit JBIG2 image page');
  await add(
    'pdf/absurd-page-size-scan.pdf',
    imagePagePdf(ccittImageDictionary(strip), strip.data, { width: 99_999_999_999, height: 61 }),
    'stored',
    'a scan page claiming to be 99,999,999,999 points wide: its image is read at its own resolution',
  );
  await add(
    'pdf/absurd-page-size-drawing.pdf',
    absurdDrawing(),
    'VNPLAN_E_RENDER_FAILED',
    'a drawn page claiming to be 99,999,999,999 points wide (found by fuzzing: it made a 2 GB canvas)',
  );
  await add(
    'pdf/long-scan-500-pages.pdf',
    manyPageScan(options.longScanPages ?? 500, strip),
    'VNPLAN_E_TOO_MANY_PAGES',
    'a 500-page scan, over --max-pages',
  );

  const png = await sharp(tiff).extract({ left: 0, top: 0, width: 1200, height: 600 }).png().toBuffer();
  const jpeg = await fixture('scans', 'ocr-03.scan-200dpi-faded.jpg');
  await add('image/truncated.png', truncated(png, 0.5), 'VNPLAN_E_IMAGE_CORRUPT', 'a PNG cut in half');
  await add('image/truncated.jpg', truncated(jpeg, 0.5), 'VNPLAN_E_IMAGE_CORRUPT', 'a JPEG cut in half');
  await add(
    'image/truncated.tiff',
    truncated(tiff, 0.5),
    'VNPLAN_E_IMAGE_CORRUPT',
    'a two-page TIFF cut in half',
  );
  await add(
    'image/png-claims-100000x100000.png',
    pngClaimingSize(png, 100_000, 100_000),
    'VNPLAN_E_IMAGE_TOO_LARGE',
    'a small PNG whose header claims 10 gigapixels',
  );
  await add(
    'image/jpeg-claims-65000x65000.jpg',
    jpegClaimingSize(jpeg, 65_000, 65_000),
    'VNPLAN_E_IMAGE_TOO_LARGE',
    'a JPEG whose frame header claims 4 gigapixels',
  );
  await add(
    'image/tiff-claims-65535x65535.tiff',
    tiffClaimingSize(tiff, 65_535, 65_535),
    'VNPLAN_E_IMAGE_TOO_LARGE',
    'a TIFF whose tags claim 4 gigapixels',
  );
  await add(
    'image/png-claims-1x1.png',
    pngClaimingSize(png, 1, 1),
    'VNPLAN_E_NO_TEXT',
    'a PNG whose header claims 1 × 1 pixel',
  );

  await add(
    'pdf/jpeg-lies-about-size.pdf',
    imagePagePdf(
      '<< /Type /XObject /Subtype /Image /Width 1682 /Height 2359 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode >>',
      jpegClaimingSize(jpeg, 65_000, 65_000),
    ),
    'VNPLAN_E_NO_TEXT',
    'a scan page whose JPEG data claims 65,000 × 65,000 pixels (pdfjs drops the image)',
  );
  await add(
    'office/báo cáo.docx.pdf',
    minimalDocx('Kế hoạch'),
    'VNPLAN_E_UNSUPPORTED_TYPE',
    'a Word file renamed .pdf',
  );
  await add(
    'office/scans.zip.pdf',
    storedZip({ 'a.pdf': '%PDF-1.4' }),
    'VNPLAN_E_UNSUPPORTED_TYPE',
    'a ZIP archive renamed .pdf',
  );
  await add('empty/empty.pdf', '', 'VNPLAN_E_FILE_EMPTY', 'a 0-byte file');

  let serial = 710;
  for (const [encoding, encode] of Object.entries(LEGACY_TEXT_ENCODINGS)) {
    // TCVN3 has no marked capitals ("KẾ HOẠCH" comes back "Kế HOạCH"), and the header is then not recognised.
    const number = encoding === 'tcvn3' ? undefined : `${serial}/KH-SYT`;
    await add(
      `text/${encoding}.txt`,
      encode(planText(serial++)),
      'stored',
      `a text plan in ${encoding}`,
      number,
    );
  }
  for (const name of [
    'tên có dấu cách.txt',
    'kế hoạch $(touch pwned) `id` ; rm -rf x & | > <.txt',
    'it\'s "quoted" * ? [a] {b} \\ #.txt',
    'xuống\ndòng.txt',
    '-- --help.txt',
  ]) {
    const number = `${serial}/KH-SYT`;
    await add(`names/${name}`, planText(serial++), 'stored', 'a good plan with an awkward file name', number);
  }

  // File-system oddities: loops, things that are not files, a file the user cannot read.
  await mkdir(join(dir, 'links'), { recursive: true });
  await symlink('..', join(dir, 'links', 'back-to-top'));
  cases.push({
    file: 'links/back-to-top',
    expect: 'VNPLAN_E_SYMLINK_LOOP',
    what: 'a link to an enclosing folder',
  });
  await symlink('self-loop.pdf', join(dir, 'links', 'self-loop.pdf'));
  cases.push({ file: 'links/self-loop.pdf', expect: 'VNPLAN_E_SYMLINK_LOOP', what: 'a link to itself' });
  await symlink('../nowhere/moved-away.pdf', join(dir, 'links', 'dangling.pdf'));
  cases.push({
    file: 'links/dangling.pdf',
    expect: 'VNPLAN_E_FILE_NOT_FOUND',
    what: 'a link to a file that is gone',
  });
  await mkdir(join(dir, 'unreadable'), { recursive: true });
  execFileSync('mkfifo', [join(dir, 'unreadable', 'named-pipe.pdf')]);
  cases.push({
    file: 'unreadable/named-pipe.pdf',
    expect: 'VNPLAN_E_FILE_UNREADABLE',
    what: 'a FIFO: reading it would wait forever',
  });
  const number = `${serial}/KH-SYT`;
  await add(
    'unreadable/folder.pdf/inside.txt',
    planText(serial++),
    'stored',
    'a folder named .pdf is walked as a folder',
    number,
  );
  await add(
    'unreadable/no-permission.txt',
    planText(serial++),
    process.getuid?.() === 0 ? 'stored' : 'VNPLAN_E_FILE_UNREADABLE',
    'mode 000 (root reads it anyway)',
    process.getuid?.() === 0 ? `${serial - 1}/KH-SYT` : undefined,
  );
  await chmod(join(dir, 'unreadable', 'no-permission.txt'), 0o000);
  return cases;
}
