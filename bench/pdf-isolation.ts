// npm run bench:pdf-isolation [-- --rounds 6]
// The cost of reading PDF pages in a supervised worker thread instead of in-process: each round opens
// every fixture PDF, reads its first page's text layer and makes its OCR bitmap, the way the pipeline
// does for one page, once in-process and once isolated, alternating (the machine is shared: the two
// runs see the same load). Prints pages per minute of each and the overhead per page.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FIXTURES_DIR } from '../src/paths.js';
import { IsolatedPdf, openPdf, pageBitmap, pdfReaders, readPdfPage } from '../src/pdf/index.js';

const FILES = [
  'scans/ocr-01.text-layer.pdf',
  'scans/ocr-01.scan-300dpi-1bit.pdf',
  'scans/legacy-tcvn3-text-layer.pdf',
  'scans/encrypted-owner-only.pdf',
  'samples/sample-scan.pdf',
  'samples/sample-text-layer.pdf',
];
const rounds = Number(process.argv[process.argv.indexOf('--rounds') + 1] || 6) || 6;

async function inProcess(data: Buffer): Promise<number> {
  const document = await openPdf(data);
  try {
    const read = await readPdfPage(document, 1);
    const bitmap = await pageBitmap(read.page, read.content);
    read.page.cleanup();
    return bitmap.data.length;
  } finally {
    await document.destroy();
  }
}

async function isolated(data: Buffer): Promise<number> {
  const document = await IsolatedPdf.open(data);
  try {
    await document.readPage(1);
    const bitmap = await document.pageBitmap(1);
    document.releasePage(1);
    return bitmap.data.length;
  } finally {
    await document.destroy();
  }
}

const inputs = await Promise.all(FILES.map((file) => readFile(join(FIXTURES_DIR, file))));
const runs = { 'in-process': inProcess, isolated };
const totals: Record<string, number> = { 'in-process': 0, isolated: 0 };
// One unmeasured pass each: module loading and the first thread are start-up costs, not per-page ones.
for (const read of Object.values(runs)) for (const data of inputs) await read(data);
for (let round = 0; round < rounds; round++) {
  const order =
    round % 2 === 0 ? (['in-process', 'isolated'] as const) : (['isolated', 'in-process'] as const);
  for (const name of order) {
    const started = performance.now();
    for (const data of inputs) await runs[name](data);
    totals[name]! += performance.now() - started;
  }
}
const pages = rounds * inputs.length;
for (const [name, ms] of Object.entries(totals))
  console.log(
    `${name.padEnd(11)} ${((pages / ms) * 60_000).toFixed(0).padStart(5)} pages/min  ${(ms / pages).toFixed(0)} ms/page`,
  );
console.log(`isolation overhead: ${((totals.isolated! - totals['in-process']!) / pages).toFixed(0)} ms/page`);
await pdfReaders().close();
