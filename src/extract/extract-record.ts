import type { DocumentText } from '../document-text.js';
import type { Finding } from '../findings.js';
import type { PlanRecord, Provenance, RestorationEdit } from '../record/index.js';
import {
  analyseLayout,
  layoutToSections,
  SUBJECT_MARK,
  typeByCode,
  typeByName,
  type Block,
} from '../segment/index.js';
import { spanProvenance, textClauses } from './clauses.js';
import { extractAwards } from './awards.js';
import { issuerFields, numberFields, placeDateFields, titleText, unreadableSerial } from './header-fields.js';
import { extractRecipients, extractResponsibilities, extractTargets } from './lists.js';
import { typeCodeOf } from './number.js';
import { extractReferences } from './references.js';
import { extractDeadlines, extractPeriod, extractPhases } from './schedule.js';
import { signerFields } from './signer.js';
import { provenanceOf } from './clauses.js';

export interface ExtractInput {
  /** sha256 hex of the source bytes. */
  id: string;
  source: { path: string; kind: 'pdf' | 'image' | 'text'; pages: number };
  /** The repaired text, page by page. */
  text: DocumentText;
  /** What the repair stage changed (counted in `quality`). */
  edits?: RestorationEdit[];
  /** Legacy encoding the repair stage detected, when there was one. */
  encoding?: string | null;
}

function textSourceOf(text: DocumentText): PlanRecord['source']['textSource'] {
  const sources = new Set(text.pages.map((page) => page.source));
  if (sources.size === 0) return 'text-file';
  if (sources.size > 1) return 'mixed';
  return [...sources][0]!;
}

function meanConfidence(text: DocumentText): number | null {
  const values = text.pages
    .map((page) => page.meanConfidence)
    .filter((value): value is number => value !== undefined);
  return values.length > 0 ? values.reduce((sum, value) => sum + value, 0) / values.length : null;
}

const finding = (
  code: string,
  message: string,
  severity: Finding['severity'],
  place?: Provenance | null,
): Finding => ({
  stage: 'extract',
  code,
  message,
  severity,
  ...(place ? { place: { page: place.page, line: place.line } } : {}),
});

/**
 * Reads a PlanRecord from a document's repaired text. Pure and synchronous; never throws on odd text:
 * what it cannot find is null or empty, and a finding says why.
 */
