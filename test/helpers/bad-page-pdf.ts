import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber } from 'pdf-lib';
import { FIXTURES_DIR } from '../../src/paths.js';

/** A two-page PDF whose first page is a good text-layer page and whose second page object is broken. */
export async function pdfWithBadSecondPage(): Promise<Uint8Array> {
  const source = await PDFDocument.load(await readFile(join(FIXTURES_DIR, 'scans', 'ocr-01.text-layer.pdf')));
  const pdf = await PDFDocument.create();
  const [first] = await pdf.copyPages(source, [0]);
  if (!first) throw new Error('fixture has no page');
  pdf.addPage(first);
  pdf.addPage();
  const pages = pdf.catalog.lookup(PDFName.of('Pages'), PDFDict);
  pages.lookup(PDFName.of('Kids'), PDFArray).set(1, PDFNumber.of(42));
  return pdf.save({ useObjectStreams: false });
}
