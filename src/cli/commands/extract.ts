import type { Command } from 'commander';
import { extractFile } from '../../pipeline/index.js';
import { action, type CliContext } from '../context.js';
import { addPipelineOptions, stageOptionsOf, type PipelineCliOptions } from '../pipeline-options.js';

interface ExtractOptions extends PipelineCliOptions {
  pretty?: boolean;
  full?: boolean;
}

export function registerExtractCommand(program: Command, ctx: CliContext): void {
  const command = program
    .command('extract')
    .description('run the whole chain on one PDF, image or text file and print its PlanRecord as JSON')
    .argument('<file>', 'the document to read')
    .option('--pretty', 'indent the JSON')
    .option('--full', 'print {record, text, edits}: also the repaired text and the restoration log');
  addPipelineOptions(command).action(
    action(ctx, async (file: string, options: ExtractOptions) => {
      const processed = await extractFile(file, stageOptionsOf(options));
      const output = options.full ? processed : processed.record;
      ctx.stdout.write(`${JSON.stringify(output, null, options.pretty ? 2 : undefined)}\n`);
    }),
  );
}
