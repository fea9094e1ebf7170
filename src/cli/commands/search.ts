import type { Command } from 'commander';
import { action, type CliContext } from '../context.js';
import { addDbOption, withStore } from '../store-access.js';
import { parseCount } from './command-options.js';

export function registerSearchCommand(program: Command, ctx: CliContext): void {
  const command = program
    .command('search')
    .description('full-text search over the repaired text; "chuyen doi so" finds "chuyển đổi số"')
    .argument('<text...>', 'words to find (all of them); accents make exact matches rank first')
    .option('--limit <n>', 'at most this many hits', '20')
    .option('--offset <n>', 'skip this many hits first', '0')
    .option('--json', 'one JSON object per line');
  addDbOption(command).action(
    action(
      ctx,
      async (words: string[], options: { db?: string; limit: string; offset: string; json?: boolean }) => {
        const page = {
          limit: parseCount(options.limit, '--limit', 1),
          offset: parseCount(options.offset, '--offset', 0),
        };
        const result = await withStore(options, (store) => store.search(words.join(' '), page));
        if (options.json) {
          for (const hit of result.hits) ctx.stdout.write(`${JSON.stringify(hit)}\n`);
          return;
        }
        for (const hit of result.hits) {
          const section = hit.section
            ? [hit.section.label, hit.section.heading].filter(Boolean).join(' ')
            : '';
          ctx.stdout.write(
            `${hit.id.slice(0, 12)}  ${hit.number ?? '(no number)'}  p.${hit.page} l.${hit.line}  ${section || hit.section?.kind || ''}\n`,
          );
          ctx.stdout.write(`    ${hit.snippet}\n`);
        }
        ctx.stdout.write(`${result.hits.length} of ${result.total} hit${result.total === 1 ? '' : 's'}\n`);
      },
    ),
  );
}
