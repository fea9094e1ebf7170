import type { Command } from 'commander';
import { planRecordJsonSchema } from '../../record/index.js';
import { action, type CliContext } from '../context.js';

export function registerSchemaCommand(program: Command, ctx: CliContext): void {
  program
    .command('schema')
    .description('print the JSON Schema of PlanRecord v1 (generated from the zod definition)')
    .action(
      action(ctx, () => {
        ctx.stdout.write(`${JSON.stringify(planRecordJsonSchema(), null, 2)}\n`);
      }),
    );
}
