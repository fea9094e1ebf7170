/** How many characters of context a snippet shows on each side of the first hit. */
const CONTEXT = 60;

const isWordChar = (char: string | undefined): boolean => char !== undefined && /[\p{L}\p{N}]/u.test(char);

/** Start of the hit with the most different terms close after it (the phrase, rather than a stray word). */
function anchor(hits: [number, number][], folded: string): number {
  let best = hits[0]?.[0] ?? 0;
  let bestCount = 0;
  for (const [start] of hits) {
    const near = new Set(
      hits.filter(([other]) => other >= start && other < start + CONTEXT).map(([s, e]) => folded.slice(s, e)),
    );
    if (near.size > bestCount) {
      best = start;
      bestCount = near.size;
    }
  }
  return best;
}

/**
 * A one-line excerpt of `text` around the first whole-word hit of any folded term, hits in [brackets].
 * `folded` is foldText(text), position for position. `lineOffset` is the line of the hit within the text.
 */
export function makeSnippet(
  text: string,
  folded: string,
  foldedTerms: string[],
): { text: string; lineOffset: number } {
  const hits: [number, number][] = [];
  for (const term of foldedTerms) {
    let from = 0;
    for (;;) {
      const at = folded.indexOf(term, from);
      if (at < 0) break;
      if (!isWordChar(folded[at - 1]) && !isWordChar(folded[at + term.length]))
        hits.push([at, at + term.length]);
      from = at + 1;
    }
  }
  hits.sort((a, b) => a[0] - b[0]);
  const first = anchor(hits, folded);
  const start = Math.max(0, first - CONTEXT);
  const end = Math.min(text.length, first + CONTEXT * 2);
  let out = '';
  let cursor = start;
  for (const [hitStart, hitEnd] of hits) {
    if (hitStart < cursor || hitEnd > end) continue;
    out += `${text.slice(cursor, hitStart)}[${text.slice(hitStart, hitEnd)}]`;
    cursor = hitEnd;
  }
  out += text.slice(cursor, end);
  const lineOffset = text.slice(0, first).split('\n').length - 1;
  return {
    text: `${start > 0 ? '…' : ''}${out.replace(/\s+/g, ' ').trim()}${end < text.length ? '…' : ''}`,
    lineOffset,
  };
}
