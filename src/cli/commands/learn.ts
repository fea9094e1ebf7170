import type { Command } from 'commander';
import { learnDocuments, overlayDirFor } from '../../vietnamese/learn.js';
import { action, type CliContext } from '../context.js';

export function registerLearnCommand(program: Command, ctx: CliContext): void {
  program
    .command('learn')
    .description("teach the diacritics restorer an archive's own clean, diacritic-complete documents")
    .argument('<paths...>', 'clean Vietnamese text files')
    .option('--db <path>', 'database beside which the overlay (vnplan.learn) is kept')
    .option('--overlay <dir>', 'overlay folder (default ./vnplan.learn, or beside --db)')
    .action(
      action(ctx, (paths: string[], options: { db?: string; overlay?: string }) => {
        const dir = options.overlay ?? overlayDirFor(options.db);
        const result = learnDocuments(paths, dir);
        ctx.stdout.write(
          `learned ${result.added} document(s); overlay of ${result.documents} document(s) in ${dir}\n`,
        );
      }),
    );
}
