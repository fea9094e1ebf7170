import pg from 'pg';
import { VnplanError } from '../errors/index.js';
import type { DocumentRows } from './document-rows.js';
import { searchTerms } from './fold.js';
import { applyMigrations, initialMigration, layoutsAndCorrectionsMigration } from './migrations.js';
import type { ChunkHit, SqlBackend, SqlRunner } from './sql-backend.js';
import type { Page } from './store.js';

/**
 * Full text on PostgreSQL: two tsvectors per chunk with the 'simple' configuration, one over the text
 * lower-cased, one over the text folded in JS (the same folding SQLite uses, so both backends agree and
 * no extension or superuser is needed). Words are split in JS too, so "152/KH-UBND" is three words on both.
 */
const FTS_STATEMENTS = [
  'ALTER TABLE chunks ADD COLUMN exact_tsv tsvector NOT NULL',
  'ALTER TABLE chunks ADD COLUMN folded_tsv tsvector NOT NULL',
  'CREATE INDEX chunks_folded_tsv ON chunks USING GIN (folded_tsv)',
];

export const POSTGRES_MIGRATIONS = [
  initialMigration('BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY', 'TEXT COLLATE "C"', FTS_STATEMENTS),
  layoutsAndCorrectionsMigration('BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY'),
];

/** `?` placeholders → `$1, $2, …` (our SQL has no `?` inside literals). */
export function numberPlaceholders(sql: string): string {
  let index = 0;
  return sql.replace(/\?/g, () => `$${++index}`);
}

const words = (text: string): string => searchTerms(text.toLowerCase()).join(' ');

function runnerOf(client: pg.Pool | pg.PoolClient): SqlRunner {
  return {
    all: async <T>(sql: string, params: readonly unknown[] = []) =>
      (await client.query(numberPlaceholders(sql), params as unknown[])).rows as T[],
    run: async (sql: string, params: readonly unknown[] = []) =>
      (await client.query(numberPlaceholders(sql), params as unknown[])).rowCount ?? 0,
  };
}

// COUNT and BIGINT come back as strings by default; our counts and ids fit in a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));

/** PostgreSQL through a pg pool: many processes on many machines can write at once. */
export class PostgresBackend implements SqlBackend {
  readonly kind = 'postgres' as const;
  readonly files: readonly string[] = [];
  private readonly pool: pg.Pool;
  private readonly runner: SqlRunner;

  constructor(readonly url: string) {
    this.pool = new pg.Pool({ connectionString: url, max: 4 });
    this.pool.on('error', () => undefined);
    this.runner = runnerOf(this.pool);
  }

  private async guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (
        code === 'ECONNREFUSED' ||
        code === 'ENOTFOUND' ||
        code === '3D000' ||
        code === '28P01' ||
        code === '28000'
      )
        throw new VnplanError(
          'VNPLAN_E_DB_UNAVAILABLE',
          { detail: (error as Error).message },
          { cause: error },
        );
      throw error;
    }
  }

  all<T>(sql: string, params?: readonly unknown[]): Promise<T[]> {
    return this.guard(() => this.runner.all<T>(sql, params));
  }

  run(sql: string, params?: readonly unknown[]): Promise<number> {
    return this.guard(() => this.runner.run(sql, params));
  }

  async transaction<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T> {
    const client = await this.guard(() => this.pool.connect());
    try {
      await client.query('BEGIN');
      const result = await work(runnerOf(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async migrate(): Promise<void> {
    // Two processes opening a fresh database at once must not both create the tables.
    await this.transaction(async (tx) => {
      await tx.run('SELECT pg_advisory_xact_lock(7206, 0)');
      await applyMigrations(tx, (work) => work(tx), POSTGRES_MIGRATIONS);
    });
  }

  async insertChunks(tx: SqlRunner, documentId: string, chunks: DocumentRows['chunks']): Promise<void> {
    const tuple = "(?, ?, ?, ?, ?, to_tsvector('simple', ?), to_tsvector('simple', ?))";
    for (let start = 0; start < chunks.length; start += 100) {
      const batch = chunks.slice(start, start + 100);
      await tx.run(
        `INSERT INTO chunks (document_id, section_ord, page, line, text, exact_tsv, folded_tsv)
         VALUES ${batch.map(() => tuple).join(', ')}`,
        batch.flatMap((chunk) => [
          documentId,
          chunk.sectionOrd,
          chunk.page,
          chunk.line,
          chunk.text,
          words(chunk.text),
          words(chunk.folded),
        ]),
      );
    }
  }

  async deleteChunks(tx: SqlRunner, documentId: string): Promise<void> {
    await tx.run('DELETE FROM chunks WHERE document_id = ?', [documentId]);
  }

  async searchChunks(
    exactTerms: string[],
    foldedTerms: string[],
    page: Required<Page>,
  ): Promise<{ total: number; hits: ChunkHit[] }> {
    const folded = foldedTerms.join(' & ');
    const exact = exactTerms.map((term) => term.toLowerCase()).join(' ');
    const rows = await this.all<ChunkHit & { total: number }>(
      `WITH q AS (SELECT to_tsquery('simple', ?) AS folded, phraseto_tsquery('simple', ?) AS exact)
       SELECT c.id AS "chunkId",
              ts_rank(c.folded_tsv, q.folded) + CASE WHEN c.exact_tsv @@ q.exact THEN 1 ELSE 0 END AS score,
              COUNT(*) OVER () AS total
       FROM chunks c, q WHERE c.folded_tsv @@ q.folded
       ORDER BY score DESC, c.id LIMIT ? OFFSET ?`,
      [folded, exact, page.limit, page.offset],
    );
    let total = rows[0]?.total ?? 0;
    if (rows.length === 0 && page.offset > 0) {
      const [count] = await this.all<{ total: number }>(
        "SELECT COUNT(*) AS total FROM chunks WHERE folded_tsv @@ to_tsquery('simple', ?)",
        [folded],
      );
      total = count?.total ?? 0;
    }
    return { total, hits: rows.map(({ chunkId, score }) => ({ chunkId, score })) };
  }

  async lockKeys(tx: SqlRunner, keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return;
    // Taken in sorted order (the aggregate reads the sorted subquery), so two writers never wait in a cycle.
    await tx.run(
      'SELECT COUNT(pg_advisory_xact_lock(7207, hashtext(k))) FROM (SELECT k FROM unnest(?::text[]) AS k ORDER BY k) AS sorted',
      [keys],
    );
  }

  async sizeBytes(): Promise<number> {
    const [row] = await this.all<{ size: number }>('SELECT pg_database_size(current_database()) AS size');
    return row?.size ?? 0;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
