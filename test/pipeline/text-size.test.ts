import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDefaultStages, runEmbeddedImport, type ImportEvent } from '../../src/pipeline/index.js';
import { openStore } from '../../src/store/index.js';
import { planText } from '../helpers/plan-text.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vnplan-text-size-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the text size limit in front of repair and extraction', () => {
  it('should fail a document with more text than --max-text-chars before repairing it, and store the rest', async () => {
    const small = join(dir, 'kế hoạch 1.txt');
    const large = join(dir, 'kế hoạch 2.txt');
    await writeFile(small, planText(21));
    const longPlan = Array.from({ length: 40 }, () => planText(22)).join('\f');
    await writeFile(large, longPlan);
    const limit = planText(21).length * 4;
    expect(longPlan.length).toBeGreaterThan(limit);
    const stages = createDefaultStages({ limits: { maxTextChars: limit } });
    const store = await openStore(join(dir, 'archive.db'));
    const events: ImportEvent[] = [];
    try {
      const summary = await runEmbeddedImport([large, small], stages, store, {
        documents: 1,
        onEvent: (event) => events.push(event),
      });
      expect(summary.stored).toBe(1);
      const failed = events.find((event) => event.type === 'failed');
      expect(failed).toMatchObject({ path: large, code: 'VNPLAN_E_TEXT_TOO_LARGE' });
      expect(failed && 'message' in failed ? failed.message : '').toMatch(
        new RegExp(`over the limit of ${limit}: split it`),
      );
      expect(events.find((event) => event.type === 'stored')).toMatchObject({ path: small });
    } finally {
      await store.close();
      await stages.close();
    }
  });
});
