import type { Command } from 'commander';
import { VnplanError } from '../../errors/index.js';
import { openSource } from '../../intake/index.js';
import { documentPlainText, OcrPool, readDocumentText, type PreprocessOptions } from '../../ocr/index.js';
import { action, type CliContext } from '../context.js';

/** Parses "1-3,5" into page numbers, checked against the document's page count. */
export function parsePageRange(range: string, pageCount: number): number[] {
  const pages = new Set<number>();
  for (const part of range.split(',')) {
    const match = /^\s*(\d+)\s*(?:-\s*(\d*)\s*)?$/.exec(part);
    const from = match ? Number(match[1]) : NaN;
    const to = match?.[2] !== undefined ? (match[2] === '' ? pageCount : Number(match[2])) : from;
    if (!match || from < 1 || to < from || to > pageCount)
      throw new VnplanError('VNPLAN_E_PAGE_RANGE', { range, pages: pageCount });
    for (let page = from; page <= to; page++) pages.add(page);
  }
  return [...pages].sort((a, b) => a - b);
}

interface OcrCommandOptions {
  json?: boolean;
  pages?: string;
  workers?: string;
  forceOcr?: boolean;
  dpi?: string;
  pageTimeout?: string;
  stamps?: boolean;
  rotate?: boolean;
  deskew?: boolean;
  upscale?: boolean;
  denoise?: boolean;
  normalise?: boolean;
  binarise?: boolean;
  secondLook?: boolean;
}

function positiveInteger(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1)
    throw new VnplanError('VNPLAN_E_USAGE', {
      detail: `${name} must be a positive whole number, not "${value}"`,
    });
  return number;
}

export function registerOcrCommand(program: Command, ctx: CliContext): void {
  program
    .command('ocr')
    .description('print the text of a scanned or digital document (PDF, PNG, JPEG, TIFF, text), page by page')
    .argument('<file>', 'the document to read')
    .option('--json', 'print the structured result (lines, words with confidence and box, skew, source)')
    .option('--pages <range>', 'only these pages, e.g. 1-3,5')
    .option('--workers <n>', 'OCR workers (default: one per core)')
    .option('--force-ocr', 'OCR pages even when their text layer reads well')
    .option('--dpi <n>', 'resolution PDF pages are rendered at for OCR', '300')
    .option('--page-timeout <ms>', 'longest OCR of one page', '180000')
    .option('--no-stamps', 'keep red/blue ink (stamps, signatures) instead of whitening it')
    .option('--no-rotate', 'do not detect pages turned by 90/180/270 degrees')
    .option('--no-deskew', 'do not straighten skewed scans')
    .option('--no-upscale', 'do not enlarge scans below 250 DPI')
    .option('--denoise', 'apply a 3×3 median filter before OCR')
    .option('--no-normalise', 'do not stretch contrast')
    .option('--binarise', 'reduce the page to black and white before OCR')
    .option('--no-second-look', 'do not read again the inked regions where the page pass found no words')
    .action(
      action(ctx, async (file: string, options: OcrCommandOptions) => {
        const { source, data } = await openSource(file);
        const pages = options.pages ? parsePageRange(options.pages, source.pageCount) : undefined;
        const preprocess: Partial<PreprocessOptions> = {
          stampSuppression: options.stamps !== false,
          rotation: options.rotate !== false,
          deskew: options.deskew !== false,
          upscale: options.upscale !== false,
          denoise: Boolean(options.denoise),
          normalise: options.normalise !== false,
          binarise: Boolean(options.binarise),
        };
        const pool = new OcrPool({
          workers: positiveInteger(options.workers, '--workers'),
          pageTimeoutMs: positiveInteger(options.pageTimeout, '--page-timeout'),
        });
        try {
          const text = await readDocumentText(source, {
            pool,
            data,
            pages,
            preprocess,
            forceOcr: Boolean(options.forceOcr),
            recoverMissedText: options.secondLook !== false,
            dpi: positiveInteger(options.dpi, '--dpi'),
          });
          if (options.json) ctx.stdout.write(`${JSON.stringify({ source, ...text }, null, 2)}\n`);
          else ctx.stdout.write(`${documentPlainText(text)}\n`);
        } finally {
          await pool.close();
        }
      }),
    );
}
