import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFile, loadDocumentText } from '../../src/extract/index.js';
import { FIXTURES_DIR } from '../../src/paths.js';

describe('loadDocumentText', () => {
  it('should load a UTF-8 text file as one function call and extract it', async () => {
    const path = join(FIXTURES_DIR, 'text', 'synthetic', 'syn04_ct_nhieu_trang.txt');
    const loaded = await loadDocumentText(path);
    expect(loaded.text.pages).toHaveLength(2);
    const record = await extractFile(path);
    expect(record.id).toBe(loaded.id);
    expect(record.source).toEqual({ path, kind: 'text', pages: 2, textSource: 'text-file' });
  });

  it('should refuse PDF bytes and undecodable text with typed errors', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vnplan-load-'));
    writeFileSync(join(dir, 'a.pdf'), '%PDF-1.7\n%%EOF\n');
    writeFileSync(join(dir, 'b.txt'), Buffer.from([0xc0, 0xc1, 0xfe, 0x41]));
    await expect(loadDocumentText(join(dir, 'a.pdf'))).rejects.toMatchObject({ code: 'VNPLAN_E_NEEDS_OCR' });
    await expect(loadDocumentText(join(dir, 'b.txt'))).rejects.toMatchObject({
      code: 'VNPLAN_E_TEXT_UNDECODABLE',
    });
  });
});
