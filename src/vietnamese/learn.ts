import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { VnplanError } from '../errors/index.js';
import { decodeTextBuffer, vietnameseScore } from './encodings/detect.js';
import { buildTrigramModel } from './lm/build.js';
import { OVERLAY_MODEL_FILE, resetSharedRestorers } from './load.js';

/** The overlay folder beside a database (or ./vnplan.learn without one). */
export function overlayDirFor(dbPath?: string): string {
  return dbPath ? join(dirname(resolve(dbPath)), 'vnplan.learn') : resolve('vnplan.learn');
}

/** Below this Vietnamese score a text is not taken as clean, diacritic-complete Vietnamese. */
const CLEAN_SCORE = 0.35;

/**
 * Adds clean documents to the local overlay model: their text is kept in `<overlayDir>/texts/` and the
 * overlay trigram model is rebuilt from all of it. Throws VNPLAN_E_NOT_CLEAN_TEXT for stripped or
 * garbled text, which would teach the model wrong spellings.
 */
export function learnDocuments(
  paths: string[],
  overlayDir: string,
): { added: number; documents: number; bytes: number } {
  const texts: { name: string; text: string }[] = [];
  for (const path of paths) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch (error) {
      const code =
        (error as NodeJS.ErrnoException).code === 'ENOENT'
          ? 'VNPLAN_E_FILE_NOT_FOUND'
          : 'VNPLAN_E_FILE_UNREADABLE';
      throw new VnplanError(code, { detail: String((error as Error).message) }, { path, cause: error });
    }
    const { text } = decodeTextBuffer(bytes);
    if (!isCleanText(text)) throw new VnplanError('VNPLAN_E_NOT_CLEAN_TEXT', { detail: path }, { path });
    texts.push({ name: path, text });
  }
  return learnTexts(
    texts.map((t) => t.text),
    overlayDir,
  );
}

/** Whether a text reads as clean, diacritic-complete Vietnamese (enough words, a high enough score). */
export function isCleanText(text: string): boolean {
  const { score, words } = vietnameseScore(text);
  return words >= 20 && score >= CLEAN_SCORE;
}

/**
 * Adds texts (already checked with isCleanText) to the overlay and rebuilds its model: what `vnplan
 * learn` does for files and for reviewed documents of the archive. A text learned twice is kept once.
 */
export function learnTexts(
  texts: readonly string[],
  overlayDir: string,
): { added: number; documents: number; bytes: number } {
  const textsDir = join(overlayDir, 'texts');
  mkdirSync(textsDir, { recursive: true });
  for (const text of texts) {
    const name = `${createHash('sha256').update(text).digest('hex').slice(0, 16)}.txt`;
    writeFileSync(join(textsDir, name), text);
  }
  const files = readdirSync(textsDir).filter((f) => f.endsWith('.txt'));
  const paragraphs = function* (): Generator<string> {
    for (const f of files) yield* readFileSync(join(textsDir, f), 'utf8').split('\n');
  };
  const model = buildTrigramModel(paragraphs(), { minWordCount: 1, minTrigramCount: 1 });
  writeFileSync(join(overlayDir, OVERLAY_MODEL_FILE), model);
  resetSharedRestorers();
  return { added: texts.length, documents: files.length, bytes: model.length };
}
