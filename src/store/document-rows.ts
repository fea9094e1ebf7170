import type { DocumentText } from '../document-text.js';
import {
  foldForKey,
  foldNumberText,
  referenceKey,
  type PartialDate,
  type PlanRecord,
  type ProcessedDocument,
  type Section,
} from '../record/index.js';
import { deadlineWindow } from './deadline-window.js';
import { foldText } from './fold.js';
import type { StoredSection } from './store.js';
import { pageLayoutRows, type PageLayoutRow } from './page-layouts.js';

/** Everything one document writes into the database, backend-independent. */
export interface DocumentRows {
  document: {
    id: string;
    number: string | null;
    numberFolded: string | null;
    serial: string | null;
    symbolFolded: string | null;
    type: string | null;
    typeFolded: string | null;
    typeCodeFolded: string | null;
    issuer: string | null;
    issuerFolded: string | null;
    issuedDate: string | null;
    issuedStart: string | null;
    issuedEnd: string | null;
    title: string | null;
    periodFrom: number | null;
    periodTo: number | null;
    sourcePath: string;
    recordJson: string;
  };
  /** The keys citations of this document are filed under (see referenceKey). */
  keys: string[];
  references: {
    ord: number;
    key: string;
    relation: string;
    type: string | null;
    number: string | null;
    numberFolded: string | null;
    issuer: string | null;
    issuerFolded: string | null;
    date: string | null;
    title: string | null;
    text: string;
  }[];
  deadlines: {
    ord: number;
    kind: string;
    startDate: string | null;
    endDate: string | null;
    startDay: string | null;
    endDay: string | null;
    action: string | null;
    responsible: string | null;
    text: string;
  }[];
  awards: {
    ord: number;
    form: string;
    formFolded: string;
    conferredBy: string | null;
    occasion: string | null;
    text: string;
  }[];
  sections: Omit<StoredSection, 'text'>[];
  /** Searchable runs of lines: one per section and page, lines outside any section under null. */
  chunks: { sectionOrd: number | null; page: number; line: number; text: string; folded: string }[];
  edits: { ord: number; page: number; line: number; json: string }[];
  /** Each page's size and line boxes (the text itself is in `chunks`). */
  pages: PageLayoutRow[];
  findings: {
    ord: number;
    stage: string;
    code: string;
    severity: string;
    page: number | null;
    json: string;
  }[];
}

const foldOrNull = (text: string | null | undefined): string | null => (text ? foldForKey(text) : null);

/** "Số: 3520 / KH-SYT" → "3520/kh-syt": a number folded for comparison. */
export const foldNumber = foldNumberText;

function dateRange(date: PartialDate | null): [string | null, string | null] {
  if (!date) return [null, null];
  const [year, month, day] = date.iso.split('-');
  if (day) return [date.iso, date.iso];
  if (month) {
    const last = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
    return [`${year}-${month}-01`, `${year}-${month}-${String(last).padStart(2, '0')}`];
  }
  return [`${year}-01-01`, `${year}-12-31`];
}

function yearOf(date: PartialDate | null | undefined): number | null {
  return date ? Number(date.iso.slice(0, 4)) : null;
}

/** The keys a stored document answers to: with its year, and without (for citations that give no date). */
export function documentKeys(record: PlanRecord): string[] {
  const doc = record.document;
  const base = { type: doc.type, number: doc.number, title: doc.title };
  const keys = new Set<string>();
  const year = yearOf(doc.issuedDate);
  if (doc.number?.serial || doc.title) {
    keys.add(referenceKey({ ...base, year }));
    keys.add(referenceKey({ ...base, year: null }));
  }
  return [...keys];
}

function flattenSections(sections: Section[]): (Section & { ord: number; parentOrd: number | null })[] {
  const flat: (Section & { ord: number; parentOrd: number | null })[] = [];
  const walk = (list: Section[], parentOrd: number | null) => {
    for (const section of list) {
      const ord = flat.length;
      flat.push({ ...section, ord, parentOrd });
      walk(section.children, ord);
    }
  };
  walk(sections, null);
  return flat;
}

const before = (pageA: number, lineA: number, pageB: number, lineB: number): boolean =>
  pageA < pageB || (pageA === pageB && lineA < lineB);

