import { z } from 'zod';

/** Which stage noticed something. */
export const StageName = z.enum([
  'intake',
  'pdf',
  'ocr',
  'vietnamese',
  'segment',
  'extract',
  'store',
  'link',
  'pipeline',
]);
export type StageName = z.infer<typeof StageName>;

export const BBox = z.object({ x0: z.number(), y0: z.number(), x1: z.number(), y1: z.number() });
export type BBox = z.infer<typeof BBox>;

export const Place = z.object({
  page: z.number().int().positive().optional(),
  line: z.number().int().positive().optional(),
  column: z.number().int().positive().optional(),
  bbox: BBox.optional(),
});
export type Place = z.infer<typeof Place>;

/**
 * What a stage could not read or was unsure of. Findings are data that travel with the document
 * (like vfile messages), not log lines: the store keeps them and the UI shows them.
 */
export const Finding = z.object({
  stage: StageName,
  code: z.string(),
  message: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  place: Place.optional(),
  actual: z.string().optional(),
  expected: z.string().optional(),
});
export type Finding = z.infer<typeof Finding>;
