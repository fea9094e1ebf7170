import type { Command } from 'commander';
import { DEFAULT_DB, openStore, type Store } from '../store/index.js';

/** The `--db` option every store command takes. */
export function addDbOption(command: Command): Command {
  return command.option(
    '--db <spec>',
    'SQLite file or postgres://… URL (default: $VNPLAN_DB or ./vnplan.db)',
  );
}

export function dbSpecOf(options: { db?: string }): string {
  return options.db ?? process.env.VNPLAN_DB ?? DEFAULT_DB;
}

/** Opens the store for one command and always closes it. */
export async function withStore<T>(
  options: { db?: string },
  work: (store: Store) => Promise<T>,
  mustExist = true,
): Promise<T> {
  const store = await openStore(dbSpecOf(options), { mustExist });
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}
