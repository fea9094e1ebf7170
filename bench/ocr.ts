/**
 * `npm run bench:ocr`: character error rate and speed of vnplan's OCR against plain native tesseract
 * (and throughput against ocrmypdf), on ../shared/realscans (page 1 of each, against truth/) and on the
 * generated fixture scans (`npm run fixtures` first). Peers run only when their command is installed.
 * Set BENCH_SKIP_FIXTURES=1, BENCH_SKIP_ACCURACY=1 or BENCH_SKIP_THROUGHPUT=1 to shorten a run.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { openSource } from '../src/intake/index.js';
import { OcrPool, pageText, readDocumentText } from '../src/ocr/index.js';
import { analysePageContent, openPdf, pageBitmap } from '../src/pdf/index.js';
import { FIXTURES_DIR, PACKAGE_ROOT } from '../src/paths.js';
import { cer } from './cer.js';

const run = promisify(execFile);
const SHARED = process.env.VNPLAN_SHARED ?? resolve(PACKAGE_ROOT, '..', 'shared');
const TMP = mkdtempSync(join(tmpdir(), 'vnplan-bench-'));
const has = (command: string) => {
  try {
    execFileSync('which', [command], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
const HAS_TESSERACT = has('tesseract');
const HAS_OCRMYPDF = has('ocrmypdf');
const NATIVE_ENV = { ...process.env, OMP_THREAD_LIMIT: '1' };

interface Case {
  name: string;
  pdf: string;
  truth: string;
}

function cases(): { real: Case[]; fixtures: Case[] } {
  const realDir = join(SHARED, 'realscans');
  const real = existsSync(realDir)
    ? readdirSync(join(realDir, 'image-only'))
        .filter((f) => f.endsWith('.pdf'))
        .sort()
        .map((f) => ({
          name: basename(f, '.pdf'),
          pdf: join(realDir, 'image-only', f),
          truth: readFileSync(join(realDir, 'truth', `${basename(f, '.pdf')}.txt`), 'utf8'),
        }))
    : [];
  const generated = join(FIXTURES_DIR, 'generated');
  const fixtures =
    existsSync(generated) && !process.env.BENCH_SKIP_FIXTURES
      ? readdirSync(generated)
          .filter((f) => /\.scan-.*\.pdf$/.test(f))
          .sort()
          .map((f) => ({
            name: f.replace(/\.pdf$/, ''),
            pdf: join(generated, f),
            truth: readFileSync(join(generated, `${f.split('.scan-')[0]}.p1.truth.txt`), 'utf8'),
          }))
      : [];
  return { real, fixtures };
}

/** Page 1 of a PDF as the PNG native tesseract gets: the same embedded image vnplan starts from. */
async function pageImage(pdf: string): Promise<string> {
  const document = await openPdf(readFileSync(pdf));
  const page = await document.getPage(1);
  const bitmap = await pageBitmap(page, await analysePageContent(page));
  await document.destroy();
  const out = join(TMP, `${basename(pdf, '.pdf')}.png`);
  await sharp(bitmap.data, { raw: { width: bitmap.width, height: bitmap.height, channels: bitmap.channels } })
    .withMetadata({ density: bitmap.dpi })
    .png()
    .toFile(out);
  return out;
}

