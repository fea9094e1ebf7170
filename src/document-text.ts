import { z } from 'zod';
import { BBox, Finding } from './findings.js';

/**
 * The text of a document page by page, as the intake/pdf/ocr stages hand it to repair and segmentation.
 * Coordinates are in the page image's pixels (OCR) or PDF points scaled to 300 DPI (text layer).
 */
export const TextWord = z.object({
  text: z.string(),
  confidence: z.number().min(0).max(100),
  bbox: BBox,
});
export type TextWord = z.infer<typeof TextWord>;

export const TextLine = z.object({
  text: z.string(),
  /** Layout block the line belongs to, in reading order (e.g. header left = 0, header right = 1). */
  block: z.number().int().nonnegative().optional(),
  bbox: BBox.optional(),
  confidence: z.number().min(0).max(100).optional(),
  words: z.array(TextWord).optional(),
  /** PDF font of the line's text, subset prefix stripped, when it came from a text layer. */
  fontName: z.string().optional(),
});
export type TextLine = z.infer<typeof TextLine>;

export const PageSource = z.enum(['text-layer', 'ocr', 'text-file']);
export type PageSource = z.infer<typeof PageSource>;

export const PageText = z.object({
  /** 1-based page number in the source file. */
  page: z.number().int().positive(),
  source: PageSource,
  lines: z.array(TextLine),
  width: z.number().optional(),
  height: z.number().optional(),
  dpi: z.number().optional(),
  skewAngle: z.number().optional(),
  rotation: z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]).optional(),
  meanConfidence: z.number().optional(),
  /** How the text layer was judged, when the page had one. */
  textLayer: z
    .object({
      score: z.number().min(0).max(1),
      verdict: z.enum(['good', 'legacy-encoding', 'garbage', 'empty']),
      fonts: z.array(z.string()),
    })
    .optional(),
  findings: z.array(Finding).default([]),
});
export type PageText = z.infer<typeof PageText>;

export const DocumentText = z.object({
  pages: z.array(PageText),
});
export type DocumentText = z.infer<typeof DocumentText>;
