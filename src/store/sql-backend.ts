import type { DocumentRows } from './document-rows.js';
import type { Page } from './store.js';

/** Runs SQL written with `?` placeholders; every value is bound, never spliced into the text. */
export interface SqlRunner {
  all<T>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs a statement and resolves to the number of rows it changed. */
  run(sql: string, params?: readonly unknown[]): Promise<number>;
}

/** A chunk of repaired text the full-text index found, best first. */
export interface ChunkHit {
  chunkId: number;
  score: number;
}

/** What differs between SQLite and PostgreSQL: connections, transactions and the full-text index. */
export interface SqlBackend extends SqlRunner {
  readonly kind: 'sqlite' | 'postgres';
  /** Files on this machine the database keeps itself in (none for a server). */
  readonly files: readonly string[];
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T>;
  /** Applies pending migrations; refuses a schema newer than this code knows. */
  migrate(): Promise<void>;
  insertChunks(tx: SqlRunner, documentId: string, chunks: DocumentRows['chunks']): Promise<void>;
  deleteChunks(tx: SqlRunner, documentId: string): Promise<void>;
  /** Chunks matching every folded term, ranked; an exact (accented) phrase match ranks first. */
  searchChunks(
    exactTerms: string[],
    foldedTerms: string[],
    page: Required<Page>,
  ): Promise<{ total: number; hits: ChunkHit[] }>;
  /**
   * Serialises concurrent writers that touch the same reference keys until `tx` ends, so that a parent
   * and its child stored at the same moment by two workers still find each other. Keys come sorted.
   */
  lockKeys(tx: SqlRunner, keys: readonly string[]): Promise<void>;
  sizeBytes(): Promise<number>;
  close(): Promise<void>;
}

/** Inserts rows in multi-row statements (few round trips), placeholders only. */
export async function insertMany(
  tx: SqlRunner,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
): Promise<void> {
  const perStatement = Math.max(1, Math.floor(900 / columns.length));
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  for (let start = 0; start < rows.length; start += perStatement) {
    const batch = rows.slice(start, start + perStatement);
    await tx.run(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${batch.map(() => tuple).join(', ')}`,
      batch.flat(),
    );
  }
}

/**
 * Inserts one document's rows of a child table: `columns` maps each column to the row property it takes,
 * and every row gets the document's id in `document_id`.
 */
export function insertDocumentRows<Row>(
  tx: SqlRunner,
  table: string,
  documentId: string,
  rows: readonly Row[],
  columns: Readonly<Record<string, keyof Row>>,
): Promise<void> {
  const names = Object.keys(columns);
  return insertMany(
    tx,
    table,
    ['document_id', ...names],
    rows.map((row) => [documentId, ...names.map((name) => row[columns[name]!])]),
  );
}
