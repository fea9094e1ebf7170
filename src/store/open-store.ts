import { PostgresBackend } from './postgres-backend.js';
import { SqliteBackend } from './sqlite-backend.js';
import { SqlStore } from './sql-store.js';
import type { Store } from './store.js';

/** The database `--db` names when none is given: a SQLite file in the working folder. */
export const DEFAULT_DB = './vnplan.db';

/**
 * Opens (and migrates) the store a `--db` value names: `postgres://…` or `postgresql://…` is PostgreSQL,
 * anything else a SQLite file path (`:memory:` for a throwaway database).
 */
export async function openStore(dbSpec: string = DEFAULT_DB): Promise<Store> {
  const backend = /^postgres(ql)?:\/\//i.test(dbSpec)
    ? new PostgresBackend(dbSpec)
    : new SqliteBackend(dbSpec);
  try {
    await backend.migrate();
  } catch (error) {
    await backend.close().catch(() => undefined);
    throw error;
  }
  return new SqlStore(backend);
}
