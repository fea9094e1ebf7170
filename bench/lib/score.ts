import type { PlanRecord } from '../../src/record/index.js';

/**
 * GROBID-style scoring of PlanRecords against hand-written gold: every value becomes a fact
 * ("field → value"); precision, recall and F1 count facts per field and per field family, strict
 * (exact strings) and soft (case, spacing and punctuation ignored). A gold field that is absent is not
 * scored; a gold null expects nothing (a predicted value there is a false positive).
 */

export type Family =
  | 'number'
  | 'type'
  | 'issuer'
  | 'place/date'
  | 'title'
  | 'signer'
  | 'references'
  | 'deadlines'
  | 'awards'
  | 'recipients';

export const FAMILIES: Family[] = [
  'number',
  'type',
  'issuer',
  'place/date',
  'title',
  'signer',
  'references',
  'deadlines',
  'awards',
  'recipients',
];

export interface GoldReference {
  key: string;
  type?: string | null;
  relation?: string;
  date?: string | null;
  issuer?: string | null;
}
export interface Gold {
  source: string;
  document: {
    type?: string | null;
    number?: { text: string; serial: string | null; symbol: string | null } | null;
    issuer?: { name: string | null; parent: string | null };
    place?: string | null;
    issuedDate?: { iso: string; precision: string } | null;
    title?: string | null;
    signer?: { name: string | null; position: string | null; delegation: string | null } | null;
    period?: { from: number; to: number } | null;
  };
  references?: GoldReference[];
  deadlines?: { kind: string; date: Record<string, unknown> }[];
  awards?: { form: string; conferredBy: string | null; occasion?: string | null }[];
  recipients?: { text: string; purpose: string | null }[];
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}
export type Mode = 'strict' | 'soft' | 'loose';

export function soft(value: string): string {
  return value
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Soft, and diacritics ignored too: separates structure errors from OCR character errors. */
export function loose(value: string): string {
  return soft(
    value
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[đĐ]/g, 'd'),
  );
}

const norm = (value: string, mode: Mode): string =>
  mode === 'soft' ? soft(value) : mode === 'loose' ? loose(value) : value.normalize('NFC');

interface FactSet {
  field: string;
  family: Family;
  gold: (string | null)[] | null;
  predicted: (string | null)[];
}

function scalar(field: string, family: Family, gold: unknown, predicted: unknown): FactSet | null {
  if (gold === undefined) return null;
  const asString = (value: unknown): string | null =>
    value === null || value === undefined ? null : String(value);
  return { field, family, gold: [asString(gold)], predicted: [asString(predicted)] };
}

function dateFacts(date: Record<string, unknown>): string {
  return Object.keys(date)
    .filter((key) => ['iso', 'year', 'month', 'day', 'time', 'amount', 'unit', 'quarter'].includes(key))
    .sort()
    .map((key) => `${key}=${String(date[key])}`)
    .join(',');
}