async function nativeTesseract(image: string): Promise<string> {
  const { stdout } = await run('tesseract', [image, '-', '-l', 'vie'], {
    env: NATIVE_ENV,
    maxBuffer: 1 << 26,
  });
  return stdout;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0
    ? 0
    : s.length % 2
      ? s[(s.length - 1) / 2]!
      : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const pct = (x: number) => `${(x * 100).toFixed(2)}%`;

async function accuracy(label: string, set: Case[], pool: OcrPool): Promise<void> {
  if (set.length === 0) return;
  console.log(`\n## ${label}: CER per page (page 1), seconds per page (one worker / one process)`);
  console.log(
    '| page | vnplan CER | vnplan s | vnplan CPU s | tesseract CER | tesseract s |\n|---|---:|---:|---:|---:|---:|',
  );
  const ours: number[] = [];
  const theirs: number[] = [];
  let oursTime = 0;
  let oursCpu = 0;
  let theirsTime = 0;
  for (const item of set) {
    let start = performance.now();
    const cpuBefore = process.cpuUsage();
    const { source, data } = await openSource(item.pdf);
    const text = await readDocumentText(source, { pool, data, pages: [1] });
    const seconds = (performance.now() - start) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    // The process's CPU time includes the OCR worker threads: a figure that other load on the machine barely moves.
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    oursTime += seconds;
    oursCpu += cpuSeconds;
    const ourCer = cer(item.truth, pageText(text.pages[0]!));
    ours.push(ourCer);
    let native = '–';
    let nativeSeconds = '–';
    if (HAS_TESSERACT) {
      const image = await pageImage(item.pdf);
      start = performance.now();
      const output = await nativeTesseract(image);
      const elapsed = (performance.now() - start) / 1000;
      theirsTime += elapsed;
      const theirCer = cer(item.truth, output);
      theirs.push(theirCer);
      native = pct(theirCer);
      nativeSeconds = elapsed.toFixed(1);
    }
    console.log(
      `| ${item.name} | ${pct(ourCer)} | ${seconds.toFixed(1)} | ${cpuSeconds.toFixed(2)} | ${native} | ${nativeSeconds} |`,
    );
  }
  console.log(
    `| **mean** | **${pct(mean(ours))}** | ${(oursTime / set.length).toFixed(1)} | ${(oursCpu / set.length).toFixed(2)} | ${theirs.length ? pct(mean(theirs)) : '–'} | ${theirs.length ? (theirsTime / set.length).toFixed(1) : '–'} |`,
  );
  console.log(`| median | ${pct(median(ours))} | | | ${theirs.length ? pct(median(theirs)) : '–'} | |`);
  if (theirs.length)
    console.log(
      `CER ratio vnplan / tesseract: ${(mean(ours) / mean(theirs)).toFixed(2)}; time ratio: ${(oursTime / theirsTime).toFixed(2)}`,
    );
}

async function throughput(set: Case[]): Promise<void> {
  if (set.length === 0 || process.env.BENCH_SKIP_THROUGHPUT) return;
  console.log(`\n## Throughput, default settings, wall clock, the same ${set.length} PDFs`);
  let start = performance.now();
  const pool = new OcrPool();
  await Promise.all(
    set.map(async (item) => {
      const { source, data } = await openSource(item.pdf);
      await readDocumentText(source, { pool, data });
    }),
  );
  await pool.close();
  const ours = (set.length / (performance.now() - start)) * 60_000;
  console.log(`vnplan (${pool.size} workers): ${ours.toFixed(2)} pages/min`);
  if (HAS_OCRMYPDF) {
    start = performance.now();
    for (const item of set)
      await run('ocrmypdf', ['-q', '-l', 'vie', item.pdf, join(TMP, `${item.name}.ocr.pdf`)], {
        maxBuffer: 1 << 26,
      });
    const theirs = (set.length / (performance.now() - start)) * 60_000;
    console.log(`ocrmypdf -l vie: ${theirs.toFixed(2)} pages/min → vnplan is ${(ours / theirs).toFixed(2)}×`);
  }
  if (HAS_TESSERACT) {
    const images = await Promise.all(set.map((item) => pageImage(item.pdf)));
    start = performance.now();
    let next = 0;
    await Promise.all(
      [0, 1].map(async () => {
        while (next < images.length) await nativeTesseract(images[next++]!);
      }),
    );
    const native = (set.length / (performance.now() - start)) * 60_000;
    console.log(
      `native tesseract, 2 processes, OMP_THREAD_LIMIT=1 (page images given): ${native.toFixed(2)} pages/min → vnplan is ${(ours / native).toFixed(2)}×`,
    );
  }
}

const { real, fixtures } = cases();
const pool = new OcrPool({ workers: 1 });
try {
  if (!process.env.BENCH_SKIP_ACCURACY) {
    await accuracy('realscans/image-only', real, pool);
    await accuracy('fixture scans', fixtures, pool);
  }
} finally {
  await pool.close();
}
await throughput(real);
writeFileSync(join(TMP, 'done'), '');
