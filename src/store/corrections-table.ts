import { VnplanError } from '../errors/index.js';
import { PlanRecord } from '../record/index.js';
import { CorrectionInput, readTextField, writeTextField, type Correction } from '../review/index.js';
import type { SqlRunner } from './sql-backend.js';
import type { PageLayout } from './store.js';

interface CorrectionRow {
  id: number;
  document_id: string;
  target: 'field' | 'token';
  path: string | null;
  page: number | null;
  line: number | null;
  col: number | null;
  original: string | null;
  value: string | null;
  action: 'accept' | 'correct';
  reviewer: string | null;
  created_at: string;
}

const COLUMNS =
  'id, document_id, target, path, page, line, col, original, value, action, reviewer, created_at';

function correctionOf(row: CorrectionRow): Correction {
  return {
    id: Number(row.id),
    documentId: row.document_id,
    target: row.target,
    path: row.path,
    page: row.page === null ? null : Number(row.page),
    line: row.line === null ? null : Number(row.line),
    column: row.col === null ? null : Number(row.col),
    original: row.original,
    value: row.value,
    action: row.action,
    reviewer: row.reviewer,
    createdAt: row.created_at,
  };
}

const usage = (detail: string) => new VnplanError('VNPLAN_E_USAGE', { detail });

/** The row a correction writes, checked against the machine output it reviews (which stays as it is). */
export async function checkedCorrection(
  input: unknown,
  record: PlanRecord,
  pages: () => Promise<PageLayout[]>,
): Promise<Omit<Correction, 'id' | 'documentId' | 'createdAt'>> {
  const parsed = CorrectionInput.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
    throw usage(`${where}${issue?.message ?? 'invalid correction'}`);
  }
  const correction = parsed.data;
  if (correction.action === 'correct' && correction.value === undefined)
    throw usage('value: a correction needs the corrected value');
  if (correction.target === 'field') {
    const original = readTextField(record, correction.path);
    const value =
      correction.action === 'accept' ? original : correction.value === '' ? null : correction.value!;
    const trial = structuredClone(record);
    writeTextField(trial, correction.path, value);
    if (!PlanRecord.safeParse(trial).success) throw usage(`${correction.path} cannot be empty`);
    return {
      target: 'field',
      path: correction.path,
      page: null,
      line: null,
      column: null,
      original,
      value,
      action: correction.action,
      reviewer: correction.reviewer ?? null,
    };
  }
  const layouts = await pages();
  const line = layouts.find((p) => p.page === correction.page)?.lines[correction.line - 1];
  if (!line) throw usage(`page ${correction.page} has no line ${correction.line}`);
  const start = correction.column - 1;
  if (line.text.slice(start, start + correction.original.length) !== correction.original)
    throw usage(
      `line ${correction.line} of page ${correction.page} has no "${correction.original}" at column ${correction.column}`,
    );
  return {
    target: 'token',
    path: null,
    page: correction.page,
    line: correction.line,
    column: correction.column,
    original: correction.original,
    value: correction.action === 'accept' ? correction.original : correction.value!,
    action: correction.action,
    reviewer: correction.reviewer ?? null,
  };
}

export async function insertCorrection(
  db: SqlRunner,
  documentId: string,
  correction: Omit<Correction, 'id' | 'documentId' | 'createdAt'>,
): Promise<Correction> {
  const [row] = await db.all<CorrectionRow>(
    `INSERT INTO corrections (document_id, target, path, page, line, col, original, value, action, reviewer, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING ${COLUMNS}`,
    [
      documentId,
      correction.target,
      correction.path,
      correction.page,
      correction.line,
      correction.column,
      correction.original,
      correction.value,
      correction.action,
      correction.reviewer,
      new Date().toISOString(),
    ],
  );
  return correctionOf(row!);
}

export async function readCorrections(db: SqlRunner, documentId: string): Promise<Correction[]> {
  const rows = await db.all<CorrectionRow>(
    `SELECT ${COLUMNS} FROM corrections WHERE document_id = ? ORDER BY id`,
    [documentId],
  );
  return rows.map(correctionOf);
}
