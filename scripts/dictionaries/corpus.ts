import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BuildOptions } from '../../src/vietnamese/lm/build.js';

/** Where the shared, read-only training material lives. */
export function sharedDir(packageRoot: string): string {
  return process.env.VNPLAN_SHARED ?? join(packageRoot, '..', 'shared');
}

export interface TrainingFile {
  path: string;
  /** "corpus", "corpus-general", "seed" or "fixture". */
  kind: string;
}

/**
 * How the committed model is built (and the leave-one-out models of the benchmark): a 4-gram with
 * every trigram kept and 4-grams seen twice or more (23 MB gzipped; the budget is 25 MB).
 */
export const MODEL_OPTIONS: BuildOptions = { order: 4, minTrigramCount: 1, minQuadgramCount: 2 };

/** Clean seeds (003 is OCR-garbled and never trained on). */
export const CLEAN_SEEDS = ['000', '001', '002', '004'];

export function trainingFiles(shared: string, exclude: (path: string) => boolean = () => false): TrainingFile[] {
  const files: TrainingFile[] = [];
  for (const kind of ['corpus', 'corpus-general']) {
    for (const f of readdirSync(join(shared, kind)).sort()) {
      if (f.endsWith('.txt')) files.push({ path: join(shared, kind, f), kind });
    }
  }
  for (const f of readdirSync(join(shared, 'seeds')).sort()) {
    if (CLEAN_SEEDS.some((s) => f.startsWith(`${s}_`))) files.push({ path: join(shared, 'seeds', f), kind: 'seed' });
  }
  return files.filter((f) => !exclude(f.path));
}

/** Paragraphs (non-empty lines) of the given files. */
export function* paragraphs(files: TrainingFile[]): Generator<string> {
  for (const file of files) {
    for (const line of readFileSync(file.path, 'utf8').normalize('NFC').split('\n')) {
      if (line.trim()) yield line;
    }
  }
}
