import type { BBox, Finding } from '../findings.js';
import type { Correction } from '../review/index.js';
import type { PlanRecord, ProcessedDocument, RestorationEdit, Relation } from '../record/index.js';

/** Filters of `vnplan query` and `GET /documents`; every given filter must hold (AND). */
export interface QueryFilters {
  /** Type name or code, accent- and case-insensitive: "Kế hoạch", "ke hoach", "KH". */
  type?: string;
  /** Part of the issuer's name, accent- and case-insensitive. */
  issuer?: string;
  /** Symbol of the document number: "KH-UBND". */
  symbol?: string;
  /** Whole number ("152/KH-UBND") or serial alone ("152"). */
  number?: string;
  /** Issued on or after (YYYY, YYYY-MM or YYYY-MM-DD). */
  issuedFrom?: string;
  issuedTo?: string;
  /** Has a deadline on or after this date; annual deadlines count at every yearly recurrence. */
  deadlineFrom?: string;
  deadlineTo?: string;
  /** Award form, accent-insensitive prefix: "Bằng khen", "Huân chương". */
  award?: string;
  /** Cites the document with this number. */
  cites?: string;
  /** The plan's period includes this year. */
  periodYear?: number;
  /** Cites at least one document that is not in the archive. */
  missingParents?: boolean;
}

export type SortKey = 'issued' | 'number' | 'type' | 'issuer' | 'title';

/** How query results are ordered; rows without the value come last. */
export interface QueryOrder {
  /** @defaultValue 'issued' */
  sort?: SortKey;
  /** @defaultValue true for 'issued' (newest first), false otherwise */
  descending?: boolean;
}

export interface Page {
  /** @defaultValue 50 */
  limit?: number;
  /** @defaultValue 0 */
  offset?: number;
}

/** One row of a query result: what `--json` prints. */
export interface DocumentSummary {
  id: string;
  number: string | null;
  type: string | null;
  issuer: string | null;
  issuedDate: string | null;
  title: string | null;
  /** Concrete deadline dates inside the requested range, when a deadline filter was given. */
  deadlines?: { date: string; kind: 'annual' | 'once'; action: string | null }[];
}

export interface QueryResult {
  total: number;
  rows: DocumentSummary[];
}

export interface SearchHit {
  id: string;
  number: string | null;
  title: string | null;
  /** The section the text belongs to ("II. 2." label and heading), null outside any section. */
  section: { label: string | null; heading: string | null; kind: string } | null;
  page: number;
  line: number;
  snippet: string;
  score: number;
}

export interface SearchResult {
  total: number;
  hits: SearchHit[];
}

export interface StoredSection {
  ord: number;
  parentOrd: number | null;
  kind: string;
  label: string | null;
  heading: string | null;
  level: number;
  page: number;
  line: number;
  endPage: number;
  endLine: number;
  /** The repaired text of the section's whole span, lines joined with "\n". */
  text: string;
}

export interface StoredDocument {
  record: PlanRecord;
  storedAt: string;
  runId: string | null;
  sections: StoredSection[];
  edits: RestorationEdit[];
  findings: Finding[];
  /** Reviewers' corrections, oldest first: a layer over `record` and the text, which stay as the machine wrote them. */
  corrections: Correction[];
}

/** One line of a page as provenance numbers it, with its box where the page's geometry is known. */
export interface PageLine {
  line: number;
  text: string;
  /** In the page's own pixels (`width` × `height`). */
  bbox: BBox | null;
  /** OCR confidence 0–100, null for text layers and text files. */
  confidence: number | null;
}

export interface PageLayout {
  page: number;
  /** 'text-layer', 'ocr' or 'text-file'; null for archives written before layouts were kept. */
  source: string | null;
  width: number | null;
  height: number | null;
  dpi: number | null;
  /** Degrees the page image was turned before OCR (boxes are in the turned image). */
  rotation: number;
  /** Degrees of skew OCR straightened (the image was turned by minus this). */
  skewAngle: number;
  lines: PageLine[];
}

/** One concrete date of a deadline inside a range (annual deadlines once per year). */
export interface DeadlineOccurrence {
  /** As `vnplan query` prints it: a day, a month ("2026-11") or a span ("a..b"). */
  date: string;
  start: string;
  end: string;
  kind: 'annual' | 'once';
  action: string | null;
  responsible: string | null;
  text: string;
  document: { id: string; number: string | null; title: string | null };
}

