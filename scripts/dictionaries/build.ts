/**
 * `npm run dictionaries`: builds the syllable language model (dictionaries/vi-syllable-lm.bin.gz) from
 * the shared corpora (VNPLAN_SHARED, default ../shared), the clean seeds and fixture texts. The OCR-garble
 * channel (dictionaries/ocr-channel.json) is learned separately by ocr-pairs.ts + channel.ts.
 *
 * Options (default `MODEL_OPTIONS`): `--order 3|4`, `--min-trigram N`, `--min-quadgram N` (n-grams seen
 * fewer times are pruned), `--out FILE`.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildTrigramModel } from '../../src/vietnamese/lm/build.js';
import { DICTIONARIES_DIR, FIXTURES_DIR, PACKAGE_ROOT } from '../../src/paths.js';
import { MODEL_FILE } from '../../src/vietnamese/load.js';
import { MODEL_OPTIONS, paragraphs, sharedDir, trainingFiles, type TrainingFile } from './corpus.js';

function fixtureTexts(): TrainingFile[] {
  const dir = join(FIXTURES_DIR, 'texts');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.clean.txt'))
    .map((f) => ({ path: join(dir, f), kind: 'fixture' }));
}

const shared = sharedDir(PACKAGE_ROOT);
const files = [...trainingFiles(shared), ...fixtureTexts()];
const started = Date.now();
const numberOption = (name: string): number | undefined =>
  process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : undefined;
const order = numberOption('--order') ?? MODEL_OPTIONS.order;
if (order !== 3 && order !== 4) throw new Error('--order is 3 or 4');
const model = buildTrigramModel(paragraphs(files), {
  order,
  minTrigramCount: numberOption('--min-trigram') ?? MODEL_OPTIONS.minTrigramCount,
  minQuadgramCount: numberOption('--min-quadgram') ?? MODEL_OPTIONS.minQuadgramCount,
});
const out = process.argv.includes('--out')
  ? process.argv[process.argv.indexOf('--out') + 1]!
  : join(DICTIONARIES_DIR, MODEL_FILE);
writeFileSync(out, model);
const kinds = new Map<string, number>();
for (const f of files) kinds.set(f.kind, (kinds.get(f.kind) ?? 0) + 1);
process.stderr.write(
  `${out}: ${(model.length / 1e6).toFixed(1)} MB from ${[...kinds].map(([k, n]) => `${n} ${k}`).join(', ')} in ${((Date.now() - started) / 1000).toFixed(0)} s\n`,
);