export function extractRecord(input: ExtractInput): PlanRecord {
  const { text } = input;
  const layout = analyseLayout(text);
  const clauses = textClauses(layout);
  const findings: Finding[] = text.pages.flatMap((page) => page.findings ?? []);
  const provenance: Record<string, Provenance> = {};

  const number = numberFields(layout);
  if (layout.number) provenance.number = provenanceOf([layout.number]);
  const unreadable = unreadableSerial(layout);
  if (unreadable !== null) {
    findings.push({
      ...finding(
        'number-unreadable',
        `the serial of the document number could not be read ("${unreadable}": handwritten or stamped?)`,
        'warning',
        provenance.number,
      ),
      actual: unreadable,
    });
  } else if (number && number.serial === null) {
    findings.push(
      finding(
        'number-blank',
        'the document number is blank (a draft or an unnumbered copy)',
        'info',
        provenance.number,
      ),
    );
  }

  const symbolCode = typeCodeOf(number?.symbol ?? null);
  let type = layout.typeName;
  if (layout.type) provenance.type = provenanceOf([layout.type]);
  // Without a type heading, "V/v …" marks a công văn whatever its symbol ("5388/CT-CS": CT is the agency);
  // a title that merely starts "Về …" is also how a lost "QUYẾT ĐỊNH" reads, so there the symbol's type
  // code decides.
  const markedSubject = layout.titleIsSubject && SUBJECT_MARK.test(layout.title[0]?.text ?? '');
  const subject = markedSubject || (layout.titleIsSubject && !symbolCode);
  if (!type && (subject || (number?.symbol && !symbolCode))) {
    type = 'Công văn';
    const where = layout.title[0] ?? layout.number;
    if (where) provenance.type = provenanceOf([where]);
  } else if (!type && symbolCode) {
    type = typeByCode(symbolCode)?.name ?? null;
    if (layout.number) provenance.type = provenanceOf([layout.number]);
  }
  const typeCode = symbolCode ?? (type ? (typeByName(type)?.code ?? null) : null);

  const issuer = issuerFields(layout, clauses, type);
  if (issuer.lines.length > 0) provenance.issuer = spanProvenance(issuer.lines)!;
  if (issuer.inferred) {
    findings.push(
      finding(
        'issuer-inferred',
        `no issuing agency in the header; read "${issuer.name}" from the preamble`,
        'info',
        provenance.issuer,
      ),
    );
  }

  const placeDate = placeDateFields(layout);
  if (layout.placeDate) {
    provenance.place = provenanceOf([layout.placeDate]);
    provenance.issuedDate = provenanceOf([layout.placeDate]);
  }
  if (layout.placeDate && placeDate.unreadable !== null) {
    findings.push({
      ...finding(
        'date-unreadable',
        `the day or month of the issue date could not be read ("${placeDate.unreadable}"); only the year is kept`,
        'warning',
        provenance.issuedDate,
      ),
      actual: placeDate.unreadable,
    });
  }
  if (layout.placeDate && placeDate.blank) {
    findings.push(
      finding(
        'date-blank',
        'the issue date is blank ("ngày … tháng … năm …")',
        'info',
        provenance.issuedDate,
      ),
    );
  }

  const title = titleText(layout, layout.titleIsSubject && type === 'Công văn');
  if (layout.title.length > 0) provenance.title = spanProvenance(layout.title)!;

  const periodHit = extractPeriod(clauses);
  if (periodHit) provenance.period = provenanceOf(periodHit.clause.lines, periodHit.index);
  const movement = /[Pp]hong trào(?: thi đua)?\s*[“"]([^”"]{4,200})[”"]/u.exec(title ?? '')?.[1] ?? null;
  if (movement && provenance.title) provenance.movement = provenance.title;

  const signer = signerFields(layout);
  const signerLines = [...layout.signature, ...(layout.signerName ? [layout.signerName] : [])];
  if (signerLines.length > 0) provenance.signer = spanProvenance(signerLines)!;

  const phases = extractPhases(clauses).map((phase) => ({
    name: phase.name,
    from: phase.from,
    to: phase.to,
    text: phase.text,
    provenance: provenanceOf(phase.clause.lines),
  }));

  const references = extractReferences(clauses, number);
  const administrative = Boolean(type || number || (layout.motto.length > 0 && issuer.name));
  if (!administrative) {
    findings.push(
      finding(
        'not-administrative',
        'no document type, number or national motto found: this does not read as an administrative document',
        'warning',
      ),
    );
  }
  for (const line of layout.lines) {
    if (line.text.includes('�')) {
      findings.push(
        finding(
          'replacement-character',
          'the line holds U+FFFD: some characters were lost before extraction',
          'warning',
          { page: line.page, line: line.line, text: line.raw },
        ),
      );
      break;
    }
  }

  const visit = (blocks: Block[]): void => {
    for (const block of blocks) {
      const first = block.lines[0];
      if (block.marker?.repaired && first) {
        findings.push({
          stage: 'segment',
          code: 'marker-repaired',
          message: `read the garbled list marker as "${block.marker.label}"`,
          severity: 'info',
          place: { page: first.page, line: first.line },
          actual: first.text.slice(0, 8),
          expected: block.marker.label,
        });
      }
      visit(block.children);
    }
  };
  visit(layout.body);

  const pages = text.pages.length;
  const edits = input.edits ?? [];
  return {
    schemaVersion: 1,
    id: input.id,
    source: { ...input.source, pages: input.source.pages || pages, textSource: textSourceOf(text) },
    document: {
      type,
      typeCode,
      number,
      issuer: { name: issuer.name, parent: issuer.parent },
      place: placeDate.place,
      issuedDate: placeDate.date,
      title,
      movement,
      period: periodHit?.period ?? null,
      phases,
      signer,
      provenance,
    },
    references,
    deadlines: extractDeadlines(clauses),
    awards: extractAwards(clauses),
    recipients: extractRecipients(layout),
    responsibilities: extractResponsibilities(layout),
    targets: extractTargets(clauses),
    sections: layoutToSections(layout),
    findings,
    quality: {
      textSource: textSourceOf(text),
      ocrConfidence: meanConfidence(text),
      tokensRestored: edits.length,
      lowConfidenceTokens: edits.filter((edit) => edit.lowConfidence).length,
      encoding: input.encoding ?? null,
    },
  };
}