/** Each line goes to the deepest section whose span holds it; consecutive lines of one section and page form a chunk. */
function chunksOf(text: DocumentText, sections: ReturnType<typeof flattenSections>): DocumentRows['chunks'] {
  const chunks: DocumentRows['chunks'] = [];
  for (const page of text.pages) {
    let current: { sectionOrd: number | null; line: number; lines: string[] } | null = null;
    const flush = () => {
      if (current && current.lines.some((line) => line.trim())) {
        const joined = current.lines.join('\n').normalize('NFC');
        chunks.push({
          sectionOrd: current.sectionOrd,
          page: page.page,
          line: current.line,
          text: joined,
          folded: foldText(joined),
        });
      }
    };
    page.lines.forEach((line, index) => {
      const n = index + 1;
      let owner: number | null = null;
      for (const section of sections) {
        const { span } = section;
        if (before(page.page, n, span.page, span.line) || before(span.endPage, span.endLine, page.page, n))
          continue;
        owner = section.ord;
      }
      if (!current || current.sectionOrd !== owner) {
        flush();
        current = { sectionOrd: owner, line: n, lines: [] };
      }
      current.lines.push(line.text);
    });
    flush();
  }
  return chunks;
}

/** Turns a processed document into the rows every backend writes. */
export function documentRows(processed: ProcessedDocument): DocumentRows {
  const { record, text, edits } = processed;
  const doc = record.document;
  const [issuedStart, issuedEnd] = dateRange(doc.issuedDate);
  const sections = flattenSections(record.sections);
  return {
    document: {
      id: record.id,
      number: doc.number?.text ?? null,
      numberFolded: doc.number?.serial ? foldNumber(doc.number.text) : null,
      serial: doc.number?.serial ?? null,
      symbolFolded: foldOrNull(doc.number?.symbol),
      type: doc.type,
      typeFolded: foldOrNull(doc.type),
      typeCodeFolded: foldOrNull(doc.typeCode),
      issuer: doc.issuer.name,
      issuerFolded: foldOrNull([doc.issuer.name, doc.issuer.parent].filter(Boolean).join(' | ')),
      issuedDate: doc.issuedDate?.iso ?? null,
      issuedStart,
      issuedEnd,
      title: doc.title,
      periodFrom: doc.period?.from ?? null,
      periodTo: doc.period?.to ?? null,
      sourcePath: record.source.path,
      recordJson: JSON.stringify(record),
    },
    keys: documentKeys(record),
    references: record.references.map((reference, ord) => ({
      ord,
      // Recomputed rather than trusted, so that citing and cited keys always come from one function.
      key: referenceKey({
        type: reference.type,
        number: reference.number,
        year: yearOf(reference.date),
        title: reference.title,
      }),
      relation: reference.relation,
      type: reference.type,
      number: reference.number?.text ?? null,
      numberFolded: reference.number?.serial ? foldNumber(reference.number.text) : null,
      issuer: reference.issuer,
      issuerFolded: foldOrNull(reference.issuer),
      date: reference.date?.iso ?? null,
      title: reference.title,
      text: reference.text,
    })),
    deadlines: record.deadlines.map((deadline, ord) => {
      const window = deadlineWindow(deadline);
      return {
        ord,
        kind: deadline.kind,
        startDate: window?.kind === 'once' ? window.start : null,
        endDate: window?.kind === 'once' ? window.end : null,
        startDay: window?.kind === 'annual' ? window.startDay : null,
        endDay: window?.kind === 'annual' ? window.endDay : null,
        action: deadline.action,
        responsible: deadline.responsible,
        text: deadline.text,
      };
    }),
    awards: record.awards.map((award, ord) => ({
      ord,
      form: award.form,
      formFolded: foldForKey(award.form),
      conferredBy: award.conferredBy,
      occasion: award.occasion,
      text: award.text,
    })),
    sections: sections.map((section) => ({
      ord: section.ord,
      parentOrd: section.parentOrd,
      kind: section.kind,
      label: section.label,
      heading: section.heading,
      level: section.level,
      page: section.span.page,
      line: section.span.line,
      endPage: section.span.endPage,
      endLine: section.span.endLine,
    })),
    chunks: chunksOf(text, sections),
    edits: edits.map((edit, ord) => ({ ord, page: edit.page, line: edit.line, json: JSON.stringify(edit) })),
    pages: pageLayoutRows(text),
    findings: record.findings.map((finding, ord) => ({
      ord,
      stage: finding.stage,
      code: finding.code,
      severity: finding.severity,
      page: finding.place?.page ?? null,
      json: JSON.stringify(finding),
    })),
  };
}
