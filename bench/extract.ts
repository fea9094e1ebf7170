/**
 * `npm run bench:extract`: scores `extractRecord` against the hand-written gold in fixtures/gold (seeds,
 * realscans truth texts, synthetic documents, reported separately), GROBID style, and times extraction of
 * a 20-page text document. Results also go to bench/results/extract.json.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { extractRecord } from '../src/extract/index.js';
import type { PageText } from '../src/document-text.js';
import type { SourceFile } from '../src/intake/index.js';
import {
  createDefaultStages,
  finishDocument,
  readAllPages,
  type PageFailure,
} from '../src/pipeline/index.js';
import { FIXTURES_DIR, PACKAGE_ROOT } from '../src/paths.js';
import { PlanRecord } from '../src/record/index.js';
import { segmentDocument } from '../src/segment/index.js';
import { documentTextFromString } from '../src/text-input/index.js';
import {
  addCounts,
  FAMILIES,
  prf,
  scoreRecord,
  type Counts,
  type Family,
  type Gold,
  type Mode,
} from './lib/score.js';

const ALL_SETS = [
  'seeds',
  'realscans',
  'realscans-ocr',
  'synthetic',
  'heldout',
  'corpus',
  'corpus2',
  'realscans-pdf',
  'realscans-scan',
  'realscans-scan-truth',
  'seeds-restored',
] as const;
type SetName = (typeof ALL_SETS)[number];
/**
 * Sets run through the whole vnplan pipeline (intake, text layer or OCR, repair) on a file: the gold
 * directory they are scored against and the file each gold record describes.
 */
const PIPELINE_SETS: Partial<
  Record<SetName, { gold: string; file: (gold: Gold) => string; goldPages?: number }>
> = {
  // The published PDFs (some have a text layer, some are signed scans). They run to 21 pages, the gold
  // describes page 1: what was read from later pages is left out of the score.
  'realscans-pdf': {
    gold: 'realscans-image',
    goldPages: 1,
    file: (gold) => join(SHARED, 'realscans', 'originals', `${realscanName(gold).replace(/^real_/, '')}.pdf`),
  },
  // Page 1 of each as an image-only PDF: everything through OCR. Scored against the gold of what the
  // page image prints (realscans-image: the truth-text gold with the places where truth/ differs from the
  // image corrected, each checked on the image), and against the truth-text gold as before.
  'realscans-scan': {
    gold: 'realscans-image',
    file: (gold) => join(SHARED, 'realscans', 'image-only', `${realscanName(gold)}.pdf`),
  },
  'realscans-scan-truth': {
    gold: 'realscans',
    file: (gold) => join(SHARED, 'realscans', 'image-only', `${realscanName(gold)}.pdf`),
  },
  // Seeds whose text is OCR-garbled: extracted after the repair stage restores the diacritics.
  'seeds-restored': { gold: 'seeds-restored', file: (gold) => sourcePath(gold) },
};
const realscanName = (gold: Gold): string => basename(gold.source, '.txt');
const setsArg = process.argv.indexOf('--sets');
const SETS: SetName[] =
  setsArg > 0 ? (String(process.argv[setsArg + 1]).split(',') as SetName[]) : [...ALL_SETS];
/** The shared material beside the clone (corpus texts are read from there, not copied into fixtures). */
const SHARED = process.env.VNPLAN_SHARED ?? join(PACKAGE_ROOT, '..', 'shared');
const pct = (value: number): string => (value * 100).toFixed(1).padStart(6);

/** "corpus:x.txt" and "shared:seeds/x.txt" are read from the shared material, anything else from fixtures. */
function sourcePath(gold: Gold): string {
  if (gold.source.startsWith('corpus:')) return join(SHARED, 'corpus', gold.source.slice('corpus:'.length));
  if (gold.source.startsWith('shared:')) return join(SHARED, gold.source.slice('shared:'.length));
  return join(FIXTURES_DIR, gold.source);
}

/**
 * `--text-cache DIR`: keep each pipeline file's page text as read (text layer or OCR, before repair) in
 * DIR and, when it is there, run repair and extraction on it instead of reading the pages again — a fast
 * loop while working on repair, segmentation and extraction. Delete DIR after changing OCR or layout.
 */
