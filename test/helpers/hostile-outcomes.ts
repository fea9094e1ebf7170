import { join } from 'node:path';
import { expect } from 'vitest';
import type { HostileCase } from '../../scripts/hostile/corpus.js';
import { openStore } from '../../src/store/index.js';
import { jsonLines } from './cli-run.js';

interface Line {
  type: string;
  path?: string;
  code?: string;
  message?: string;
  number?: string | null;
  stored?: number;
  failed?: number;
  duplicates?: number;
}

/** The corpus run with a low --max-pages, so the long scan is refused by the limit rather than OCR'd. */
export const HOSTILE_MAX_PAGES = 100;

/** A bound no hostile file may push an import process past (the OCR pool alone takes ~300–600 MiB). */
export const MEMORY_CEILING_MIB = 1536;

/**
 * Checks an import of the hostile corpus, per file: the failure code it must end with (and a message that
 * says what to do), or stored with the right number; that nothing else failed; and that the store holds
 * exactly the good files and a failure record for each bad one.
 */
export async function expectHostileOutcomes(
  cases: readonly HostileCase[],
  corpus: string,
  output: string,
  db: string,
): Promise<void> {
  const lines = jsonLines<Line>(output);
  const summary = lines.at(-1);
  const events = lines.filter((line) => line.type !== 'summary');
  for (const entry of cases) {
    const seen = events.filter((line) => line.path === join(corpus, entry.file));
    expect(seen, entry.file).toHaveLength(1);
    const [event] = seen;
    if (entry.expect === 'stored') {
      expect(event, entry.file).toMatchObject({ type: 'stored' });
      if (entry.number) expect(event?.number, entry.file).toBe(entry.number);
    } else {
      expect(event, entry.file).toMatchObject({ type: 'failed', code: entry.expect });
      // One line that says what to do, never a stack trace.
      expect(event?.message, entry.file).toMatch(/: .{10,}/);
      expect(event?.message, entry.file).not.toMatch(/\n\s+at /);
    }
  }
  const good = cases.filter((entry) => entry.expect === 'stored');
  expect(events).toHaveLength(cases.length);
  expect(summary).toMatchObject({
    type: 'summary',
    stored: good.length,
    failed: cases.length - good.length,
    duplicates: 0,
  });

  const store = await openStore(db);
  try {
    const { rows } = await store.query({}, { limit: 500 });
    const storedPaths = await Promise.all(
      rows.map(async (row) => (await store.getDocument(row.id)).record.source.path),
    );
    expect(storedPaths.sort()).toEqual(good.map((entry) => join(corpus, entry.file)).sort());
    const failures = await store.failures();
    expect(failures.map((failure) => `${failure.file} ${failure.code}`).sort()).toEqual(
      cases
        .filter((entry) => entry.expect !== 'stored')
        .map((entry) => `${join(corpus, entry.file)} ${entry.expect}`)
        .sort(),
    );
  } finally {
    await store.close();
  }
}
