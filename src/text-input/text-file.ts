import type { DocumentText, PageText } from '../document-text.js';

/**
 * Turns the text of a plain-text document into DocumentText: a form feed ("\f") starts a new page,
 * every line (LF, CRLF or CR) becomes one TextLine, text is NFC. Page numbers are 1-based.
 */
export function documentTextFromString(text: string): DocumentText {
  const clean = text.replace(/^\uFEFF/, '').normalize('NFC');
  const pages: PageText[] = clean.split('\f').map((pageText, index) => ({
    page: index + 1,
    source: 'text-file' as const,
    lines: pageText.split(/\r\n|\r|\n/).map((line) => ({ text: line })),
    findings: [],
  }));
  // A trailing form feed leaves an empty last page: drop it.
  if (pages.length > 1 && pages[pages.length - 1]!.lines.every((line) => line.text.trim() === '')) {
    pages.pop();
  }
  return { pages };
}
