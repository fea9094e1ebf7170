import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { ExitCode } from '../../src/errors/index.js';
import { captureCli } from '../helpers/cli-run.js';
import { FIXTURES_DIR } from '../../src/paths.js';
import { PlanRecord } from '../../src/record/index.js';

const seed = join(FIXTURES_DIR, 'text', 'seeds', '000_3dcb5ec48acec8a3.txt');

describe('vnplan extract, export and schema', () => {
  it('should print one valid PlanRecord for a text file', async () => {
    const io = captureCli();
    expect(await main(['node', 'vnplan', 'extract', '--pretty', seed], io.ctx)).toBe(ExitCode.Ok);
    const record = PlanRecord.parse(JSON.parse(io.out()));
    expect(record.document.number?.symbol).toBe('KH-SYT');
    expect(io.out()).toContain('\n  "schemaVersion": 1');
  });

  it('should print the JSON Schema of PlanRecord', async () => {
    const io = captureCli();
    expect(await main(['node', 'vnplan', 'schema'], io.ctx)).toBe(ExitCode.Ok);
    const schema = JSON.parse(io.out()) as { properties: Record<string, unknown> };
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(['document', 'references', 'deadlines']),
    );
  });

  it('should export ND30 fields from record JSON files and from documents', async () => {
    const first = captureCli();
    await main(['node', 'vnplan', 'extract', seed], first.ctx);
    const dir = mkdtempSync(join(tmpdir(), 'vnplan-export-'));
    const recordPath = join(dir, 'record.json');
    writeFileSync(recordPath, first.out());
    const io = captureCli();
    const realscan = join(FIXTURES_DIR, 'text', 'realscans', 'real_qd_729_ttg.txt');
    expect(await main(['node', 'vnplan', 'export', '--format', 'nd30', recordPath, realscan], io.ctx)).toBe(
      ExitCode.Ok,
    );
    const rows = JSON.parse(io.out()) as {
      CodeNotation: string | null;
      SignerInfo: { FullName: string } | null;
    }[];
    expect(rows.map((row) => row.CodeNotation)).toEqual(['KH-SYT', 'QĐ-TTg']);
    expect(rows[1]!.SignerInfo?.FullName).toBe('Lê Minh Hưng');
  });

  it('should fail with a typed error on a JSON file that is not a PlanRecord and on an unknown format', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vnplan-export-'));
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"schemaVersion": 2}');
    const io = captureCli();
    expect(await main(['node', 'vnplan', 'export', bad], io.ctx)).toBe(ExitCode.BadInput);
    expect(io.err()).toContain('VNPLAN_E_RECORD_INVALID');
    const usage = captureCli();
    expect(await main(['node', 'vnplan', 'export', '--format', 'xml', seed], usage.ctx)).toBe(ExitCode.Usage);
  });
});
