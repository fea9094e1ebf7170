import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { extractRecord } from '../../src/extract/index.js';
import { FIXTURES_DIR } from '../../src/paths.js';
import type { PlanRecord } from '../../src/record/index.js';
import { documentTextFromString } from '../../src/text-input/index.js';

export function fixtureText(relative: string): string {
  return readFileSync(join(FIXTURES_DIR, relative), 'utf8');
}

export function extractText(text: string, path = 'inline.txt'): PlanRecord {
  return extractRecord({
    id: 'a'.repeat(64),
    source: { path, kind: 'text', pages: 0 },
    text: documentTextFromString(text),
  });
}

export function extractFixture(relative: string): PlanRecord {
  return extractText(fixtureText(relative), relative);
}

/** Every fixture text that has a gold record, as [set, gold file, gold JSON]. */
export function goldFixtures(): {
  set: string;
  name: string;
  gold: { source: string } & Record<string, unknown>;
}[] {
  const out: { set: string; name: string; gold: { source: string } & Record<string, unknown> }[] = [];
  for (const set of ['seeds', 'realscans', 'synthetic', 'heldout']) {
    for (const name of readdirSync(join(FIXTURES_DIR, 'gold', set)).filter((file) =>
      file.endsWith('.json'),
    )) {
      out.push({ set, name, gold: JSON.parse(fixtureText(join('gold', set, name))) });
    }
  }
  return out;
}
