import { VnplanError } from '../errors/index.js';
import { foldForKey } from '../record/index.js';
import { foldNumber } from './document-rows.js';
import { likeLiteral } from './fold.js';
import type { QueryFilters, QueryOrder, SortKey } from './store.js';

/** A WHERE clause over `documents d` with its bound values. */
export interface WhereClause {
  sql: string;
  params: unknown[];
}

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** First or last day of a YYYY, YYYY-MM or YYYY-MM-DD date; a clear usage error for anything else. */
export function boundaryDate(value: string, edge: 'start' | 'end', option: string): string {
  const match = DATE.exec(value.trim());
  const month = match?.[2] ? Number(match[2]) : undefined;
  const day = match?.[3] ? Number(match[3]) : undefined;
  if (
    !match ||
    (month !== undefined && (month < 1 || month > 12)) ||
    (day !== undefined && (day < 1 || day > 31))
  )
    throw new VnplanError('VNPLAN_E_USAGE', {
      detail: `${option} expects a date YYYY-MM-DD (or YYYY-MM, YYYY), not "${value}"`,
    });
  const year = match[1];
  const pad = (n: number) => String(n).padStart(2, '0');
  if (edge === 'start') return `${year}-${pad(month ?? 1)}-${pad(day ?? 1)}`;
  const lastMonth = month ?? 12;
  const lastDay = day ?? new Date(Date.UTC(Number(year), lastMonth, 0)).getUTCDate();
  return `${year}-${pad(lastMonth)}-${pad(lastDay)}`;
}

/** The deadline range of a query as ISO days, either end open. */
export function deadlineRange(filters: QueryFilters): { from?: string; to?: string } | null {
  if (!filters.deadlineFrom && !filters.deadlineTo) return null;
  return {
    from: filters.deadlineFrom ? boundaryDate(filters.deadlineFrom, 'start', '--deadline-from') : undefined,
    to: filters.deadlineTo ? boundaryDate(filters.deadlineTo, 'end', '--deadline-to') : undefined,
  };
}

/** Annual deadlines (MM-DD windows of any year) that fall inside [from, to] in at least one year. */
export function annualCondition(from: string | undefined, to: string | undefined, params: unknown[]): string {
  if (!from || !to) return 'dl.start_day IS NOT NULL';
  const years = Number(to.slice(0, 4)) - Number(from.slice(0, 4));
  const fromDay = from.slice(5);
  const toDay = to.slice(5);
  if (years >= 2) return 'dl.start_day IS NOT NULL';
  if (years === 1) {
    params.push(fromDay, toDay);
    return '(dl.end_day >= ? OR dl.start_day <= ?)';
  }
  params.push(toDay, fromDay);
  return '(dl.start_day <= ? AND dl.end_day >= ?)';
}

const SORT_COLUMNS: Record<SortKey, string> = {
  issued: 'd.issued_start',
  number: 'd.number_folded',
  type: 'd.type_folded',
  issuer: 'd.issuer_folded',
  title: 'd.title',
};

/** The ORDER BY of a query: the chosen column (newest issue date first by default), empty values last. */
export function orderClause(order: QueryOrder = {}): string {
  const sort = order.sort ?? 'issued';
  const column = SORT_COLUMNS[sort];
  if (!column) throw new VnplanError('VNPLAN_E_USAGE', { detail: `cannot sort by "${sort}"` });
  const direction = (order.descending ?? sort === 'issued') ? 'DESC' : 'ASC';
  return `ORDER BY ${column} ${direction} NULLS LAST, d.id`;
}

/** Builds the WHERE clause of a query; every value is a bound parameter. */
export function whereClause(filters: QueryFilters): WhereClause {
  const conditions: string[] = [];
  const params: unknown[] = [];
  if (filters.type) {
    const type = foldForKey(filters.type);
    conditions.push('(d.type_folded = ? OR d.type_code_folded = ?)');
    params.push(type, type);
  }
  if (filters.issuer) {
    conditions.push("d.issuer_folded LIKE ? ESCAPE '\\'");
    params.push(`%${likeLiteral(foldForKey(filters.issuer))}%`);
  }
  if (filters.symbol) {
    conditions.push('d.symbol_folded = ?');
    params.push(foldForKey(filters.symbol).replace(/\s+/g, ''));
  }
  if (filters.number) {
    const number = foldNumber(filters.number);
    if (number.includes('/')) {
      conditions.push('d.number_folded = ?');
      params.push(number);
    } else {
      conditions.push('d.serial = ?');
      params.push(filters.number.trim());
    }
  }
  if (filters.issuedFrom) {
    conditions.push('d.issued_end >= ?');
    params.push(boundaryDate(filters.issuedFrom, 'start', '--issued-from'));
  }
  if (filters.issuedTo) {
    conditions.push('d.issued_start <= ?');
    params.push(boundaryDate(filters.issuedTo, 'end', '--issued-to'));
  }
  const deadlines = deadlineRange(filters);
  if (deadlines) {
    const once: string[] = ["dl.kind = 'once'"];
    if (deadlines.from) once.push('dl.end_date >= ?');
    if (deadlines.to) once.push('dl.start_date <= ?');
    const onceParams = [deadlines.from, deadlines.to].filter(Boolean);
    const annualParams: unknown[] = [];
    const annual = annualCondition(deadlines.from, deadlines.to, annualParams);
    conditions.push(
      `d.id IN (SELECT dl.document_id FROM deadlines dl WHERE (${once.join(' AND ')}) OR (dl.kind = 'annual' AND ${annual}))`,
    );
    params.push(...onceParams, ...annualParams);
  }
  if (filters.award) {
    // A prefix as a byte range (index-friendly on both backends: form_folded sorts by bytes).
    const prefix = foldForKey(filters.award);
    conditions.push(
      'd.id IN (SELECT a.document_id FROM awards a WHERE a.form_folded >= ? AND a.form_folded < ?)',
    );
    params.push(prefix, `${prefix}\uffff`);
  }
  if (filters.cites) {
    conditions.push('d.id IN (SELECT r.document_id FROM doc_references r WHERE r.number_folded = ?)');
    params.push(foldNumber(filters.cites));
  }
  if (filters.periodYear !== undefined) {
    if (!Number.isInteger(filters.periodYear))
      throw new VnplanError('VNPLAN_E_USAGE', {
        detail: `--period-year expects a year, not "${filters.periodYear}"`,
      });
    conditions.push('d.period_from <= ? AND d.period_to >= ?');
    params.push(filters.periodYear, filters.periodYear);
  }
  if (filters.missingParents)
    conditions.push('d.id IN (SELECT r.document_id FROM doc_references r WHERE r.target_id IS NULL)');
  return { sql: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', params };
}
