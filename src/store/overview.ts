import { concreteDates, type DeadlineRow, type DeadlineWindow } from './deadline-window.js';
import { annualCondition, boundaryDate } from './query-filters.js';
import type { SqlRunner } from './sql-backend.js';
import type { ArchiveOverview, DeadlineOccurrence } from './store.js';

/** Documents by issuer and issue year, and award forms: what the workspace's charts draw. */
export async function readOverview(db: SqlRunner): Promise<ArchiveOverview> {
  const [count] = await db.all<{ n: number }>('SELECT COUNT(*) AS n FROM documents');
  const byIssuerYear = await db.all<{ issuer: string | null; year: string | null; n: number }>(
    `SELECT issuer, SUBSTR(issued_start, 1, 4) AS year, COUNT(*) AS n FROM documents
     GROUP BY issuer, SUBSTR(issued_start, 1, 4) ORDER BY n DESC, issuer, year`,
  );
  const awards = await db.all<{ form: string; n: number; documents: number }>(
    'SELECT form, COUNT(*) AS n, COUNT(DISTINCT document_id) AS documents FROM awards GROUP BY form ORDER BY n DESC, form',
  );
  return {
    documents: Number(count?.n ?? 0),
    byIssuerYear: byIssuerYear.map((row) => ({
      issuer: row.issuer,
      year: row.year ? Number(row.year) : null,
      count: Number(row.n),
    })),
    awardForms: awards.map((row) => ({
      form: row.form,
      count: Number(row.n),
      documents: Number(row.documents),
    })),
  };
}

/** First and last day of a concrete date as concreteDates() writes it: a day, a month or "a..b". */
function spanOf(date: string): { start: string; end: string } {
  const [start = date, end = date] = date.split('..');
  if (/^\d{4}-\d{2}$/.test(start))
    return { start: boundaryDate(start, 'start', 'date'), end: boundaryDate(end, 'end', 'date') };
  return { start, end };
}

/**
 * Every deadline falling inside [from, to], annual ones once per year of the range, soonest first
 * (ties by responsible unit), at most `limit`.
 */
export async function readDeadlines(
  db: SqlRunner,
  fromDate: string,
  toDate: string,
  limit: number,
): Promise<{ total: number; items: DeadlineOccurrence[] }> {
  const from = boundaryDate(fromDate, 'start', 'from');
  const to = boundaryDate(toDate, 'end', 'to');
  const params: unknown[] = [from, to];
  const annual = annualCondition(from, to, params);
  const rows = await db.all<DeadlineRow & { number: string | null; title: string | null }>(
    `SELECT dl.document_id, dl.kind, dl.start_date, dl.end_date, dl.start_day, dl.end_day, dl.action,
            dl.responsible, dl.text, d.number, d.title
     FROM deadlines dl JOIN documents d ON d.id = dl.document_id
     WHERE (dl.kind = 'once' AND dl.end_date >= ? AND dl.start_date <= ?) OR (dl.kind = 'annual' AND ${annual})`,
    params,
  );
  const items: DeadlineOccurrence[] = [];
  for (const row of rows) {
    let window: DeadlineWindow = null;
    if (row.kind === 'once' && row.start_date && row.end_date)
      window = { kind: 'once', start: row.start_date, end: row.end_date };
    if (row.kind === 'annual' && row.start_day && row.end_day)
      window = { kind: 'annual', startDay: row.start_day, endDay: row.end_day };
    for (const date of concreteDates(window, from, to))
      items.push({
        date,
        ...spanOf(date),
        kind: row.kind,
        action: row.action,
        responsible: row.responsible,
        text: row.text,
        document: { id: row.document_id, number: row.number, title: row.title },
      });
  }
  items.sort(
    (a, b) =>
      a.end.localeCompare(b.end) ||
      (a.responsible ?? '').localeCompare(b.responsible ?? '') ||
      a.document.id.localeCompare(b.document.id),
  );
  return { total: items.length, items: items.slice(0, limit) };
}
