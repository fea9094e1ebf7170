import { z } from 'zod';

/** One token the repair stage changed: the restoration log the pipeline keeps with the document. */
export const RestorationEdit = z.object({
  page: z.number().int().positive(),
  /** 1-based line and column (in UTF-16 code units of the original line). */
  line: z.number().int().positive(),
  column: z.number().int().positive(),
  original: z.string(),
  restored: z.string(),
  confidence: z.number().min(0).max(1),
  alternatives: z.array(z.string()).max(3),
  /** What kind of damage the edit repairs. */
  reason: z.enum(['encoding', 'normalisation', 'diacritics', 'ocr-garble', 'dehyphenation']),
  lowConfidence: z.boolean(),
});
export type RestorationEdit = z.infer<typeof RestorationEdit>;
