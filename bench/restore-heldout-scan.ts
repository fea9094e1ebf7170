/**
 * `npm run bench:restore-heldout-scan`: the repair stage's OCR pass on scans that were not used to tune it.
 * The texts of fixtures/text/heldout and fixtures/text/synthetic (written for this project, not in the
 * language model's corpus) are wrapped at 80 characters, their first 40 lines rendered to a 200-DPI page
 * (DejaVu Serif or Sans, 32–34 px), read by the pipeline's OCR (tesseract.js vie, cached in --cache DIR,
 * default /tmp/vnplan-heldout-scan), and repaired with each `ocrLowConfidence` given on the command line
 * (default 90 100). Prints CER against the rendered lines, as in realscans/README.md.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import type { DocumentText, PageText } from '../src/document-text.js';
import { FIXTURES_DIR, PACKAGE_ROOT } from '../src/paths.js';
import { createDefaultStages, readAllPages } from '../src/pipeline/index.js';
import { loadRestorer } from '../src/vietnamese/load.js';
import { repairDocument } from '../src/vietnamese/repair.js';
import { cer } from './cer.js';

const FONT_DIR = join(PACKAGE_ROOT, 'node_modules', 'dejavu-fonts-ttf', 'ttf');
GlobalFonts.registerFromPath(join(FONT_DIR, 'DejaVuSerif.ttf'), 'VSerif');
GlobalFonts.registerFromPath(join(FONT_DIR, 'DejaVuSans.ttf'), 'VSans');
const cacheAt = process.argv.indexOf('--cache');
const cache = cacheAt > 0 ? process.argv[cacheAt + 1]! : '/tmp/vnplan-heldout-scan';
const letterDoubtAt = process.argv.indexOf('--letter-doubt');
/** `--letter-doubt N`: the repair stage's ocrLetterDoubt (its default when absent; 0 turns it off). */
const letterDoubt = letterDoubtAt > 0 ? Number(process.argv[letterDoubtAt + 1]) : undefined;
const FLAGS = ['--cache', '--letter-doubt'];
const thresholds = process.argv
  .slice(2)
  .filter((arg, index, all) => !FLAGS.includes(arg) && !FLAGS.includes(all[index - 1]!))
  .map(Number);
if (thresholds.length === 0) thresholds.push(90, 100);
mkdirSync(cache, { recursive: true });

function pageLines(file: string): string[] {
  const lines: string[] = [];
  const text = readFileSync(file, 'utf8').normalize('NFC').replace(/\f/g, '\n');
  for (const paragraph of text.split('\n').filter((line) => line.trim())) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line && `${line} ${word}`.length > 80) {
        lines.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    if (line) lines.push(line);
  }
  return lines.slice(0, 40);
}

const files = ['heldout', 'synthetic'].flatMap((set) =>
  readdirSync(join(FIXTURES_DIR, 'text', set))
    .sort()
    .map((name) => join(FIXTURES_DIR, 'text', set, name)),
);
const restorer = loadRestorer();
const stages = createDefaultStages();
const textOf = (doc: DocumentText): string =>
  doc.pages.map((page) => page.lines.map((line) => line.text).join('\n')).join('\n');
const sums = new Map<number, number>();
let raw = 0;
try {
  for (const [index, file] of files.entries()) {
    const lines = pageLines(file);
    const png = join(cache, `${index}.png`);
    if (!existsSync(png)) {
      const canvas = createCanvas(1654, 2339);
      const context = canvas.getContext('2d');
      context.fillStyle = 'white';
      context.fillRect(0, 0, 1654, 2339);
      context.fillStyle = 'black';
      context.font = `${index % 2 ? 32 : 34}px ${index % 3 === 2 ? 'VSans' : 'VSerif'}`;
      lines.forEach((line, at) => context.fillText(line, 130, 150 + at * 52));
      writeFileSync(png, canvas.toBuffer('image/png'));
    }
    const cached = join(cache, `${index}.json`);
    let pages: PageText[];
    if (existsSync(cached)) pages = JSON.parse(readFileSync(cached, 'utf8')) as PageText[];
    else {
      pages = (await readAllPages(stages, await stages.intake(png))).pages;
      writeFileSync(cached, JSON.stringify(pages));
    }
    const truth = lines.join('\n');
    const doc: DocumentText = { pages };
    const row = [file.split('/').pop()!.padEnd(28), (100 * cer(truth, textOf(doc))).toFixed(2).padStart(6)];
    raw += cer(truth, textOf(doc));
    for (const threshold of thresholds) {
      const value = cer(
        truth,
        textOf(
          repairDocument(doc, { restorer, ocrLowConfidence: threshold, ocrLetterDoubt: letterDoubt }).text,
        ),
      );
      sums.set(threshold, (sums.get(threshold) ?? 0) + value);
      row.push((100 * value).toFixed(2).padStart(6));
    }
    console.log(row.join('  '));
  }
} finally {
  await stages.close();
}
console.log(
  `${'mean CER % (raw, then per threshold)'.padEnd(28)}`,
  (100 * (raw / files.length)).toFixed(2),
  thresholds.map((threshold) => (100 * (sums.get(threshold)! / files.length)).toFixed(2)).join('  '),
);
console.log(`thresholds: ${thresholds.join(', ')}`);