const cacheArg = process.argv.indexOf('--text-cache');
const TEXT_CACHE = cacheArg > 0 ? String(process.argv[cacheArg + 1]) : null;

interface CachedPages {
  source: SourceFile;
  pages: PageText[];
  failures: PageFailure[];
}

async function pipelineRecord(file: string): Promise<PlanRecord> {
  const stages = createDefaultStages();
  try {
    const cached = TEXT_CACHE ? join(TEXT_CACHE, `${basename(file)}.pages.json`) : null;
    let read: CachedPages;
    if (cached && existsSync(cached)) read = JSON.parse(readFileSync(cached, 'utf8')) as CachedPages;
    else {
      const source = await stages.intake(file);
      const { pages, failures } = await readAllPages(stages, source);
      read = { source, pages, failures: failures.map(({ error: _error, ...failure }) => failure) };
      if (cached) {
        mkdirSync(TEXT_CACHE!, { recursive: true });
        writeFileSync(cached, JSON.stringify(read));
      }
    }
    const processed = await finishDocument(stages, read.source, read.pages, read.failures);
    return PlanRecord.parse(processed.record);
  } finally {
    await stages.close();
  }
}

/**
 * The record as far as the gold describes it: values whose provenance lies after `pages` are dropped
 * (neither found nor missed), so a multi-page document is scored on the pages its gold covers.
 */
function withinPages(record: PlanRecord, pages: number): PlanRecord {
  const inside = (value: { provenance?: { page: number } }): boolean =>
    (value.provenance?.page ?? 1) <= pages;
  const document = { ...record.document };
  const later = (field: string): boolean => (document.provenance[field]?.page ?? 1) > pages;
  if (later('signer')) document.signer = null;
  if (later('number')) document.number = null;
  if (later('title')) document.title = null;
  if (later('issuer')) document.issuer = { name: null, parent: null };
  if (later('place')) document.place = null;
  if (later('issuedDate')) document.issuedDate = null;
  return {
    ...record,
    document,
    references: record.references.filter(inside),
    deadlines: record.deadlines.filter(inside),
    awards: record.awards.filter(inside),
    recipients: record.recipients.filter(inside),
  };
}

function recordFor(gold: Gold): PlanRecord {
  const text = readFileSync(sourcePath(gold), 'utf8');
  const record = extractRecord({
    id: '0'.repeat(64),
    source: { path: gold.source, kind: 'text', pages: 0 },
    text: documentTextFromString(text),
  });
  return PlanRecord.parse(record);
}

