import { randomUUID } from 'node:crypto';
import { VnplanError } from '../errors/index.js';
import type { Finding } from '../findings.js';
import { PlanRecord, ProcessedDocument, type Relation, type RestorationEdit } from '../record/index.js';
import { concreteDates, type DeadlineRow, type DeadlineWindow } from './deadline-window.js';
import { documentRows, type DocumentRows } from './document-rows.js';
import { foldText, searchTerms } from './fold.js';
import { issuersAgree } from './issuer-match.js';
import { checkedCorrection, insertCorrection, readCorrections } from './corrections-table.js';
import { readDeadlines, readOverview } from './overview.js';
import { readPageLayouts } from './page-layouts.js';
import { deadlineRange, orderClause, whereClause } from './query-filters.js';
import { insertDocumentRows, insertMany, type SqlBackend, type SqlRunner } from './sql-backend.js';
import { makeSnippet } from './snippet.js';
import type { Correction } from '../review/index.js';
import type {
  ArchiveOverview,
  DeadlineOccurrence,
  DocumentRefs,
  DocumentSummary,
  FailedImport,
  ImportRun,
  MissingParent,
  Page,
  PageLayout,
  QueryFilters,
  QueryOrder,
  QueryResult,
  SearchResult,
  Store,
  StoredDocument,
  StoredSection,
  StoreStats,
} from './store.js';

/** Most rows one query or search page returns. */
export const MAX_PAGE = 1000;

function pageOf(page: Page = {}): Required<Page> {
  const limit = page.limit ?? 50;
  const offset = page.offset ?? 0;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE)
    throw new VnplanError('VNPLAN_E_USAGE', { detail: `limit must be a whole number from 1 to ${MAX_PAGE}` });
  if (!Number.isInteger(offset) || offset < 0)
    throw new VnplanError('VNPLAN_E_USAGE', { detail: 'offset must be a whole number, 0 or more' });
  return { limit, offset };
}

const placeholders = (count: number): string => Array.from({ length: count }, () => '?').join(', ');

interface SummaryRow {
  id: string;
  number: string | null;
  type: string | null;
  issuer: string | null;
  issued_date: string | null;
  title: string | null;
}

const SUMMARY_COLUMNS = 'd.id, d.number, d.type, d.issuer, d.issued_date, d.title';

function summary(row: SummaryRow): DocumentSummary {
  return {
    id: row.id,
    number: row.number,
    type: row.type,
    issuer: row.issuer,
    issuedDate: row.issued_date,
    title: row.title,
  };
}

interface Candidate {
  id: string;
  key: string;
  issuer_folded: string | null;
  issued_start: string | null;
}

/** Among archived documents filed under a key, the one a citation means; null when none fits. */
function chooseTarget(citedIssuer: string | null, candidates: Candidate[], citingId: string): string | null {
  const fitting = candidates.filter(
    (candidate) =>
      candidate.id !== citingId &&
      (!citedIssuer || !candidate.issuer_folded || issuersAgree(citedIssuer, candidate.issuer_folded)),
  );
  fitting.sort(
    (a, b) => (b.issued_start ?? '').localeCompare(a.issued_start ?? '') || a.id.localeCompare(b.id),
  );
  return fitting[0]?.id ?? null;
}

/** Each section's text: its own chunks and those of its subsections, in reading order. */
function textBySection(
  sections: { ord: number; parent_ord: number | null }[],
  chunks: { section_ord: number | null; text: string }[],
): Map<number, string> {
  const parentOf = new Map(sections.map((s) => [s.ord, s.parent_ord]));
  const lines = new Map<number, string[]>();
  for (const chunk of chunks) {
    for (let ord = chunk.section_ord; ord !== null && ord !== undefined; ord = parentOf.get(ord) ?? null)
      lines.set(ord, [...(lines.get(ord) ?? []), chunk.text]);
  }
  return new Map([...lines].map(([ord, texts]) => [ord, texts.join('\n')]));
}

