import { VnplanError } from '../errors/index.js';
import { SCHEMA_V1, SCHEMA_V2 } from './schema.js';
import type { SqlRunner } from './sql-backend.js';

export interface Migration {
  version: number;
  name: string;
  statements: string[];
}

/** Splits a script into statements (the schema has no semicolons inside statements). */
export function statementsOf(script: string): string[] {
  return script
    .split(/;\s*\n/)
    .map((statement) =>
      statement
        .replace(/^\s*--.*$/gm, '')
        .trim()
        .replace(/;$/, ''),
    )
    .filter((statement) => statement.length > 0);
}

/** Version 1 for one backend: the shared tables with its auto-increment key, then its own statements. */
export function initialMigration(autoId: string, byteOrderedText: string, extra: string[]): Migration {
  const script = SCHEMA_V1.replaceAll('AUTO_ID', autoId).replaceAll('BYTE_ORDERED_TEXT', byteOrderedText);
  return { version: 1, name: 'initial', statements: [...statementsOf(script), ...extra] };
}

/** Version 2 for one backend: page layouts and reviewers' corrections. */
export function layoutsAndCorrectionsMigration(autoId: string): Migration {
  return {
    version: 2,
    name: 'page layouts and corrections',
    statements: statementsOf(SCHEMA_V2.replaceAll('AUTO_ID', autoId)),
  };
}

/**
 * Applies every migration newer than the database's version, each in its own transaction, and refuses
 * a database written by a newer vnplan (VNPLAN_E_DB_SCHEMA).
 */
export async function applyMigrations(
  runner: SqlRunner,
  transaction: <T>(work: (tx: SqlRunner) => Promise<T>) => Promise<T>,
  migrations: readonly Migration[],
): Promise<void> {
  await runner.run(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
  );
  const [row] = await runner.all<{ version: number | null }>(
    'SELECT MAX(version) AS version FROM schema_migrations',
  );
  const current = Number(row?.version ?? 0);
  const known = Math.max(...migrations.map((migration) => migration.version));
  if (current > known) throw new VnplanError('VNPLAN_E_DB_SCHEMA', { found: current, known });
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    await transaction(async (tx) => {
      // Another process may have applied it since we looked (two workers opening a new archive at once).
      const applied = await tx.all('SELECT 1 FROM schema_migrations WHERE version = ?', [migration.version]);
      if (applied.length > 0) return;
      for (const statement of migration.statements) await tx.run(statement);
      await tx.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [
        migration.version,
        migration.name,
        new Date().toISOString(),
      ]);
    });
  }
}