function factSets(gold: Gold, record: PlanRecord): FactSet[] {
  const d = record.document;
  const g = gold.document;
  const sets: (FactSet | null)[] = [
    scalar('document.type', 'type', g.type, d.type),
    g.number === undefined
      ? null
      : scalar('document.number.text', 'number', g.number?.text ?? null, d.number?.text),
    g.number === undefined
      ? null
      : scalar('document.number.serial', 'number', g.number?.serial ?? null, d.number?.serial),
    g.number === undefined
      ? null
      : scalar('document.number.symbol', 'number', g.number?.symbol ?? null, d.number?.symbol),
    g.issuer ? scalar('document.issuer.name', 'issuer', g.issuer.name, d.issuer.name) : null,
    g.issuer ? scalar('document.issuer.parent', 'issuer', g.issuer.parent, d.issuer.parent) : null,
    scalar('document.place', 'place/date', g.place, d.place),
    g.issuedDate === undefined
      ? null
      : scalar('document.issuedDate', 'place/date', g.issuedDate?.iso ?? null, d.issuedDate?.iso),
    scalar('document.title', 'title', g.title, d.title),
  ];
  if (g.signer !== undefined) {
    sets.push(scalar('document.signer.name', 'signer', g.signer?.name ?? null, d.signer?.name));
    sets.push(scalar('document.signer.position', 'signer', g.signer?.position ?? null, d.signer?.position));
    sets.push(
      scalar('document.signer.delegation', 'signer', g.signer?.delegation ?? null, d.signer?.delegation),
    );
  }
  if (gold.references) {
    const predicted = new Map(record.references.map((reference) => [reference.key, reference]));
    sets.push({
      field: 'references.key',
      family: 'references',
      gold: gold.references.map((reference) => reference.key),
      predicted: record.references.map((reference) => reference.key),
    });
    for (const attribute of ['relation', 'type', 'date', 'issuer'] as const) {
      const goldFacts: (string | null)[] = [];
      const predictedFacts: (string | null)[] = [];
      for (const reference of gold.references) {
        if (!(attribute in reference)) continue;
        const value = reference[attribute];
        if (value !== null && value !== undefined) goldFacts.push(`${reference.key}|${value}`);
        const hit = predicted.get(reference.key);
        const predictedValue = !hit ? null : attribute === 'date' ? (hit.date?.iso ?? null) : hit[attribute];
        if (predictedValue !== null && predictedValue !== undefined) {
          predictedFacts.push(`${reference.key}|${predictedValue}`);
        }
      }
      sets.push({
        field: `references.${attribute}`,
        family: 'references',
        gold: goldFacts,
        predicted: predictedFacts,
      });
    }
  }
  if (gold.deadlines) {
    sets.push({
      field: 'deadlines',
      family: 'deadlines',
      gold: gold.deadlines.map((deadline) => `${deadline.kind}|${dateFacts(deadline.date)}`),
      predicted: record.deadlines.map((deadline) => `${deadline.kind}|${dateFacts(deadline.date)}`),
    });
  }
  if (gold.awards) {
    sets.push({
      field: 'awards.form',
      family: 'awards',
      gold: gold.awards.map((award) => `${award.form}|${award.conferredBy ?? ''}`),
      predicted: record.awards.map((award) => `${award.form}|${award.conferredBy ?? ''}`),
    });
    const withOccasion = gold.awards.filter((award) => award.occasion !== undefined);
    if (withOccasion.length > 0) {
      sets.push({
        field: 'awards.occasion',
        family: 'awards',
        gold: withOccasion.map((award) => `${award.form}|${award.conferredBy ?? ''}|${award.occasion ?? ''}`),
        predicted: record.awards.map(
          (award) => `${award.form}|${award.conferredBy ?? ''}|${award.occasion ?? ''}`,
        ),
      });
    }
  }
  if (gold.recipients) {
    sets.push({
      field: 'recipients.text',
      family: 'recipients',
      gold: gold.recipients.map((recipient) => recipient.text),
      predicted: record.recipients.map((recipient) => recipient.text),
    });
    sets.push({
      field: 'recipients.purpose',
      family: 'recipients',
      gold: gold.recipients
        .filter((r) => r.purpose)
        .map((recipient) => `${recipient.text}|${recipient.purpose}`),
      predicted: record.recipients
        .filter((r) => r.purpose)
        .map((recipient) => `${recipient.text}|${recipient.purpose}`),
    });
  }
  return sets.filter((set): set is FactSet => set !== null);
}

function countSet(set: FactSet, mode: Mode): Counts {
  const gold = (set.gold ?? [])
    .filter((value): value is string => value !== null)
    .map((value) => norm(value, mode));
  const predicted = set.predicted
    .filter((value): value is string => value !== null)
    .map((value) => norm(value, mode));
  const remaining = [...gold];
  let tp = 0;
  for (const value of predicted) {
    const at = remaining.indexOf(value);
    if (at >= 0) {
      tp++;
      remaining.splice(at, 1);
    }
  }
  return { tp, fp: predicted.length - tp, fn: gold.length - tp };
}

export interface RecordScore {
  byField: Map<string, { family: Family; counts: Counts }>;
  exact: boolean;
}

export function scoreRecord(gold: Gold, record: PlanRecord, mode: Mode): RecordScore {
  const byField = new Map<string, { family: Family; counts: Counts }>();
  let exact = true;
  for (const set of factSets(gold, record)) {
    const counts = countSet(set, mode);
    if (counts.fp > 0 || counts.fn > 0) exact = false;
    const previous = byField.get(set.field);
    if (previous) {
      previous.counts.tp += counts.tp;
      previous.counts.fp += counts.fp;
      previous.counts.fn += counts.fn;
    } else byField.set(set.field, { family: set.family, counts });
  }
  return { byField, exact };
}

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export function prf(counts: Counts): Prf {
  const precision = counts.tp + counts.fp === 0 ? 1 : counts.tp / (counts.tp + counts.fp);
  const recall = counts.tp + counts.fn === 0 ? 1 : counts.tp / (counts.tp + counts.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, support: counts.tp + counts.fn };
}

export function addCounts(target: Counts, more: Counts): void {
  target.tp += more.tp;
  target.fp += more.fp;
  target.fn += more.fn;
}
