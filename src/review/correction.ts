import { z } from 'zod';

/**
 * A field a reviewer may correct: a dotted path to a text value of the PlanRecord
 * ("document.title", "deadlines.0.action", "document.signer.name"). Identity and source are not editable.
 */
export const FieldPath = z
  .string()
  .max(120)
  .regex(
    /^(document|references|deadlines|awards|recipients|responsibilities|targets|phases)(\.[A-Za-z0-9]+)+$/,
    {
      message: 'expected a field path such as document.title or deadlines.0.action',
    },
  );

export const CorrectionAction = z.enum(['accept', 'correct']);
export type CorrectionAction = z.infer<typeof CorrectionAction>;

const text = z
  .string()
  .max(4000)
  .transform((value) => value.normalize('NFC'));
const reviewer = z.string().trim().min(1).max(100).optional();

/** What a reviewer sends: accept or correct one field value, or one token of the repaired text. */
export const CorrectionInput = z.discriminatedUnion('target', [
  z
    .object({
      target: z.literal('field'),
      path: FieldPath,
      action: CorrectionAction,
      /** The corrected value; ignored for 'accept'. */
      value: text.optional(),
      reviewer,
    })
    .strict(),
  z
    .object({
      target: z.literal('token'),
      page: z.number().int().positive(),
      line: z.number().int().positive(),
      /** 1-based column (UTF-16 code units) where the token starts in the machine's line. */
      column: z.number().int().positive(),
      /** The token as the machine wrote it; it must be at that column. */
      original: text.pipe(z.string().min(1)),
      action: CorrectionAction,
      value: text.optional(),
      reviewer,
    })
    .strict(),
]);
export type CorrectionInput = z.input<typeof CorrectionInput>;

/** A stored correction: a layer over the machine output, which itself is never changed. */
export interface Correction {
  id: number;
  documentId: string;
  target: 'field' | 'token';
  /** Field path, for a field. */
  path: string | null;
  /** Place of a token (null for a field). */
  page: number | null;
  line: number | null;
  column: number | null;
  /** The machine's value (null when the field was empty). */
  original: string | null;
  /** The reviewed value: the machine's own for 'accept'. */
  value: string | null;
  action: CorrectionAction;
  reviewer: string | null;
  createdAt: string;
}
