import { describe, expect, it } from 'vitest';
import { DocumentText } from '../../src/document-text.js';
import { documentTextFromString } from '../../src/text-input/index.js';

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
