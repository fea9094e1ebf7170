import type { Command } from 'commander';
import { extractFile } from '../../extract/index.js';
import { action, type CliContext } from '../context.js';

export function registerExtractCommand(program: Command, ctx: CliContext): void {
  program
    .command('extract')
    .description(
      'read one document (UTF-8 text today; PDF and images once OCR is wired) and print its PlanRecord as JSON',
    )
    .argument('<file>', 'the document to read')
    .option('--pretty', 'indent the JSON')
    .action(
      action(ctx, async (file: string, options: { pretty?: boolean }) => {
        const record = await extractFile(file);
        ctx.stdout.write(`${JSON.stringify(record, null, options.pretty ? 2 : undefined)}\n`);
      }),
    );
}
