/**
 * `npm run bench:restore-ocr`: the repair stage on real tesseract (vie) output. Page 1 of each image-only
 * PDF in realscans is OCR'd once (cached as `vnplan ocr --json` output in --cache, default
 * /tmp/vnplan-realscans-ocr; run `npm run build` first), then CER against truth/ is measured for the raw OCR
 * text, the repair stage without the OCR pass (pages judged like any text), and with it.
 * Reads VNPLAN_SHARED (default ../shared).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DocumentText } from '../src/document-text.js';
import { PACKAGE_ROOT } from '../src/paths.js';
import { loadRestorer } from '../src/vietnamese/load.js';
import { repairDocument } from '../src/vietnamese/repair.js';
import { sharedDir } from '../scripts/dictionaries/corpus.js';
import { cer } from './cer.js';

const shared = sharedDir(PACKAGE_ROOT);
const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const cache = arg('--cache') ?? '/tmp/vnplan-realscans-ocr';
const threshold = arg('--threshold') === undefined ? undefined : Number(arg('--threshold'));
/** `--letter-doubt N`: the repair stage's ocrLetterDoubt (its default when absent; 0 turns it off). */
const letterDoubt = arg('--letter-doubt') === undefined ? undefined : Number(arg('--letter-doubt'));
mkdirSync(cache, { recursive: true });
const dir = join(shared, 'realscans', 'image-only');
const restorer = loadRestorer();
const textOf = (doc: DocumentText): string =>
  doc.pages.map((p) => p.lines.map((l) => l.text).join('\n')).join('\n');
const rows: { name: string; raw: number; before: number; after: number; edits: number }[] = [];
for (const file of readdirSync(dir)
  .filter((f) => f.endsWith('.pdf'))
  .sort()) {
  const name = file.replace(/\.pdf$/, '');
  const cached = join(cache, `${name}.json`);
  if (!existsSync(cached) || readFileSync(cached).length === 0) {
    const json = execFileSync(
      process.execPath,
      [join(PACKAGE_ROOT, 'bin', 'vnplan.js'), 'ocr', join(dir, file), '--json', '--pages', '1'],
      {
        maxBuffer: 1 << 28,
      },
    );
    writeFileSync(cached, json);
  }
  const ocr = JSON.parse(readFileSync(cached, 'utf8')) as DocumentText;
  const doc: DocumentText = { pages: ocr.pages.filter((p) => p.page === 1) };
  const truth = readFileSync(join(shared, 'realscans', 'truth', `${name}.txt`), 'utf8');
  const asText: DocumentText = { pages: doc.pages.map((p) => ({ ...p, source: 'text-file' as const })) };
  const before = repairDocument(asText, { restorer }).text;
  const after = repairDocument(doc, { restorer, ocrLowConfidence: threshold, ocrLetterDoubt: letterDoubt });
  rows.push({
    name,
    raw: cer(truth, textOf(doc)),
    before: cer(truth, textOf(before)),
    after: cer(truth, textOf(after.text)),
    edits: after.edits.filter((e) => e.reason === 'diacritics').length,
  });
}
const pct = (x: number): string => `${(100 * x).toFixed(2)}%`.padStart(8);
process.stdout.write(`${'page'.padEnd(32)}  raw OCR   before    after  diacritics edits\n`);
for (const r of rows)
  process.stdout.write(`${r.name.padEnd(32)} ${pct(r.raw)} ${pct(r.before)} ${pct(r.after)}  ${r.edits}\n`);
const mean = (k: 'raw' | 'before' | 'after'): number => rows.reduce((s, r) => s + r[k], 0) / rows.length;
process.stdout.write(
  `${'mean'.padEnd(32)} ${pct(mean('raw'))} ${pct(mean('before'))} ${pct(mean('after'))}\n`,
);
