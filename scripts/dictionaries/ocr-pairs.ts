/**
 * Makes (truth, OCR) line pairs for the OCR-garble channel model: renders clean Vietnamese lines to page
 * images with DejaVu fonts and reads them back with `tesseract -l eng` (an engine that does not know
 * Vietnamese, like the one that garbled seed 003). Seed 003 and its truth are never used.
 *
 * usage: tsx scripts/dictionaries/ocr-pairs.ts [pages] > pairs.tsv   (VNPLAN_SHARED locates the corpus)
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { PACKAGE_ROOT } from '../../src/paths.js';

const SHARED = process.env.VNPLAN_SHARED ?? join(PACKAGE_ROOT, '..', 'shared');
const PAGES = Number(process.argv[2] ?? 80);
const LINES_PER_PAGE = 24;
const FONT_DIR = join(PACKAGE_ROOT, 'node_modules', 'dejavu-fonts-ttf', 'ttf');
const FONTS = [
  ['DejaVuSerif.ttf', 'VSerif'],
  ['DejaVuSerifCondensed.ttf', 'VSerifC'],
  ['DejaVuSans.ttf', 'VSans'],
  ['DejaVuSerif-Bold.ttf', 'VSerifB'],
] as const;
for (const [file, family] of FONTS) GlobalFonts.registerFromPath(join(FONT_DIR, file), family);

/** Deterministic PRNG so a rebuild makes the same pairs. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
const random = rng(20261122);

function sourceLines(): string[] {
  const files = [
    ...readdirSync(join(SHARED, 'corpus'))
      .filter((f) => f.endsWith('.txt'))
      .map((f) => join(SHARED, 'corpus', f)),
    ...['wiki_03.txt', 'lit_nam-cao_chi-pheo.txt']
      .map((f) => join(SHARED, 'corpus-general', f))
      .filter((f) => {
        try {
          readFileSync(f);
          return true;
        } catch {
          return false;
        }
      }),
  ];
  const out: string[] = [];
  for (const file of files) {
    if (random() > 0.25) continue;
    const words = readFileSync(file, 'utf8').normalize('NFC').split(/\s+/).filter(Boolean);
    const start = Math.floor(random() * Math.max(1, words.length - 400));
    let line: string[] = [];
    for (const w of words.slice(start, start + 400)) {
      line.push(w);
      if (line.join(' ').length > 55 + random() * 25) {
        out.push(line.join(' '));
        line = [];
      }
    }
  }
  return out;
}

function pgm(lines: string[], family: string): Buffer {
  const px = 46 + Math.floor(random() * 10);
  const height = 140 + lines.length * Math.round(px * 1.7);
  const canvas = createCanvas(2480, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, 2480, height);
  ctx.fillStyle = '#000';
  ctx.font = `${px}px ${family}`;
  lines.forEach((line, i) => ctx.fillText(line, 120, 120 + i * Math.round(px * 1.7)));
  const rgba = ctx.getImageData(0, 0, 2480, height).data;
  const header = Buffer.from(`P5\n2480 ${height}\n255\n`);
  const gray = Buffer.alloc(2480 * height);
  for (let i = 0; i < gray.length; i++) gray[i] = rgba[i * 4]!;
  return Buffer.concat([header, gray]);
}

const lines = sourceLines().sort(() => random() - 0.5);
const dir = mkdtempSync(join(tmpdir(), 'vnplan-pairs-'));
try {
  for (let p = 0; p < PAGES && (p + 1) * LINES_PER_PAGE <= lines.length; p++) {
    const page = lines
      .slice(p * LINES_PER_PAGE, (p + 1) * LINES_PER_PAGE)
      .map((l) => (random() < 0.12 ? l.toUpperCase() : l));
    const family = FONTS[p % FONTS.length]![1];
    const image = join(dir, `p${p}.pgm`);
    writeFileSync(image, pgm(page, family));
    const ocr = execFileSync('tesseract', [image, '-', '-l', 'eng', '--psm', '6', '--dpi', '300'], {
      env: { ...process.env, OMP_THREAD_LIMIT: '1' },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    })
      .split('\n')
      .filter((l) => l.trim() !== '');
    if (ocr.length !== page.length) {
      process.stderr.write(`page ${p}: ${ocr.length} OCR lines for ${page.length}, skipped\n`);
      continue;
    }
    for (let i = 0; i < page.length; i++) process.stdout.write(`${page[i]}\t${ocr[i]}\n`);
    process.stderr.write(`page ${p} done\n`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
