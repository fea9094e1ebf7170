import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { FIXTURES_DIR } from '../../src/paths.js';
import { ProcessedDocument } from '../../src/record/index.js';

/** The hand-written processed documents in fixtures/records, by file name without ".json". */
export function loadRecordFixtures(): Map<string, ProcessedDocument> {
  const dir = join(FIXTURES_DIR, 'records');
  const fixtures = new Map<string, ProcessedDocument>();
  for (const name of readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort())
    fixtures.set(
      name.replace(/\.json$/, ''),
      ProcessedDocument.parse(JSON.parse(readFileSync(join(dir, name), 'utf8'))),
    );
  return fixtures;
}

export function fixture(fixtures: Map<string, ProcessedDocument>, name: string): ProcessedDocument {
  const found = fixtures.get(name);
  if (!found) throw new Error(`no fixture ${name}`);
  return structuredClone(found);
}

/** The PostgreSQL server the tests use (trust auth on 127.0.0.1). */
export const POSTGRES_ADMIN_URL =
  process.env.VNPLAN_TEST_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Creates a uniquely named database for one test file; `drop` removes it. */
export async function createPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `vnplan_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`);
  await admin.end();
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
