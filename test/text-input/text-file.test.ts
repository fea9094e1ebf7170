import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DocumentText } from '../../src/document-text.js';
import { VnplanError } from '../../src/errors/index.js';
import { documentTextFromString, readTextFile } from '../../src/text-input/index.js';

describe('documentTextFromString', () => {
  it('should start a new page at each form feed and keep one TextLine per line', () => {
    const text = documentTextFromString('\uFEFFdòng một\r\ndòng hai\ftrang hai\n');
    expect(DocumentText.parse(text)).toEqual(text);
    expect(text.pages.map((page) => page.page)).toEqual([1, 2]);
    expect(text.pages[0]!.lines.map((line) => line.text)).toEqual(['dòng một', 'dòng hai']);
    expect(text.pages[1]!.source).toBe('text-file');
  });

  it('should normalise decomposed Vietnamese to NFC', () => {
    const decomposed = 'Kế hoạch'.normalize('NFD');
    const text = documentTextFromString(decomposed);
    expect(text.pages[0]!.lines[0]!.text).toBe('Kế hoạch'.normalize('NFC'));
  });

  it('should drop the empty page a trailing form feed leaves', () => {
    expect(documentTextFromString('một\f').pages).toHaveLength(1);
  });
});

describe('readTextFile', () => {
  it('should hash the bytes and report non-UTF-8 as null text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vnplan-text-'));
    const path = join(dir, 'legacy.txt');
    writeFileSync(path, Buffer.from([0x4b, 0xe9, 0x20, 0xff, 0xfe]));
    const file = await readTextFile(path);
    expect(file.id).toMatch(/^[0-9a-f]{64}$/);
    expect(file.utf8).toBeNull();
  });

  it('should throw a typed error for a missing or empty file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vnplan-text-'));
    await expect(readTextFile(join(dir, 'nope.txt'))).rejects.toMatchObject({
      code: 'VNPLAN_E_FILE_NOT_FOUND',
    });
    writeFileSync(join(dir, 'empty.txt'), '');
    await expect(readTextFile(join(dir, 'empty.txt'))).rejects.toBeInstanceOf(VnplanError);
  });
});
