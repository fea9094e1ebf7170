import { z } from 'zod';
import { BBox, Finding } from '../findings.js';

/**
 * PlanRecord v1: what `vnplan extract` prints and the store keeps. The JSON paths are a contract that
 * other tools read: add optional fields freely, but rename or remove nothing without a schemaVersion bump.
 * This zod definition is the single source of truth; `vnplan schema` prints the JSON Schema made from it.
 */

/** Where a value was read: 1-based page and line of the repaired text, the line's text, its box on OCR pages. */
export const Provenance = z.object({
  page: z.number().int().positive(),
  line: z.number().int().positive(),
  /** Last line of a value that spans several lines (e.g. a title); absent for one line. */
  endLine: z.number().int().positive().optional(),
  text: z.string(),
  bbox: BBox.optional(),
});
export type Provenance = z.infer<typeof Provenance>;

export const DatePrecision = z.enum(['day', 'month', 'year']);

/** A calendar date as printed; `iso` is YYYY-MM-DD, YYYY-MM or YYYY by `precision`. */
export const PartialDate = z.object({
  iso: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/),
  precision: DatePrecision,
  text: z.string().optional(),
});
export type PartialDate = z.infer<typeof PartialDate>;

/** A document number: "3520/KH-SYT" → serial "3520", symbol "KH-SYT"; blank serial ("Số: /KH-SYT") → null. */
export const DocumentNumber = z.object({
  text: z.string(),
  serial: z.string().nullable(),
  symbol: z.string().nullable(),
});
export type DocumentNumber = z.infer<typeof DocumentNumber>;

export const Delegation = z.enum(['KT.', 'TM.', 'TL.', 'TUQ.', 'Q.']);

export const Signer = z.object({
  name: z.string().nullable(),
  position: z.string().nullable(),
  delegation: Delegation.nullable(),
  /** A military or academic rank printed before the name ("Đại tướng", "PGS.TS."). */
  rank: z.string().nullable().optional(),
  /** The full position lines as printed, e.g. ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]. */
  lines: z.array(z.string()).default([]),
});

export const Relation = z.enum(['basis', 'implements', 'cites']);
export type Relation = z.infer<typeof Relation>;

export const Reference = z.object({
  text: z.string(),
  /** Full type name with diacritics ("Kế hoạch", "Luật", "Nghị định"), or null when the text names none. */
  type: z.string().nullable(),
  number: DocumentNumber.nullable(),
  date: PartialDate.nullable(),
  issuer: z.string().nullable(),
  title: z.string().nullable(),
  relation: Relation,
  /** Normalised key from type, number, issuer and year: two citations of one document share it. */
  key: z.string(),
  /** Short names the document defines for it ("sau đây viết tắt là Nghị quyết số 57"). */
  shortNames: z.array(z.string()).optional(),
  provenance: Provenance.optional(),
});
export type Reference = z.infer<typeof Reference>;

export const DeadlineDate = z.object({
  iso: z.string().optional(),
  year: z.number().int().optional(),
  month: z.number().int().min(1).max(12).optional(),
  day: z.number().int().min(1).max(31).optional(),
  /** 24-hour "HH:MM". */
  time: z
    .string()
    .regex(/^\d{2}:\d{2}$/)
    .optional(),
  /** For relative deadlines: "05 ngày làm việc" → {amount: 5, unit: "working-day"}. */
  amount: z.number().optional(),
  unit: z.enum(['day', 'working-day', 'week', 'month', 'quarter', 'year']).optional(),
  quarter: z.number().int().min(1).max(4).optional(),
});

export const Deadline = z.object({
  text: z.string(),
  kind: z.enum(['annual', 'once', 'relative']),
  date: DeadlineDate,
  action: z.string().nullable(),
  responsible: z.string().nullable(),
  provenance: Provenance.optional(),
});
export type Deadline = z.infer<typeof Deadline>;

