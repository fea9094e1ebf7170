import type { Provenance, Relation } from '../record/index.js';
import { fold, type Block, type Clause, type DocumentLayout, type LogicalLine } from '../segment/index.js';
import { BASIS_START } from '../segment/patterns.js';

/** A paragraph of running text with what it is for, the unit extraction reads. */
export interface TextClause {
  text: string;
  lines: LogicalLine[];
  /** How documents cited in it relate to this one. */
  relation: Relation;
  zone: 'title' | 'basis' | 'preamble' | 'body' | 'closing' | 'appendix' | 'other';
  /** The enclosing body blocks, outermost first. */
  path: Block[];
}

export function provenanceOf(lines: LogicalLine[], offset = 0): Provenance {
  let position = 0;
  let chosen = lines[0]!;
  for (const line of lines) {
    if (offset < position + line.text.length + 1) {
      chosen = line;
      break;
    }
    position += line.text.length + 1;
    chosen = line;
  }
  return {
    page: chosen.page,
    line: chosen.line,
    text: chosen.raw,
    ...(chosen.bbox ? { bbox: chosen.bbox } : {}),
  };
}

export function spanProvenance(lines: LogicalLine[]): Provenance | null {
  const first = lines[0];
  if (!first) return null;
  const last = lines[lines.length - 1]!;
  return {
    page: first.page,
    line: first.line,
    ...(last.page === first.page && last.line !== first.line ? { endLine: last.line } : {}),
    text: lines
      .map((line) => line.raw)
      .filter((raw, index, all) => all.indexOf(raw) === index)
      .join('\n'),
  };
}

function basisRelation(text: string): Relation {
  const start = fold(text.slice(0, 16));
  // Spaces optional: text layers drop them ("ThựchiệnNghị quyết …").
  if (/^can ?cu/.test(start)) return 'basis';
  if (/^(thuc ?hien|thi ?hanh|tiep theo|theo chi dao)/.test(start)) return 'implements';
  return 'cites';
}

/** The first paragraph under a marker line goes on with its sentence: the next printed line, in lower case. */
function continuesHeading(heading: string, first: LogicalLine, next: Clause): boolean {
  const start = next.lines[0];
  return (
    start !== undefined &&
    start.page === first.page &&
    start.line === first.line + 1 &&
    !/[.;:!?]["”»)]*$/u.test(heading) &&
    /^[\p{Ll}\d]/u.test(next.text)
  );
}

function blockClauses(block: Block, path: Block[], zone: TextClause['zone'], out: TextClause[]): void {
  const here = [...path, block];
  const first = block.lines[0];
  let paragraphs = block.paragraphs;
  if (block.marker && block.heading && first) {
    const next = paragraphs[0];
    if (next && /\d\/[\p{L}\d/]*-$/u.test(block.heading)) {
      // A citation broken at its symbol's hyphen after a heading ("… Thông tư số 18/2025/TT-" / "BCT …").
      out.push({
        text: `${block.heading}${next.text}`,
        lines: [first, ...next.lines],
        relation: 'cites',
        zone,
        path: here,
      });
      paragraphs = paragraphs.slice(1);
    } else if (next && continuesHeading(block.heading, first, next)) {
      // An item's sentence wrapped onto the next line ("… Kế hoạch số 37-KH/TU," / "ngày 16/9/2025 của …").
      out.push({
        text: `${block.heading} ${next.text}`,
        lines: [first, ...next.lines],
        relation: 'cites',
        zone,
        path: here,
      });
      paragraphs = paragraphs.slice(1);
    } else out.push({ text: block.heading, lines: [first], relation: 'cites', zone, path: here });
  }
  for (const paragraph of paragraphs) {
    out.push({ text: paragraph.text, lines: paragraph.lines, relation: 'cites', zone, path: here });
  }
  for (const child of block.children) blockClauses(child, here, zone, out);
}

const asClause = (clause: Clause, relation: Relation, zone: TextClause['zone']): TextClause => ({
  text: clause.text,
  lines: clause.lines,
  relation,
  zone,
  path: [],
});

/** Every paragraph of running text in reading order, header lines excluded. */
export function textClauses(layout: DocumentLayout): TextClause[] {
  const out: TextClause[] = [];
  if (layout.title.length > 0) {
    out.push({
      text: layout.title.map((line) => line.text).join(' '),
      lines: layout.title,
      relation: 'cites',
      zone: 'title',
      path: [],
    });
  }
  // A basis line OCR read out of order (no keyword of its own) belongs to the clause before it.
  let relation: Relation = 'cites';
  for (const clause of layout.basis) {
    relation = BASIS_START.test(clause.text) ? basisRelation(clause.text) : relation;
    out.push(asClause(clause, relation, 'basis'));
  }
  for (const clause of layout.preamble) out.push(asClause(clause, 'cites', 'preamble'));
  for (const block of layout.body) blockClauses(block, [], 'body', out);
  if (layout.closing) out.push(asClause(layout.closing, 'cites', 'closing'));
  for (const block of layout.appendices) blockClauses(block, [], 'appendix', out);
  return out;
}
