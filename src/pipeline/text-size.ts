import type { DocumentText } from '../document-text.js';
import { VnplanError } from '../errors/index.js';

/**
 * Refuses a document whose text is over `limit` characters before repair and extraction, which run
 * synchronously (no timeout can stop them) in time linear in the text.
 */
export function checkTextSize(text: DocumentText, limit: number): void {
  let chars = 0;
  for (const page of text.pages) for (const line of page.lines) chars += line.text.length + 1;
  if (chars > limit) throw new VnplanError('VNPLAN_E_TEXT_TOO_LARGE', { chars, limit });
}