export const Award = z.object({
  text: z.string(),
  /** Canonical form from dictionaries/award-forms: "Bằng khen", "Cờ thi đua", "Huân chương Lao động", … */
  form: z.string(),
  conferredBy: z.string().nullable(),
  occasion: z.enum(['annual', 'interim', 'final']).nullable(),
  provenance: Provenance.optional(),
});
export type Award = z.infer<typeof Award>;

export const Recipient = z.object({
  text: z.string(),
  purpose: z.string().nullable(),
  provenance: Provenance.optional(),
});

export const Responsibility = z.object({
  unit: z.string(),
  tasks: z.array(z.string()),
  provenance: Provenance.optional(),
});

export const Target = z.object({
  value: z.number().nullable(),
  unit: z.string().nullable(),
  description: z.string(),
  text: z.string(),
  provenance: Provenance.optional(),
});

export const Phase = z.object({
  name: z.string(),
  from: PartialDate.nullable(),
  to: PartialDate.nullable(),
  text: z.string(),
  provenance: Provenance.optional(),
});

export const SectionKind = z.enum([
  'header',
  'issuer',
  'motto',
  'number',
  'place-date',
  'type',
  'title',
  'basis',
  'preamble',
  'section',
  'paragraph',
  'item',
  'closing',
  'recipients',
  'signature',
  'footnote',
  'appendix',
  'other',
]);
export type SectionKind = z.infer<typeof SectionKind>;

export const Span = z.object({
  page: z.number().int().positive(),
  line: z.number().int().positive(),
  endPage: z.number().int().positive(),
  endLine: z.number().int().positive(),
});
export type Span = z.infer<typeof Span>;

export interface Section {
  kind: SectionKind;
  /** The marker as printed ("I.", "2.", "a)", "-", "Điều 1.", "Phụ lục"), normalised for OCR noise. */
  label: string | null;
  heading: string | null;
  level: number;
  span: Span;
  children: Section[];
}
export const Section: z.ZodType<Section> = z.lazy(() =>
  z.object({
    kind: SectionKind,
    label: z.string().nullable(),
    heading: z.string().nullable(),
    level: z.number().int().nonnegative(),
    span: Span,
    children: z.array(Section),
  }),
);

export const TextSource = z.enum(['text-layer', 'ocr', 'mixed', 'text-file']);

export const PlanRecord = z.object({
  schemaVersion: z.literal(1),
  /** sha256 hex of the source file's bytes. */
  id: z.string().regex(/^[0-9a-f]{64}$/),
  source: z.object({
    path: z.string(),
    kind: z.enum(['pdf', 'image', 'text']),
    pages: z.number().int().nonnegative(),
    textSource: TextSource,
  }),
  document: z.object({
    type: z.string().nullable(),
    /** Type code as in the number's symbol: "KH", "QĐ", "CV", … */
    typeCode: z.string().nullable(),
    number: DocumentNumber.nullable(),
    issuer: z.object({ name: z.string().nullable(), parent: z.string().nullable() }),
    place: z.string().nullable(),
    issuedDate: PartialDate.nullable(),
    title: z.string().nullable(),
    /** The emulation movement a plan launches ("Đổi mới sáng tạo và chuyển đổi số"), when there is one. */
    movement: z.string().nullable().optional(),
    period: z.object({ from: z.number().int(), to: z.number().int(), text: z.string() }).nullable(),
    phases: z.array(Phase),
    signer: Signer.nullable(),
    /** Where each document.* value was read, keyed by field name ("type", "number", "issuer", …). */
    provenance: z.record(z.string(), Provenance),
  }),
  references: z.array(Reference),
  deadlines: z.array(Deadline),
  awards: z.array(Award),
  recipients: z.array(Recipient),
  responsibilities: z.array(Responsibility),
  targets: z.array(Target),
  sections: z.array(Section),
  findings: z.array(Finding),
  quality: z.object({
    textSource: TextSource,
    ocrConfidence: z.number().nullable(),
    tokensRestored: z.number().int().nonnegative(),
    lowConfidenceTokens: z.number().int().nonnegative(),
    encoding: z.string().nullable(),
  }),
});
export type PlanRecord = z.infer<typeof PlanRecord>;
