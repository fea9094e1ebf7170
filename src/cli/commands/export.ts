import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { VnplanError } from '../../errors/index.js';
import { toNd30 } from '../../export/index.js';
import { extractFile } from '../../pipeline/index.js';
import { PlanRecord } from '../../record/index.js';
import { applyFieldCorrections } from '../../review/index.js';
import { MAX_PAGE, type Store } from '../../store/index.js';
import { action, type CliContext } from '../context.js';
import { addDbOption, withStore } from '../store-access.js';

/** A PlanRecord from a .json file written by `vnplan extract`, or from a document run through extract. */
async function recordOf(file: string): Promise<PlanRecord> {
  if (!file.toLowerCase().endsWith('.json')) return (await extractFile(file)).record;
  let data: unknown;
  try {
    data = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new VnplanError('VNPLAN_E_FILE_NOT_FOUND', {}, { path: file, cause: error });
    }
    throw new VnplanError('VNPLAN_E_RECORD_INVALID', { detail: 'not JSON' }, { path: file, cause: error });
  }
  const parsed = PlanRecord.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const detail = issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'schema mismatch';
    throw new VnplanError('VNPLAN_E_RECORD_INVALID', { detail }, { path: file });
  }
  return parsed.data;
}

interface ExportOptions {
  format: string;
  pretty?: boolean;
  db?: string;
}

/** Every document id in the archive, a page at a time. */
async function allIds(store: Store): Promise<string[]> {
  const ids: string[] = [];
  for (let offset = 0; ; offset += MAX_PAGE) {
    const { rows } = await store.query({}, { limit: MAX_PAGE, offset });
    ids.push(...rows.map((row) => row.id));
    if (rows.length < MAX_PAGE) return ids;
  }
}

/** Every record in the archive, or the ones named by id (or unique id prefix), with reviewers' corrections applied. */
async function archivedRecords(options: ExportOptions, ids: string[]): Promise<PlanRecord[]> {
  return withStore(options, async (store) => {
    const wanted = ids.length > 0 ? ids : await allIds(store);
    const records: PlanRecord[] = [];
    for (const id of wanted) {
      const stored = await store.getDocument(id);
      records.push(applyFieldCorrections(stored.record, stored.corrections));
    }
    return records;
  });
}

export function registerExportCommand(program: Command, ctx: CliContext): void {
  const command = program
    .command('export')
    .description(
      'print records as a JSON array: PlanRecords, or the Nghị định 30/2020 Phụ lục VI metadata fields',
    )
    .argument(
      '[files...]',
      'PlanRecord .json files or documents to extract; with --db, document ids (none: all)',
    )
    .option('--format <format>', 'nd30 | json', 'json')
    .option('--pretty', 'indent the JSON');
  addDbOption(command).action(
    action(ctx, async (files: string[], options: ExportOptions) => {
      if (options.format !== 'nd30' && options.format !== 'json') {
        throw new VnplanError('VNPLAN_E_USAGE', {
          detail: `unknown --format "${options.format}": use nd30 or json`,
        });
      }
      if (!options.db && files.length === 0) {
        throw new VnplanError('VNPLAN_E_USAGE', {
          detail: 'give files to export, or --db to export the archive',
        });
      }
      const records = options.db ? await archivedRecords(options, files) : [];
      if (!options.db) for (const file of files) records.push(await recordOf(file));
      const out = records.map((record) => (options.format === 'nd30' ? toNd30(record) : record));
      ctx.stdout.write(`${JSON.stringify(out, null, options.pretty ? 2 : undefined)}\n`);
    }),
  );
}
