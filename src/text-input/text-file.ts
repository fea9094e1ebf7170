import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import type { DocumentText, PageText } from '../document-text.js';
import { VnplanError } from '../errors/index.js';

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

/** The bytes of a text file as a string: UTF-8 when valid, else null (the repair stage decodes legacy bytes). */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

export interface TextFile {
  /** sha256 hex of the file's bytes: the document id. */
  id: string;
  bytes: Uint8Array;
  /** The decoded text, or null when the bytes are not UTF-8. */
  utf8: string | null;
}

export async function readTextFile(path: string): Promise<TextFile> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new VnplanError('VNPLAN_E_FILE_NOT_FOUND', {}, { path, cause: error });
    throw new VnplanError(
      'VNPLAN_E_FILE_UNREADABLE',
      { detail: String(code ?? error) },
      { path, cause: error },
    );
  }
  if (bytes.length === 0) throw new VnplanError('VNPLAN_E_FILE_EMPTY', {}, { path });
  const id = createHash('sha256').update(bytes).digest('hex');
  return { id, bytes, utf8: decodeUtf8(bytes) };
}
