// Child process of heap-tuning.test.ts: preprocesses the fixture scans' pages over and over, as a worker
// does, and prints how many full (major) collections V8 ran. Argument "tuned": apply the heap tuning first.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { constants, PerformanceObserver } from 'node:perf_hooks';
import { tuneHeapForPageBuffers } from '../../src/heap-tuning.js';
import { imagePageBitmap } from '../../src/ocr/image-page.js';
import { preprocessPage } from '../../src/ocr/preprocess.js';
import { FIXTURES_DIR } from '../../src/paths.js';

if (process.argv[2] === 'tuned') tuneHeapForPageBuffers();
// The modules a worker has loaded make up most of its heap, and the heap's size sets V8's limits.
await import('../../src/cli/program.js');
const scans = [
  [join(FIXTURES_DIR, 'scans', 'ocr-03.scan-200dpi-faded.jpg'), 1],
  [join(FIXTURES_DIR, 'scans', 'two-page.tiff'), 1],
  [join(FIXTURES_DIR, 'scans', 'two-page.tiff'), 2],
] as const;
const preprocessAll = async () => {
  for (const [path, page] of scans) await preprocessPage(await imagePageBitmap(readFileSync(path), page));
};
// A first round warms up, so that only collections brought about by page work are counted.
await preprocessAll();
let majors = 0;
const observer = new PerformanceObserver((list) => {
  for (const entry of list.getEntries())
    if ((entry as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR)
      majors++;
});
observer.observe({ entryTypes: ['gc'] });
const rounds = Number(process.argv[3] ?? 5);
for (let round = 0; round < rounds; round++) await preprocessAll();
await new Promise((resolve) => setTimeout(resolve, 100));
observer.disconnect();
process.stdout.write(`${JSON.stringify({ majors, pages: rounds * scans.length })}\n`);
