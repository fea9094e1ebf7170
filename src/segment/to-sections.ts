import type { Section, SectionKind, Span } from '../record/index.js';
import type { Block, DocumentLayout } from './layout.js';
import type { LogicalLine } from './logical-lines.js';

function spanOf(lines: LogicalLine[]): Span | null {
  if (lines.length === 0) return null;
  let first = lines[0]!;
  let last = lines[0]!;
  for (const line of lines) {
    if (line.page < first.page || (line.page === first.page && line.line < first.line)) first = line;
    if (line.page > last.page || (line.page === last.page && line.line > last.line)) last = line;
  }
  return { page: first.page, line: first.line, endPage: last.page, endLine: last.line };
}

function allLines(block: Block): LogicalLine[] {
  return [...block.lines, ...block.children.flatMap(allLines)];
}

function leaf(
  kind: SectionKind,
  lines: LogicalLine[],
  heading: string | null,
  label: string | null = null,
): Section | null {
  const span = spanOf(lines);
  return span ? { kind, label, heading, level: 0, span, children: [] } : null;
}

export function blockToSection(block: Block, level: number): Section {
  return {
    kind: block.kind,
    label: block.label,
    heading: block.heading,
    level,
    span: spanOf(allLines(block))!,
    children: block.children.map((child) => blockToSection(child, level + 1)),
  };
}

/** The layout as the record's Section tree, in reading order. */
export function layoutToSections(layout: DocumentLayout): Section[] {
  const sections: (Section | null)[] = [];
  const header = [
    ...layout.issuer,
    ...layout.motto,
    ...(layout.number ? [layout.number] : []),
    ...(layout.placeDate ? [layout.placeDate] : []),
  ];
  const headerSpan = spanOf(header);
  if (headerSpan) {
    const children = [
      leaf('issuer', layout.issuer, layout.issuer.map((line) => line.text).join(' / ') || null),
      leaf('motto', layout.motto, layout.motto.map((line) => line.text).join(' / ') || null),
      layout.number ? leaf('number', [layout.number], layout.number.text) : null,
      layout.placeDate ? leaf('place-date', [layout.placeDate], layout.placeDate.text) : null,
    ].filter((section): section is Section => section !== null);
    for (const child of children) child.level = 1;
    sections.push({ kind: 'header', label: null, heading: null, level: 0, span: headerSpan, children });
  }
  if (layout.type) sections.push(leaf('type', [layout.type], layout.typeName));
  sections.push(
    leaf(
      'title',
      layout.title,
      layout.title.map((line) => line.text).join(' ') || null,
      layout.titleIsSubject ? 'V/v' : null,
    ),
  );
  for (const list of layout.recipientLists.filter((entry) => entry.kind === 'addressees')) {
    sections.push(
      leaf('recipients', [list.heading, ...list.items.flatMap((item) => item.lines)], 'Kính gửi'),
    );
  }
  if (layout.authority.length > 0)
    sections.push(leaf('preamble', layout.authority, layout.authority.map((line) => line.text).join(' ')));
  for (const clause of layout.basis) sections.push(leaf('basis', clause.lines, clause.text.slice(0, 120)));
  for (const clause of layout.preamble)
    sections.push(leaf('preamble', clause.lines, clause.text.slice(0, 120)));
  for (const block of layout.body) sections.push(blockToSection(block, 1));
  if (layout.closing) sections.push(leaf('closing', layout.closing.lines, layout.closing.text.slice(0, 120)));
  for (const list of layout.recipientLists.filter((entry) => entry.kind === 'recipients')) {
    sections.push(
      leaf('recipients', [list.heading, ...list.items.flatMap((item) => item.lines)], 'Nơi nhận'),
    );
  }
  const signatureLines = [...layout.signature, ...(layout.signerName ? [layout.signerName] : [])];
  sections.push(
    leaf('signature', signatureLines, signatureLines.map((line) => line.text).join(' / ') || null),
  );
  for (const footnote of layout.footnotes)
    sections.push(leaf('footnote', [footnote], footnote.text.slice(0, 120)));
  for (const appendix of layout.appendices) sections.push(blockToSection(appendix, 0));
  return sections
    .filter((section): section is Section => section !== null)
    .sort((a, b) => a.span.page - b.span.page || a.span.line - b.span.line);
}
