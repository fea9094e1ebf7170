import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { asVnplanError, VnplanError } from '../errors/index.js';
import type { ProcessedDocument } from '../record/index.js';
import { documentKeys } from './document-rows.js';
import type { Store } from './store.js';

export interface ParentResolverOptions {
  /** The folder the platform drops fetched parent documents into. */
  parentsDir: string;
  /**
   * Turns a file of the folder into a processed document (the pipeline passes its own, for PDFs).
   * @defaultValue reads processed-document JSON ({record, text, edits}); other files are skipped
   */
  load?: (file: string) => Promise<ProcessedDocument | null>;
  /**
   * How many generations of parents to follow (parents of imported parents, …).
   * @defaultValue 3
   */
  maxDepth?: number;
  runId?: string;
}

export interface ParentResolution {
  imported: { file: string; id: string; round: number }[];
  rounds: number;
  failed: number;
}

/** The default loader: processed-document JSON files ({record, text, edits}); other files are skipped. */
export async function loadProcessedJson(file: string): Promise<ProcessedDocument | null> {
  if (!file.toLowerCase().endsWith('.json')) return null;
  try {
    return JSON.parse(await readFile(file, 'utf8')) as ProcessedDocument;
  } catch (error) {
    throw new VnplanError('VNPLAN_E_RECORD_INVALID', { detail: (error as Error).message }, { path: file });
  }
}

/**
 * Imports, from `parentsDir`, the documents the archive cites but lacks: a file is imported only when
 * one of its keys is a missing parent's key, each file at most once, and documents already archived
 * are skipped. Newly imported parents may cite further missing parents: up to `maxDepth` rounds.
 */
export async function importMissingParents(
  store: Store,
  options: ParentResolverOptions,
): Promise<ParentResolution> {
  const load = options.load ?? loadProcessedJson;
  const maxDepth = options.maxDepth ?? 3;
  let files: string[];
  try {
    files = (await readdir(options.parentsDir, { withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) => join(options.parentsDir, entry.name))
      .sort();
  } catch {
    throw new VnplanError('VNPLAN_E_FILE_NOT_FOUND', {}, { path: options.parentsDir });
  }
  const loaded = new Map<string, { doc: ProcessedDocument; keys: string[] } | null>();
  const done = new Set<string>();
  const result: ParentResolution = { imported: [], rounds: 0, failed: 0 };
  const recordFailure = async (file: string, failure: VnplanError): Promise<void> => {
    await store.recordFailure({
      file,
      code: failure.code,
      message: failure.message,
      runId: options.runId,
    });
    result.failed++;
  };
  for (let round = 1; round <= maxDepth; round++) {
    const missing = new Set((await store.missingParents({ limit: 1000 })).map((parent) => parent.key));
    if (missing.size === 0) break;
    result.rounds = round;
    let importedThisRound = 0;
    for (const file of files) {
      if (done.has(file)) continue;
      if (!loaded.has(file)) {
        try {
          const doc = await load(file);
          loaded.set(file, doc ? { doc, keys: documentKeys(doc.record) } : null);
        } catch (error) {
          await recordFailure(file, asVnplanError(error, file));
          loaded.set(file, null);
        }
      }
      const entry = loaded.get(file);
      if (!entry) {
        done.add(file);
        continue;
      }
      if (!entry.keys.some((key) => missing.has(key))) continue;
      done.add(file);
      if (await store.hasDocument(entry.doc.record.id)) continue;
      try {
        await store.putDocument(entry.doc, options.runId);
        result.imported.push({ file, id: entry.doc.record.id, round });
        importedThisRound++;
      } catch (error) {
        const failure = asVnplanError(error, file);
        if (failure.code === 'VNPLAN_E_DB_UNAVAILABLE') throw failure;
        await recordFailure(file, failure);
      }
    }
    if (importedThisRound === 0) break;
  }
  return result;
}
