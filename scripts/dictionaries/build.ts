/**
 * `npm run dictionaries`: builds the syllable trigram model (dictionaries/vi-syllable-3gram.bin.gz) from
 * the shared corpora (VNPLAN_SHARED, default ../shared), the clean seeds and fixture texts. The OCR-garble
 * channel (dictionaries/ocr-channel.json) is learned separately by ocr-pairs.ts + channel.ts.
 *
 * Options: `--order 4` adds 4-grams (13 MB; see docs/vietnamese.md for how it compares), `--out FILE`.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildTrigramModel } from '../../src/vietnamese/lm/build.js';
import { DICTIONARIES_DIR, FIXTURES_DIR, PACKAGE_ROOT } from '../../src/paths.js';
import { paragraphs, sharedDir, trainingFiles, type TrainingFile } from './corpus.js';

export const MODEL_FILE = 'vi-syllable-3gram.bin.gz';

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
const order = process.argv.includes('--order') ? Number(process.argv[process.argv.indexOf('--order') + 1]) : 3;
if (order !== 3 && order !== 4) throw new Error('--order is 3 or 4');
const model = buildTrigramModel(paragraphs(files), { order });
const out = process.argv.includes('--out')
  ? process.argv[process.argv.indexOf('--out') + 1]!
  : join(DICTIONARIES_DIR, MODEL_FILE);
writeFileSync(out, model);
const kinds = new Map<string, number>();
for (const f of files) kinds.set(f.kind, (kinds.get(f.kind) ?? 0) + 1);
process.stderr.write(
  `${out}: ${(model.length / 1e6).toFixed(1)} MB from ${[...kinds].map(([k, n]) => `${n} ${k}`).join(', ')} in ${((Date.now() - started) / 1000).toFixed(0)} s\n`,
);
