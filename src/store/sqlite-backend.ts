import Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { VnplanError } from '../errors/index.js';
import type { DocumentRows } from './document-rows.js';
import { applyMigrations, initialMigration, layoutsAndCorrectionsMigration } from './migrations.js';
import { SerialLock } from './serial-lock.js';
import { type ChunkHit, type SqlBackend, type SqlRunner } from './sql-backend.js';
import type { Page } from './store.js';

// Contentless: the index keeps no copy of the text (chunks has it); rows are deleted by rowid.
const FTS_STATEMENTS = [
  `CREATE VIRTUAL TABLE chunks_fts USING fts5(text, folded, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0')`,
  // Merge index segments 16 at a time instead of 4: each stored document commits a segment of its own.
  `INSERT INTO chunks_fts (chunks_fts, rank) VALUES ('automerge', 16)`,
];

export const SQLITE_MIGRATIONS = [
  initialMigration('INTEGER PRIMARY KEY', 'TEXT', FTS_STATEMENTS),
  layoutsAndCorrectionsMigration('INTEGER PRIMARY KEY'),
];

const quote = (term: string): string => `"${term.replaceAll('"', '""')}"`;

/** SQLite through better-sqlite3: one connection, WAL, statements cached; async calls run one at a time. */
export class SqliteBackend implements SqlBackend {
  readonly kind = 'sqlite' as const;
  readonly files: readonly string[];
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  /**
   * One lock per database file for the whole process: better-sqlite3 is synchronous, so a second
   * connection waiting for the write lock would block the event loop that must finish the first.
   */
  private static readonly locks = new Map<string, SerialLock>();
  private readonly lock: SerialLock;
  private inTransaction = false;

  constructor(readonly path: string) {
    const lockKey = path === ':memory:' ? `:memory:${Math.random()}` : resolve(path);
    let lock = SqliteBackend.locks.get(lockKey);
    if (!lock) {
      lock = new SerialLock();
      SqliteBackend.locks.set(lockKey, lock);
    }
    this.lock = lock;
    this.files =
      path === ':memory:'
        ? []
        : ['', '-journal', '-wal', '-shm'].map((suffix) => `${resolve(path)}${suffix}`);
    try {
      // The busy timeout first: several worker processes may open (and switch to WAL) one file at once.
      this.db = new Database(path, { timeout: 30_000 });
      this.db.pragma('busy_timeout = 30000');
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = NORMAL');
      // Checkpoint (and fsync the database file) every ~40 MB of WAL rather than every 4 MB: the
      // checkpoints were half the cost of storing a document.
      this.db.pragma('wal_autocheckpoint = 10000');
      this.db.pragma('journal_size_limit = 67108864');
      this.db.pragma('foreign_keys = ON');
    } catch (error) {
      throw new VnplanError(
        'VNPLAN_E_DB_UNAVAILABLE',
        { detail: (error as Error).message },
        { path, cause: error },
      );
    }
  }

  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  private readonly direct: SqlRunner = {
    all: async <T>(sql: string, params: readonly unknown[] = []) =>
      this.statement(sql).all(...params.map(bindable)) as T[],
    run: async (sql: string, params: readonly unknown[] = []) =>
      this.statement(sql).run(...params.map(bindable)).changes,
  };

  all<T>(sql: string, params?: readonly unknown[]): Promise<T[]> {
    return this.inTransaction
      ? this.lock.run(() => this.direct.all<T>(sql, params))
      : this.direct.all<T>(sql, params);
  }

  run(sql: string, params?: readonly unknown[]): Promise<number> {
    return this.lock.run(() => this.direct.run(sql, params));
  }

  transaction<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T> {
    return this.lock.run(async () => {
      this.db.exec('BEGIN IMMEDIATE');
      this.inTransaction = true;
      try {
        const result = await work(this.direct);
        this.db.exec('COMMIT');
        return result;
      } catch (error) {
        this.db.exec('ROLLBACK');
        throw error;
      } finally {
        this.inTransaction = false;
      }
    });
  }

  migrate(): Promise<void> {
    return applyMigrations(this.direct, (work) => this.transaction(work), SQLITE_MIGRATIONS);
  }

  async insertChunks(tx: SqlRunner, documentId: string, chunks: DocumentRows['chunks']): Promise<void> {
    // Called inside transaction() only, on this connection: statements run directly for the row id.
    void tx;
    const insertChunk = this.statement(
      'INSERT INTO chunks (document_id, section_ord, page, line, text) VALUES (?, ?, ?, ?, ?)',
    );
    const indexChunk = this.statement('INSERT INTO chunks_fts (rowid, text, folded) VALUES (?, ?, ?)');
    for (const chunk of chunks) {
      const { lastInsertRowid } = insertChunk.run(
        documentId,
        chunk.sectionOrd,
        chunk.page,
        chunk.line,
        chunk.text,
      );
      indexChunk.run(lastInsertRowid, chunk.text, chunk.folded);
    }
  }

  async deleteChunks(tx: SqlRunner, documentId: string): Promise<void> {
    await tx.run('DELETE FROM chunks_fts WHERE rowid IN (SELECT id FROM chunks WHERE document_id = ?)', [
      documentId,
    ]);
    await tx.run('DELETE FROM chunks WHERE document_id = ?', [documentId]);
  }

  async searchChunks(
    exactTerms: string[],
    foldedTerms: string[],
    page: Required<Page>,
  ): Promise<{ total: number; hits: ChunkHit[] }> {
    const match = `(folded : (${foldedTerms.map(quote).join(' AND ')})) OR (text : ${quote(exactTerms.join(' '))})`;
    const rows = await this.all<ChunkHit & { total: number }>(
      `SELECT chunkId, score, COUNT(*) OVER () AS total FROM (
         SELECT rowid AS chunkId, -bm25(chunks_fts, 5.0, 1.0) AS score FROM chunks_fts WHERE chunks_fts MATCH ?
       ) ORDER BY score DESC, chunkId LIMIT ? OFFSET ?`,
      [match, page.limit, page.offset],
    );
    let total = rows[0]?.total ?? 0;
    if (rows.length === 0 && page.offset > 0) {
      const [count] = await this.all<{ total: number }>(
        'SELECT COUNT(*) AS total FROM chunks_fts WHERE chunks_fts MATCH ?',
        [match],
      );
      total = count?.total ?? 0;
    }
    return { total, hits: rows.map(({ chunkId, score }) => ({ chunkId, score })) };
  }

  /** Nothing to do: BEGIN IMMEDIATE already admits one writer at a time. */
  async lockKeys(): Promise<void> {}

  async sizeBytes(): Promise<number> {
    await this.lock.run(async () => this.db.pragma('wal_checkpoint(TRUNCATE)'));
    let size = 0;
    for (const file of this.files) {
      try {
        size += statSync(file).size;
      } catch {
        // The file does not exist (in-memory database or no WAL yet).
      }
    }
    return size;
  }

  async close(): Promise<void> {
    await this.lock.run(async () => this.db.close());
  }
}

function bindable(value: unknown): unknown {
  if (value === undefined) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}
