import type { Command } from 'commander';
import { ERROR_CATALOGUE } from '../../errors/index.js';
import { action, type CliContext } from '../context.js';

export function registerErrorsCommand(program: Command, ctx: CliContext): void {
  program
    .command('errors')
    .description('list every error code with its exit code and whether a retry can help')
    .option('--json', 'one JSON object per line')
    .action(
      action(ctx, (options: { json?: boolean }) => {
        for (const [code, spec] of Object.entries(ERROR_CATALOGUE)) {
          if (options.json) {
            ctx.stdout.write(`${JSON.stringify({ code, ...spec })}\n`);
          } else {
            const retry = spec.retryable ? 'retryable' : 'permanent';
            ctx.stdout.write(
              `${code.padEnd(28)} exit ${String(spec.exitCode).padStart(2)}  ${retry.padEnd(9)}  ${spec.message}\n`,
            );
          }
        }
      }),
    );
}
