import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPostgresDatabase } from './store-fixtures.js';

/** A fresh, empty database spec for each backend, and how to throw it away. */
export interface BackendFactory {
  name: 'sqlite' | 'postgres';
  create(): Promise<{ spec: string; dispose: () => Promise<void> }>;
}

export const BACKENDS: BackendFactory[] = [
  {
    name: 'sqlite',
    create: async () => {
      const dir = mkdtempSync(join(tmpdir(), 'vnplan-store-'));
      return {
        spec: join(dir, 'test.db'),
        dispose: async () => rmSync(dir, { recursive: true, force: true }),
      };
    },
  },
  {
    name: 'postgres',
    create: async () => {
      const database = await createPostgresDatabase();
      return { spec: database.url, dispose: database.drop };
    },
  },
];