const results: Record<string, unknown> = {};
const mismatches: string[] = [];
for (const set of SETS) {
  const pipeline = PIPELINE_SETS[set];
  const dir = join(FIXTURES_DIR, 'gold', pipeline?.gold ?? set);
  const golds = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as Gold)
    .filter((gold) => existsSync(pipeline ? pipeline.file(gold) : sourcePath(gold)));
  const records = new Map<Gold, PlanRecord>();
  for (const gold of golds) {
    if (!pipeline) records.set(gold, recordFor(gold));
    else {
      const record = await pipelineRecord(pipeline.file(gold));
      records.set(gold, pipeline.goldPages ? withinPages(record, pipeline.goldPages) : record);
    }
  }
  if (golds.length === 0) {
    console.log(`\n== ${set}: skipped (source texts not found; set VNPLAN_SHARED) ==`);
    continue;
  }
  const setResult: Record<string, unknown> = { documents: golds.length };
  for (const mode of ['strict', 'soft', 'loose'] as Mode[]) {
    const families = new Map<Family, Counts>(FAMILIES.map((family) => [family, { tp: 0, fp: 0, fn: 0 }]));
    const fields = new Map<string, Counts>();
    let exact = 0;
    for (const gold of golds) {
      const record = records.get(gold)!;
      const score = scoreRecord(gold, record, mode);
      if (score.exact) exact++;
      for (const [field, { family, counts }] of score.byField) {
        addCounts(families.get(family)!, counts);
        const total = fields.get(field) ?? { tp: 0, fp: 0, fn: 0 };
        addCounts(total, counts);
        fields.set(field, total);
        if (mode === 'soft' && (counts.fp > 0 || counts.fn > 0))
          mismatches.push(`${set}/${gold.source}: ${field} (fp ${counts.fp}, fn ${counts.fn})`);
      }
    }
    const all: Counts = { tp: 0, fp: 0, fn: 0 };
    for (const counts of families.values()) addCounts(all, counts);
    if (mode === 'loose') {
      // Diacritics ignored as well: one line per set, to tell structure errors from character errors.
      const overall = prf(
        [...families.values()].reduce(
          (sum, counts) => ({ tp: sum.tp + counts.tp, fp: sum.fp + counts.fp, fn: sum.fn + counts.fn }),
          { tp: 0, fp: 0, fn: 0 },
        ),
      );
      console.log(
        `== ${set}, loose (soft and diacritics ignored): overall F1 ${pct(overall.f1).trim()}; ${[...families].map(([family, counts]) => `${family} ${pct(prf(counts).f1).trim()}`).join(', ')}`,
      );
      setResult[mode] = {
        families: Object.fromEntries([...families].map(([family, counts]) => [family, prf(counts)])),
        overall,
      };
      continue;
    }
    console.log(`\n== ${set} (${golds.length} documents), ${mode} ==`);
    console.log('family            precision  recall     F1   support');
    for (const [family, counts] of families) {
      const score = prf(counts);
      console.log(
        `${family.padEnd(16)} ${pct(score.precision)}  ${pct(score.recall)} ${pct(score.f1)}  ${String(score.support).padStart(6)}`,
      );
    }
    const overall = prf(all);
    console.log(
      `${'ALL'.padEnd(16)} ${pct(overall.precision)}  ${pct(overall.recall)} ${pct(overall.f1)}  ${String(overall.support).padStart(6)}`,
    );
    console.log(
      `whole-record exact: ${exact}/${golds.length} (${pct(exact / Math.max(1, golds.length)).trim()}%)`,
    );
    setResult[mode] = {
      families: Object.fromEntries([...families].map(([family, counts]) => [family, prf(counts)])),
      fields: Object.fromEntries([...fields].map(([field, counts]) => [field, prf(counts)])),
      overall,
      exactRecords: exact,
    };
  }
  results[set] = setResult;
}
if (mismatches.length > 0) {
  console.log('\nsoft mismatches (field with a false positive or negative):');
  for (const line of mismatches) console.log(`  ${line}`);
}

// Timing: a 20-page text document made from the seed plans' lines, 45 lines a page.
const seedLines = readdirSync(join(FIXTURES_DIR, 'text', 'seeds'))
  .sort()
  .flatMap((name) => readFileSync(join(FIXTURES_DIR, 'text', 'seeds', name), 'utf8').split('\n'));
const pages: string[] = [];
for (let page = 0; page < 20; page++)
  pages.push(
    seedLines
      .slice((page * 45) % (seedLines.length - 45), ((page * 45) % (seedLines.length - 45)) + 45)
      .join('\n'),
  );
const long = documentTextFromString(pages.join('\f'));
const runs = 20;
const time = (run: () => void): number => {
  for (let i = 0; i < 3; i++) run();
  const start = performance.now();
  for (let i = 0; i < runs; i++) run();
  return (performance.now() - start) / runs;
};
const segmentMs = time(() => segmentDocument(long));
const extractMs = time(() =>
  extractRecord({ id: '0'.repeat(64), source: { path: 'long.txt', kind: 'text', pages: 20 }, text: long }),
);
const chars = pages.join('').length;
console.log(
  `\n20-page text document (${chars} characters): extractRecord ${extractMs.toFixed(1)} ms, segmentDocument alone ${segmentMs.toFixed(1)} ms (extract/segment ratio ${(extractMs / segmentMs).toFixed(2)}), mean of ${runs} runs; target < 200 ms`,
);
results.timing = { pages: 20, characters: chars, extractMs, segmentMs, runs };

const outDir = join(PACKAGE_ROOT, 'bench', 'results');
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'extract.json'), `${JSON.stringify(results, null, 2)}\n`);
