import type { DocumentText, PageText } from '../document-text.js';

/** A page's text: its lines in reading order, a blank line between layout blocks. */
export function pageText(page: PageText): string {
  const out: string[] = [];
  let block: number | undefined;
  for (const line of page.lines) {
    if (block !== undefined && line.block !== undefined && line.block !== block) out.push('');
    out.push(line.text);
    block = line.block ?? block;
  }
  return out.join('\n');
}

/** All pages' text with a form feed between pages, as `vnplan ocr` prints it. */
export function documentPlainText(document: DocumentText): string {
  return document.pages.map(pageText).join('\n\f');
}
