import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { asVnplanError, ExitCode, VnplanError } from '../../errors/index.js';
import type { ProcessedDocument } from '../../record/index.js';
import { storeDocument } from '../../store/index.js';
import { action, type CliContext } from '../context.js';
import { addDbOption, withStore } from '../store-access.js';

async function readProcessed(file: string): Promise<ProcessedDocument> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new VnplanError('VNPLAN_E_FILE_NOT_FOUND', {}, { path: file });
    throw new VnplanError('VNPLAN_E_FILE_UNREADABLE', { detail: code ?? 'error' }, { path: file });
  }
  try {
    return JSON.parse(text) as ProcessedDocument;
  } catch (error) {
    throw new VnplanError('VNPLAN_E_RECORD_INVALID', { detail: (error as Error).message }, { path: file });
  }
}

export function registerPutCommand(program: Command, ctx: CliContext): void {
  const command = program
    .command('put')
    .description(
      'store processed-document JSON files ({record, text, edits}) in the archive, replacing same ids',
    )
    .argument('<files...>', 'JSON files, one processed document each');
  addDbOption(command).action(
    action(ctx, async (files: string[], options: { db?: string }) => {
      let failed = 0;
      await withStore(
        options,
        async (store) => {
          const runId = await store.startRun(`put ${files.length} file${files.length === 1 ? '' : 's'}`);
          for (const file of files) {
            try {
              const processed = await readProcessed(file);
              if (await storeDocument(store, processed, { runId, file })) continue;
              const [failure] = (await store.failures(runId)).slice(-1);
              ctx.stderr.write(
                `vnplan: ${file}: ${failure?.message ?? 'not stored'} [${failure?.code ?? ''}]\n`,
              );
            } catch (error) {
              const failure = asVnplanError(error, file);
              if (failure.code === 'VNPLAN_E_DB_UNAVAILABLE') throw failure;
              await store.recordFailure({ file, code: failure.code, message: failure.message, runId });
              ctx.stderr.write(`vnplan: ${failure.toLine()}\n`);
            }
            failed++;
          }
          await store.finishRun(runId, failed === files.length ? 'failed' : 'done');
        },
        false,
      );
      ctx.stdout.write(`${files.length - failed} stored, ${failed} failed\n`);
      if (failed === 0) return ExitCode.Ok;
      return failed === files.length && files.length === 1 ? ExitCode.BadInput : ExitCode.SomeFailed;
    }),
  );
}
