import type { Command } from 'commander';
import { VnplanError } from '../../errors/index.js';
import { correctedText } from '../../review/index.js';
import { isPostgresSpec, type Store } from '../../store/index.js';
import { isCleanText, learnDocuments, learnTexts, overlayDirFor } from '../../vietnamese/learn.js';
import { action, type CliContext } from '../context.js';
import { dbSpecOf, withStore } from '../store-access.js';

interface LearnOptions {
  db?: string;
  overlay?: string;
  corrections?: boolean;
}

/** The reviewed text of every corrected document that reads as clean Vietnamese; the others are counted. */
async function reviewedTexts(store: Store): Promise<{ texts: string[]; skipped: number }> {
  const texts: string[] = [];
  let skipped = 0;
  for (const id of await store.correctedDocuments()) {
    const [pages, stored] = await Promise.all([store.pages(id), store.getDocument(id)]);
    const text = correctedText(pages, stored.corrections);
    if (isCleanText(text)) texts.push(text);
    else skipped++;
  }
  return { texts, skipped };
}

export function registerLearnCommand(program: Command, ctx: CliContext): void {
  program
    .command('learn')
    .description("teach the diacritics restorer an archive's own clean, diacritic-complete documents")
    .argument('[paths...]', 'clean Vietnamese text files')
    .option(
      '--corrections',
      "also learn the archive's reviewed documents (their text with corrections applied)",
    )
    .option(
      '--db <path>',
      'database beside which the overlay (vnplan.learn) is kept, and read with --corrections',
    )
    .option('--overlay <dir>', 'overlay folder (default ./vnplan.learn, or beside --db)')
    .action(
      action(ctx, async (paths: string[], options: LearnOptions) => {
        if (paths.length === 0 && !options.corrections)
          throw new VnplanError('VNPLAN_E_USAGE', { detail: 'give text files to learn, or --corrections' });
        const dbSpec = dbSpecOf(options);
        const dir = options.overlay ?? overlayDirFor(isPostgresSpec(dbSpec) ? undefined : options.db);
        let result = null;
        if (paths.length > 0) {
          result = learnDocuments(paths, dir);
          ctx.stdout.write(`learned ${result.added} document(s) from files\n`);
        }
        if (options.corrections) {
          const reviewed = await withStore(options, reviewedTexts);
          result = learnTexts(reviewed.texts, dir);
          ctx.stdout.write(
            `learned ${reviewed.texts.length} reviewed document(s)${reviewed.skipped ? `; ${reviewed.skipped} not clean enough to learn from` : ''}\n`,
          );
        }
        if (result) ctx.stdout.write(`overlay of ${result.documents} document(s) in ${dir}\n`);
      }),
    );
}
