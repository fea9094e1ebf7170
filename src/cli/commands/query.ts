import type { Command } from 'commander';
import { VnplanError } from '../../errors/index.js';
import { MAX_PAGE, type DocumentSummary, type QueryFilters } from '../../store/index.js';
import { action, type CliContext } from '../context.js';
import { formatCsv } from '../output/csv.js';
import { formatTable } from '../output/table.js';
import { addDbOption, withStore } from '../store-access.js';
import { outputWidth, parseCount } from './command-options.js';

/** Commander's options: every filter as typed on the command line, plus output and paging. */
type QueryOptions = { [Filter in Exclude<keyof QueryFilters, 'missingParents'>]?: string } & {
  missingParents?: boolean;
  db?: string;
  limit?: string;
  offset?: string;
  json?: boolean;
  csv?: boolean;
};

export function filtersOf(options: QueryOptions): QueryFilters {
  const { db: _db, limit: _limit, offset: _offset, json: _json, csv: _csv, periodYear, ...filters } = options;
  if (periodYear === undefined) return filters;
  if (!/^\d{4}$/.test(periodYear.trim()))
    throw new VnplanError('VNPLAN_E_USAGE', {
      detail: `--period-year expects a year such as 2026, not "${periodYear}"`,
    });
  return { ...filters, periodYear: Number(periodYear) };
}

const deadlineText = (row: DocumentSummary): string =>
  (row.deadlines ?? []).map((deadline) => deadline.date).join(' ');

export function registerQueryCommand(program: Command, ctx: CliContext): void {
  const command = program
    .command('query')
    .description('list archived documents matching every given filter (all documents without filters)')
    .option('--type <type>', 'document type, name or code: "Kế hoạch", "ke hoach", "KH"')
    .option('--issuer <text>', 'part of the issuer name, accent-insensitive')
    .option('--symbol <symbol>', 'number symbol, e.g. KH-UBND')
    .option('--number <number>', 'whole number (152/KH-UBND) or serial (152)')
    .option('--issued-from <date>', 'issued on or after (YYYY-MM-DD, YYYY-MM or YYYY)')
    .option('--issued-to <date>', 'issued on or before')
    .option('--deadline-from <date>', 'has a deadline on or after; annual deadlines recur every year')
    .option('--deadline-to <date>', 'has a deadline on or before')
    .option('--award <form>', 'promises an award of this form: "Bằng khen", "Huân chương", …')
    .option('--cites <number>', 'cites the document with this number')
    .option('--period-year <year>', "the plan's period includes this year")
    .option('--missing-parents', 'cites at least one document that is not in the archive')
    .option('--limit <n>', 'at most this many documents (default: all)')
    .option('--offset <n>', 'skip this many documents first', '0')
    .option('--json', 'one JSON object per line')
    .option('--csv', 'CSV with a header line');
  addDbOption(command).action(
    action(ctx, async (options: QueryOptions) => {
      if (options.json && options.csv)
        throw new VnplanError('VNPLAN_E_USAGE', { detail: 'choose one of --json and --csv' });
      const filters = filtersOf(options);
      const limit = options.limit === undefined ? undefined : parseCount(options.limit, '--limit', 1);
      let offset = parseCount(options.offset ?? '0', '--offset', 0);
      const rows: DocumentSummary[] = [];
      await withStore(options, async (store) => {
        for (;;) {
          const want = Math.min(MAX_PAGE, limit === undefined ? MAX_PAGE : limit - rows.length);
          const page = await store.query(filters, { limit: want, offset });
          rows.push(...page.rows);
          offset += page.rows.length;
          if (page.rows.length < want || (limit !== undefined && rows.length >= limit)) break;
        }
      });
      const withDeadlines = Boolean(filters.deadlineFrom || filters.deadlineTo);
      if (options.json) {
        for (const row of rows) ctx.stdout.write(`${JSON.stringify(row)}\n`);
      } else if (options.csv) {
        const header = ['id', 'number', 'type', 'issuer', 'issuedDate', 'title'];
        ctx.stdout.write(
          formatCsv(
            withDeadlines ? [...header, 'deadlines'] : header,
            rows.map((r) => {
              const cells = [r.id, r.number, r.type, r.issuer, r.issuedDate, r.title];
              return withDeadlines ? [...cells, deadlineText(r)] : cells;
            }),
          ),
        );
      } else {
        const header = ['ID', 'NUMBER', 'ISSUED', 'ISSUER', ...(withDeadlines ? ['DEADLINES'] : []), 'TITLE'];
        const table = rows.map((r) => [
          r.id.slice(0, 12),
          r.number ?? '',
          r.issuedDate ?? '',
          r.issuer ?? '',
          ...(withDeadlines ? [deadlineText(r)] : []),
          r.title ?? '',
        ]);
        ctx.stdout.write(formatTable(header, table, { totalWidth: outputWidth(ctx) }));
        ctx.stdout.write(`${rows.length} document${rows.length === 1 ? '' : 's'}\n`);
      }
    }),
  );
}