/**
 * The Store over any SqlBackend: the SQL here is portable (`?` placeholders, standard syntax); the
 * backend supplies connections, transactions and the full-text index.
 */
export class SqlStore implements Store {
  constructor(private readonly db: SqlBackend) {}

  get files(): readonly string[] {
    return this.db.files;
  }

  get backend(): 'sqlite' | 'postgres' {
    return this.db.kind;
  }

  putDocument(processed: ProcessedDocument, runId?: string): Promise<void> {
    return this.putDocuments([processed], runId);
  }

  async putDocuments(batch: readonly ProcessedDocument[], runId?: string): Promise<void> {
    const rowsOfBatch = batch.map((processed) => {
      const parsed = ProcessedDocument.safeParse(processed);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new VnplanError('VNPLAN_E_RECORD_INVALID', {
          detail: issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid',
        });
      }
      return documentRows(parsed.data);
    });
    const keys = new Set<string>();
    for (const rows of rowsOfBatch) {
      for (const key of rows.keys) keys.add(key);
      for (const reference of rows.references) keys.add(reference.key);
    }
    await this.db.transaction(async (tx) => {
      await this.db.lockKeys(tx, [...keys].sort());
      for (const rows of rowsOfBatch) {
        const stored = await tx.all('SELECT 1 AS present FROM documents WHERE id = ?', [rows.document.id]);
        const orphaned = stored.length > 0 ? await this.removeDocument(tx, rows.document.id) : [];
        await this.insertRows(tx, rows, runId ?? null);
        await this.resolveCitationsOf(tx, rows);
        // Citations of the old version's keys may now belong to another document with that key.
        await this.resolveCitationsTo(tx, rows.document.id, [...new Set([...rows.keys, ...orphaned])]);
      }
    });
  }

  /** Deletes a document; resolves to the keys of the citations that pointed at it (now waiting again). */
  private async removeDocument(tx: SqlRunner, id: string): Promise<string[]> {
    const orphaned = await tx.all<{ key: string }>(
      'SELECT DISTINCT key FROM doc_references WHERE target_id = ?',
      [id],
    );
    await this.db.deleteChunks(tx, id);
    await tx.run('UPDATE doc_references SET target_id = NULL WHERE target_id = ?', [id]);
    await tx.run('DELETE FROM documents WHERE id = ?', [id]);
    return orphaned.map((row) => row.key);
  }

  private async insertRows(tx: SqlRunner, rows: DocumentRows, runId: string | null): Promise<void> {
    const d = rows.document;
    const id = d.id;
    await tx.run(
      `INSERT INTO documents (id, number, number_folded, serial, symbol_folded, type, type_folded, type_code_folded,
         issuer, issuer_folded, issued_date, issued_start, issued_end, title, period_from, period_to, source_path,
         run_id, stored_at)
       VALUES (${placeholders(19)})`,
      [
        id,
        d.number,
        d.numberFolded,
        d.serial,
        d.symbolFolded,
        d.type,
        d.typeFolded,
        d.typeCodeFolded,
        d.issuer,
        d.issuerFolded,
        d.issuedDate,
        d.issuedStart,
        d.issuedEnd,
        d.title,
        d.periodFrom,
        d.periodTo,
        d.sourcePath,
        runId,
        new Date().toISOString(),
      ],
    );
    await tx.run('INSERT INTO document_records (document_id, record_json) VALUES (?, ?)', [id, d.recordJson]);
    await insertMany(
      tx,
      'document_keys',
      ['document_id', 'key'],
      rows.keys.map((key) => [id, key]),
    );
    await insertDocumentRows(tx, 'doc_references', id, rows.references, {
      ord: 'ord',
      key: 'key',
      relation: 'relation',
      type: 'type',
      number: 'number',
      number_folded: 'numberFolded',
      issuer: 'issuer',
      issuer_folded: 'issuerFolded',
      date: 'date',
      title: 'title',
      text: 'text',
    });
    await insertDocumentRows(tx, 'deadlines', id, rows.deadlines, {
      ord: 'ord',
      kind: 'kind',
      start_date: 'startDate',
      end_date: 'endDate',
      start_day: 'startDay',
      end_day: 'endDay',
      action: 'action',
      responsible: 'responsible',
      text: 'text',
    });
    await insertDocumentRows(tx, 'awards', id, rows.awards, {
      ord: 'ord',
      form: 'form',
      form_folded: 'formFolded',
      conferred_by: 'conferredBy',
      occasion: 'occasion',
      text: 'text',
    });
    await insertDocumentRows(tx, 'sections', id, rows.sections, {
      ord: 'ord',
      parent_ord: 'parentOrd',
      kind: 'kind',
      label: 'label',
      heading: 'heading',
      level: 'level',
      page: 'page',
      line: 'line',
      end_page: 'endPage',
      end_line: 'endLine',
    });
    await this.db.insertChunks(tx, id, rows.chunks);
    await insertDocumentRows(tx, 'restoration_edits', id, rows.edits, {
      ord: 'ord',
      page: 'page',
      line: 'line',
      edit_json: 'json',
    });
    await insertDocumentRows(tx, 'page_layouts', id, rows.pages, {
      page: 'page',
      source: 'source',
      width: 'width',
      height: 'height',
      dpi: 'dpi',
      rotation: 'rotation',
      skew: 'skew',
      lines_json: 'linesJson',
    });
    await insertDocumentRows(tx, 'findings', id, rows.findings, {
      ord: 'ord',
      stage: 'stage',
      code: 'code',
      severity: 'severity',
      page: 'page',
      finding_json: 'json',
    });
  }

  private async candidates(tx: SqlRunner, keys: string[]): Promise<Map<string, Candidate[]>> {
    const byKey = new Map<string, Candidate[]>();
    if (keys.length === 0) return byKey;
    const rows = await tx.all<Candidate>(
      `SELECT d.id, k.key, d.issuer_folded, d.issued_start FROM document_keys k JOIN documents d ON d.id = k.document_id
       WHERE k.key IN (${placeholders(keys.length)})`,
      keys,
    );
    for (const row of rows) byKey.set(row.key, [...(byKey.get(row.key) ?? []), row]);
    return byKey;
  }

  /** Points this document's citations at archived documents. */
  private async resolveCitationsOf(tx: SqlRunner, rows: DocumentRows): Promise<void> {
    const byKey = await this.candidates(tx, [...new Set(rows.references.map((r) => r.key))]);
    for (const reference of rows.references) {
      const target = chooseTarget(reference.issuerFolded, byKey.get(reference.key) ?? [], rows.document.id);
      if (target)
        await tx.run('UPDATE doc_references SET target_id = ? WHERE document_id = ? AND ord = ?', [
          target,
          rows.document.id,
          reference.ord,
        ]);
    }
  }

  /** Re-resolves every citation filed under the new document's keys: a parent stored after its children. */
  private async resolveCitationsTo(tx: SqlRunner, id: string, keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    const waiting = await tx.all<{
      document_id: string;
      ord: number;
      key: string;
      issuer_folded: string | null;
      target_id: string | null;
    }>(
      `SELECT document_id, ord, key, issuer_folded, target_id FROM doc_references
       WHERE key IN (${placeholders(keys.length)}) AND document_id <> ?`,
      [...keys, id],
    );
    const byKey = await this.candidates(tx, keys);
    for (const reference of waiting) {
      const target = chooseTarget(
        reference.issuer_folded,
        byKey.get(reference.key) ?? [],
        reference.document_id,
      );
      if (target !== reference.target_id)
        await tx.run('UPDATE doc_references SET target_id = ? WHERE document_id = ? AND ord = ?', [
          target,
          reference.document_id,
          reference.ord,
        ]);
    }
  }

  async resolveId(idOrPrefix: string): Promise<string> {
    const prefix = idOrPrefix.trim().toLowerCase();
    if (!/^[0-9a-f]{4,64}$/.test(prefix))
      throw new VnplanError('VNPLAN_E_DOCUMENT_NOT_FOUND', { id: idOrPrefix });
    const rows = await this.db.all<{ id: string }>(
      'SELECT id FROM documents WHERE id >= ? AND id <= ? ORDER BY id LIMIT 2',
      [prefix, `${prefix}${'f'.repeat(64 - prefix.length)}`],
    );
    if (rows.length === 0) throw new VnplanError('VNPLAN_E_DOCUMENT_NOT_FOUND', { id: idOrPrefix });
    if (rows.length > 1) {
      const [count] = await this.db.all<{ n: number }>(
        'SELECT COUNT(*) AS n FROM documents WHERE id >= ? AND id <= ?',
        [prefix, `${prefix}${'f'.repeat(64 - prefix.length)}`],
      );
      throw new VnplanError('VNPLAN_E_DOCUMENT_AMBIGUOUS', { id: idOrPrefix, count: Number(count?.n ?? 2) });
    }
    return rows[0]!.id;
  }

  async hasDocument(id: string): Promise<boolean> {
    return (await this.db.all('SELECT 1 AS present FROM documents WHERE id = ?', [id])).length > 0;
  }

  async deleteDocument(id: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      if ((await tx.all('SELECT 1 AS present FROM documents WHERE id = ?', [id])).length === 0) return false;
      const orphaned = await this.removeDocument(tx, id);
      await tx.run('DELETE FROM corrections WHERE document_id = ?', [id]);
      await this.resolveCitationsTo(tx, id, orphaned);
      return true;
    });
  }

  async getDocument(idOrPrefix: string): Promise<StoredDocument> {
    const id = await this.resolveId(idOrPrefix);
    const [row] = await this.db.all<{ record_json: string; stored_at: string; run_id: string | null }>(
      `SELECT r.record_json, d.stored_at, d.run_id FROM documents d
       JOIN document_records r ON r.document_id = d.id WHERE d.id = ?`,
      [id],
    );
    if (!row) throw new VnplanError('VNPLAN_E_DOCUMENT_NOT_FOUND', { id: idOrPrefix });
    const sections = await this.db.all<{
      ord: number;
      parent_ord: number | null;
      kind: string;
      label: string | null;
      heading: string | null;
      level: number;
      page: number;
      line: number;
      end_page: number;
      end_line: number;
    }>(
      `SELECT ord, parent_ord, kind, label, heading, level, page, line, end_page, end_line
       FROM sections WHERE document_id = ? ORDER BY ord`,
      [id],
    );
    const chunks = await this.db.all<{ section_ord: number | null; text: string }>(
      'SELECT section_ord, text FROM chunks WHERE document_id = ? ORDER BY page, line',
      [id],
    );
    const sectionText = textBySection(sections, chunks);
    const edits = await this.db.all<{ edit_json: string }>(
      'SELECT edit_json FROM restoration_edits WHERE document_id = ? ORDER BY ord',
      [id],
    );
    const findings = await this.db.all<{ finding_json: string }>(
      'SELECT finding_json FROM findings WHERE document_id = ? ORDER BY ord',
      [id],
    );
    return {
      record: PlanRecord.parse(JSON.parse(row.record_json)),
      storedAt: row.stored_at,
      runId: row.run_id,
      sections: sections.map((s): StoredSection => ({
        ord: s.ord,
        parentOrd: s.parent_ord,
        kind: s.kind,
        label: s.label,
        heading: s.heading,
        level: s.level,
        page: s.page,
        line: s.line,
        endPage: s.end_page,
        endLine: s.end_line,
        text: sectionText.get(s.ord) ?? '',
      })),
      edits: edits.map((e) => JSON.parse(e.edit_json) as RestorationEdit),
      findings: findings.map((f) => JSON.parse(f.finding_json) as Finding),
      corrections: await readCorrections(this.db, id),
    };
  }

  private async recordOf(id: string): Promise<PlanRecord> {
    const [row] = await this.db.all<{ record_json: string }>(
      'SELECT record_json FROM document_records WHERE document_id = ?',
      [id],
    );
    if (!row) throw new VnplanError('VNPLAN_E_DOCUMENT_NOT_FOUND', { id });
    return PlanRecord.parse(JSON.parse(row.record_json));
  }

  async pages(idOrPrefix: string): Promise<PageLayout[]> {
    const id = await this.resolveId(idOrPrefix);
    const record = await this.recordOf(id);
    return readPageLayouts(this.db, id, record.source.pages);
  }

  async addCorrection(idOrPrefix: string, input: unknown): Promise<Correction> {
    const id = await this.resolveId(idOrPrefix);
    const record = await this.recordOf(id);
    const row = await checkedCorrection(input, record, () =>
      readPageLayouts(this.db, id, record.source.pages),
    );
    return insertCorrection(this.db, id, row);
  }

  async correctedDocuments(): Promise<string[]> {
    const rows = await this.db.all<{ document_id: string }>(
      'SELECT DISTINCT c.document_id FROM corrections c JOIN documents d ON d.id = c.document_id ORDER BY c.document_id',
    );
    return rows.map((row) => row.document_id);
  }

  deadlines(from: string, to: string, page?: Page): Promise<{ total: number; items: DeadlineOccurrence[] }> {
    return readDeadlines(this.db, from, to, pageOf(page ?? { limit: MAX_PAGE }).limit);
  }

  overview(): Promise<ArchiveOverview> {
    return readOverview(this.db);
  }

  async query(filters: QueryFilters = {}, page?: Page, order?: QueryOrder): Promise<QueryResult> {
    const { limit, offset } = pageOf(page);
    const where = whereClause(filters);
    const orderBy = orderClause(order);
    // Two statements rather than COUNT(*) OVER (): the page can then stop early on the issue-date index.
    const [count] = await this.db.all<{ total: number }>(
      `SELECT COUNT(*) AS total FROM documents d ${where.sql}`,
      where.params,
    );
    const total = Number(count?.total ?? 0);
    const rows =
      total > offset
        ? await this.db.all<SummaryRow>(
            `SELECT ${SUMMARY_COLUMNS} FROM documents d ${where.sql}
             ${orderBy} LIMIT ? OFFSET ?`,
            [...where.params, limit, offset],
          )
        : [];
    const result = rows.map(summary);
    const range = deadlineRange(filters);
    if (range && result.length > 0) await this.attachDeadlines(result, range);
    return { total, rows: result };
  }

  private async attachDeadlines(
    rows: DocumentSummary[],
    range: { from?: string; to?: string },
  ): Promise<void> {
    const deadlines = await this.db.all<Omit<DeadlineRow, 'responsible' | 'text'>>(
      `SELECT document_id, kind, start_date, end_date, start_day, end_day, action FROM deadlines
       WHERE document_id IN (${placeholders(rows.length)}) ORDER BY document_id, ord`,
      rows.map((row) => row.id),
    );
    for (const row of rows) row.deadlines = [];
    const byId = new Map(rows.map((row) => [row.id, row]));
    for (const deadline of deadlines) {
      let window: DeadlineWindow = null;
      if (deadline.kind === 'once' && deadline.start_date && deadline.end_date)
        window = { kind: 'once', start: deadline.start_date, end: deadline.end_date };
      if (deadline.kind === 'annual' && deadline.start_day && deadline.end_day)
        window = { kind: 'annual', startDay: deadline.start_day, endDay: deadline.end_day };
      for (const date of concreteDates(window, range.from, range.to))
        byId
          .get(deadline.document_id)
          ?.deadlines?.push({ date, kind: deadline.kind, action: deadline.action });
    }
  }

  async search(text: string, page?: Page): Promise<SearchResult> {
    const resolvedPage = pageOf(page);
    const exactTerms = searchTerms(text);
    const foldedTerms = searchTerms(foldText(text));
    if (exactTerms.length === 0 || foldedTerms.length === 0)
      throw new VnplanError('VNPLAN_E_USAGE', { detail: 'the search text has no words to look for' });
    const { total, hits } = await this.db.searchChunks(exactTerms, foldedTerms, resolvedPage);
    if (hits.length === 0) return { total, hits: [] };
    const chunks = await this.db.all<{
      id: number;
      document_id: string;
      page: number;
      line: number;
      text: string;
      number: string | null;
      title: string | null;
      label: string | null;
      heading: string | null;
      kind: string | null;
    }>(
      `SELECT c.id, c.document_id, c.page, c.line, c.text, d.number, d.title, s.label, s.heading, s.kind
       FROM chunks c JOIN documents d ON d.id = c.document_id
       LEFT JOIN sections s ON s.document_id = c.document_id AND s.ord = c.section_ord
       WHERE c.id IN (${placeholders(hits.length)})`,
      hits.map((hit) => hit.chunkId),
    );
    const byId = new Map(chunks.map((chunk) => [Number(chunk.id), chunk]));
    return {
      total,
      hits: hits.flatMap((hit) => {
        const chunk = byId.get(Number(hit.chunkId));
        if (!chunk) return [];
        const snippet = makeSnippet(chunk.text, foldText(chunk.text), foldedTerms);
        return [
          {
            id: chunk.document_id,
            number: chunk.number,
            title: chunk.title,
            section: chunk.kind ? { label: chunk.label, heading: chunk.heading, kind: chunk.kind } : null,
            page: chunk.page,
            line: chunk.line + snippet.lineOffset,
            snippet: snippet.text,
            score: Number(hit.score),
          },
        ];
      }),
    };
  }

  async refs(idOrPrefix: string): Promise<DocumentRefs> {
    const id = await this.resolveId(idOrPrefix);
    const parents = await this.db.all<{
      relation: Relation;
      key: string;
      text: string;
      target_id: string | null;
      number: string | null;
      type: string | null;
      title: string | null;
    }>(
      `SELECT r.relation, r.key, r.text, r.target_id, t.number, t.type, t.title
       FROM doc_references r LEFT JOIN documents t ON t.id = r.target_id
       WHERE r.document_id = ? ORDER BY r.ord`,
      [id],
    );
    const children = await this.db.all<{
      relation: Relation;
      key: string;
      text: string;
      document_id: string;
      number: string | null;
      type: string | null;
      title: string | null;
    }>(
      `SELECT r.relation, r.key, r.text, r.document_id, c.number, c.type, c.title
       FROM doc_references r JOIN documents c ON c.id = r.document_id
       WHERE r.target_id = ? ORDER BY c.issued_start, c.id, r.ord`,
      [id],
    );
    return {
      id,
      parents: parents.map((p) => ({
        relation: p.relation,
        key: p.key,
        text: p.text,
        document: p.target_id ? { id: p.target_id, number: p.number, type: p.type, title: p.title } : null,
      })),
      children: children.map((c) => ({
        relation: c.relation,
        key: c.key,
        text: c.text,
        document: { id: c.document_id, number: c.number, type: c.type, title: c.title },
      })),
    };
  }

  async missingParents(page?: Page): Promise<MissingParent[]> {
    const { limit, offset } = pageOf(page ?? { limit: MAX_PAGE });
    const keys = await this.db.all<{ key: string; cited_by: number }>(
      `SELECT key, COUNT(DISTINCT document_id) AS cited_by FROM doc_references WHERE target_id IS NULL
       GROUP BY key ORDER BY cited_by DESC, key LIMIT ? OFFSET ?`,
      [limit, offset],
    );
    if (keys.length === 0) return [];
    const citations = await this.db.all<{
      key: string;
      document_id: string;
      citing_number: string | null;
      relation: Relation;
      text: string;
      type: string | null;
      number: string | null;
      issuer: string | null;
      date: string | null;
    }>(
      `SELECT r.key, r.document_id, d.number AS citing_number, r.relation, r.text, r.type, r.number, r.issuer, r.date
       FROM doc_references r JOIN documents d ON d.id = r.document_id
       WHERE r.target_id IS NULL AND r.key IN (${placeholders(keys.length)}) ORDER BY r.document_id, r.ord`,
      keys.map((k) => k.key),
    );
    return keys.map(({ key, cited_by }) => {
      const mine = citations.filter((c) => c.key === key);
      const pick = <K extends 'type' | 'number' | 'issuer' | 'date'>(field: K) =>
        mine.find((c) => c[field])?.[field] ?? null;
      return {
        key,
        type: pick('type'),
        number: pick('number'),
        issuer: pick('issuer'),
        date: pick('date'),
        citedBy: Number(cited_by),
        citations: mine.map((c) => ({
          id: c.document_id,
          number: c.citing_number,
          relation: c.relation,
          text: c.text,
        })),
      };
    });
  }

  async startRun(label?: string): Promise<string> {
    const id = randomUUID();
    await this.db.run("INSERT INTO import_runs (id, label, started_at, status) VALUES (?, ?, ?, 'running')", [
      id,
      label ?? null,
      new Date().toISOString(),
    ]);
    return id;
  }

  async finishRun(runId: string, status: 'done' | 'failed' = 'done'): Promise<void> {
    await this.db.run('UPDATE import_runs SET finished_at = ?, status = ? WHERE id = ?', [
      new Date().toISOString(),
      status,
      runId,
    ]);
  }

  async getRun(runId: string): Promise<ImportRun | null> {
    const [run] = await this.db.all<{
      id: string;
      label: string | null;
      started_at: string;
      finished_at: string | null;
      status: ImportRun['status'];
    }>('SELECT id, label, started_at, finished_at, status FROM import_runs WHERE id = ?', [runId]);
    if (!run) return null;
    const [stored] = await this.db.all<{ n: number }>(
      'SELECT COUNT(*) AS n FROM documents WHERE run_id = ?',
      [runId],
    );
    const [failed] = await this.db.all<{ n: number }>(
      'SELECT COUNT(*) AS n FROM failed_imports WHERE run_id = ?',
      [runId],
    );
    return {
      id: run.id,
      label: run.label,
      startedAt: run.started_at,
      finishedAt: run.finished_at,
      status: run.status,
      stored: Number(stored?.n ?? 0),
      failed: Number(failed?.n ?? 0),
    };
  }

  async recordFailure(failure: {
    file: string;
    code: string;
    message: string;
    runId?: string;
  }): Promise<void> {
    await this.db.run('INSERT INTO failed_imports (run_id, file, code, message, at) VALUES (?, ?, ?, ?, ?)', [
      failure.runId ?? null,
      failure.file,
      failure.code,
      failure.message,
      new Date().toISOString(),
    ]);
  }

  async failures(runId?: string): Promise<FailedImport[]> {
    const rows = await this.db.all<{
      run_id: string | null;
      file: string;
      code: string;
      message: string;
      at: string;
    }>(
      runId
        ? 'SELECT run_id, file, code, message, at FROM failed_imports WHERE run_id = ? ORDER BY id'
        : 'SELECT run_id, file, code, message, at FROM failed_imports ORDER BY id',
      runId ? [runId] : [],
    );
    return rows.map((r) => ({ runId: r.run_id, file: r.file, code: r.code, message: r.message, at: r.at }));
  }

  async stats(): Promise<StoreStats> {
    const count = async (sql: string) => Number((await this.db.all<{ n: number }>(sql))[0]?.n ?? 0);
    return {
      documents: await count('SELECT COUNT(*) AS n FROM documents'),
      references: await count('SELECT COUNT(*) AS n FROM doc_references'),
      unresolvedReferences: await count('SELECT COUNT(*) AS n FROM doc_references WHERE target_id IS NULL'),
      sections: await count('SELECT COUNT(*) AS n FROM sections'),
      failedImports: await count('SELECT COUNT(*) AS n FROM failed_imports'),
      sizeBytes: await this.db.sizeBytes(),
    };
  }

  close(): Promise<void> {
    return this.db.close();
  }
}