export interface ArchiveOverview {
  documents: number;
  byIssuerYear: { issuer: string | null; year: number | null; count: number }[];
  /** Award forms, with how often they appear and in how many documents. */
  awardForms: { form: string; count: number; documents: number }[];
}

/** A reference between two documents, seen from one side. */
export interface ReferenceEdge {
  relation: Relation;
  key: string;
  text: string;
  /** The other document, when it is in the archive. */
  document: { id: string; number: string | null; type: string | null; title: string | null } | null;
}

export interface DocumentRefs {
  id: string;
  /** Documents this one cites (resolved or not). */
  parents: ReferenceEdge[];
  /** Archived documents that cite this one. */
  children: ReferenceEdge[];
}

export interface MissingParent {
  key: string;
  type: string | null;
  number: string | null;
  issuer: string | null;
  date: string | null;
  /** How many archived documents cite it. */
  citedBy: number;
  citations: { id: string; number: string | null; relation: Relation; text: string }[];
}

export interface ImportRun {
  id: string;
  startedAt: string;
  finishedAt: string | null;
  status: 'running' | 'done' | 'failed';
  label: string | null;
  stored: number;
  failed: number;
}

export interface FailedImport {
  runId: string | null;
  file: string;
  code: string;
  message: string;
  at: string;
}

export interface StoreStats {
  documents: number;
  references: number;
  unresolvedReferences: number;
  sections: number;
  failedImports: number;
  /** Size of the database on disk, in bytes. */
  sizeBytes: number;
}

/**
 * The archive. Both backends (SQLite, PostgreSQL) implement it and pass one test suite.
 * Every method binds its parameters; none interpolates a value into SQL.
 */
export interface Store {
  readonly backend: 'sqlite' | 'postgres';
  /**
   * Files on this machine the archive keeps itself in (SQLite's database, its journal, WAL and shared
   * memory; none for PostgreSQL): an import of the folder holding them skips them.
   */
  readonly files: readonly string[];
  /** Stores a document whole or not at all; storing an id again replaces it atomically. */
  putDocument(processed: ProcessedDocument, runId?: string): Promise<void>;
  /** Stores several documents in one transaction (all or none): far fewer commits for bulk loads. */
  putDocuments(batch: readonly ProcessedDocument[], runId?: string): Promise<void>;
  /** Resolves a full id or a unique prefix (at least 4 hex digits) to the full id. */
  resolveId(idOrPrefix: string): Promise<string>;
  getDocument(idOrPrefix: string): Promise<StoredDocument>;
  hasDocument(id: string): Promise<boolean>;
  deleteDocument(id: string): Promise<boolean>;
  query(filters?: QueryFilters, page?: Page, order?: QueryOrder): Promise<QueryResult>;
  search(text: string, page?: Page): Promise<SearchResult>;
  refs(idOrPrefix: string): Promise<DocumentRefs>;
  /** Cited documents not in the archive, most-cited first, with every citing text. */
  missingParents(page?: Page): Promise<MissingParent[]>;
  /** Every page's lines (numbered as provenance numbers them) with their boxes. */
  pages(idOrPrefix: string): Promise<PageLayout[]>;
  /** Stores a reviewer's acceptance or correction, checked against the machine output; 400-style errors otherwise. */
  addCorrection(idOrPrefix: string, input: unknown): Promise<Correction>;
  /** Ids of documents with at least one correction. */
  correctedDocuments(): Promise<string[]>;
  /** Deadlines falling in [from, to] (YYYY[-MM[-DD]]), soonest first. */
  deadlines(from: string, to: string, page?: Page): Promise<{ total: number; items: DeadlineOccurrence[] }>;
  overview(): Promise<ArchiveOverview>;
  startRun(label?: string): Promise<string>;
  finishRun(runId: string, status?: 'done' | 'failed'): Promise<void>;
  getRun(runId: string): Promise<ImportRun | null>;
  recordFailure(failure: { file: string; code: string; message: string; runId?: string }): Promise<void>;
  failures(runId?: string): Promise<FailedImport[]>;
  stats(): Promise<StoreStats>;
  close(): Promise<void>;
}
