const foldedChars = new Map<string, string>();

function foldChar(char: string): string {
  let folded = foldedChars.get(char);
  if (folded === undefined) {
    folded = char
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[đĐ]/g, 'd')
      .toLowerCase();
    // Keep every position where it was, so that a match in the folded text points into the original.
    if (folded.length !== char.length) folded = folded.slice(0, char.length).padEnd(char.length, ' ');
    foldedChars.set(char, folded);
  }
  return folded;
}

/**
 * Lower case without diacritics ("Chuyển Đổi" → "chuyen doi"), position for position: index i of the
 * result is index i of the input, so a hit found in the folded text can be cut from the original.
 */
export function foldText(text: string): string {
  let out = '';
  for (const char of text.normalize('NFC'))
    out += char.charCodeAt(0) < 0x80 ? char.toLowerCase() : foldChar(char);
  return out;
}

/** Words of a search text: letters and digits, NFC, in order. */
export function searchTerms(text: string): string[] {
  return text
    .normalize('NFC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((term) => term.length > 0);
}

/** Escapes LIKE wildcards so that user text matches literally (with `ESCAPE '\'`). */
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}
