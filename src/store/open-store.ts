import { existsSync } from 'node:fs';
import { VnplanError } from '../errors/index.js';
import { PostgresBackend } from './postgres-backend.js';
import { SqliteBackend } from './sqlite-backend.js';
import { SqlStore } from './sql-store.js';
import type { Store } from './store.js';

/** The database `--db` names when none is given: a SQLite file in the working folder. */
export const DEFAULT_DB = './vnplan.db';

export interface OpenStoreOptions {
  /**
   * Refuse to create a SQLite file that does not exist yet (read-only commands).
   * @defaultValue false
   */
  mustExist?: boolean;
}

export const isPostgresSpec = (dbSpec: string): boolean => /^postgres(ql)?:\/\//i.test(dbSpec);

/**
 * Opens (and migrates) the store a `--db` value names: `postgres://…` or `postgresql://…` is PostgreSQL,
 * anything else a SQLite file path (`:memory:` for a throwaway database).
 */
export async function openStore(dbSpec: string = DEFAULT_DB, options: OpenStoreOptions = {}): Promise<Store> {
  if (options.mustExist && !isPostgresSpec(dbSpec) && dbSpec !== ':memory:' && !existsSync(dbSpec))
    throw new VnplanError('VNPLAN_E_DB_UNAVAILABLE', {
      detail: `no archive at ${dbSpec}; import documents first or pass --db`,
    });
  const backend = isPostgresSpec(dbSpec) ? new PostgresBackend(dbSpec) : new SqliteBackend(dbSpec);
  try {
    await backend.migrate();
  } catch (error) {
    await backend.close().catch(() => undefined);
    throw error;
  }
  return new SqlStore(backend);
}
