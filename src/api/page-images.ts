import { createHash } from 'node:crypto';
import { access, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { VnplanError } from '../errors/index.js';
import { imagePageBitmap } from '../ocr/image-page.js';
import { IsolatedPdf, type PageBitmap } from '../pdf/index.js';
import type { PageLayout, Store } from '../store/index.js';

/** Widest page image served, in pixels: sharp enough to read on a laptop, small enough to load fast. */
const MAX_WIDTH = 1400;

/** A page image could not be made: the document has no page images, or its source is gone. */
export class PageImageUnavailable extends Error {
  override readonly name = 'PageImageUnavailable';
}

async function pdfPageBitmap(data: Buffer, pageNumber: number, path: string): Promise<PageBitmap> {
  const document = await IsolatedPdf.open(data, { path });
  try {
    return await document.pageBitmap(pageNumber, { dpi: 150, maxPixels: 40_000_000 });
  } finally {
    await document.destroy();
  }
}

/**
 * Page images rendered from each document's source file (pdfjs for PDFs, sharp for images), turned and
 * straightened as OCR turned them so that line boxes fall on their lines, and cached on disk as PNG.
 */
export class PageImages {
  private readonly inFlight = new Map<string, Promise<string>>();

  constructor(
    private readonly store: Store,
    private readonly cacheDir: string,
  ) {}

  /** The PNG file of one page, rendered on first request. */
  async file(idOrPrefix: string, pageNumber: number): Promise<string> {
    const id = await this.store.resolveId(idOrPrefix);
    const target = join(this.cacheDir, 'pages', `${id}-${pageNumber}.png`);
    let pending = this.inFlight.get(target);
    if (!pending) {
      pending = this.render(id, pageNumber, target).finally(() => this.inFlight.delete(target));
      this.inFlight.set(target, pending);
    }
    return pending;
  }

  private async render(id: string, pageNumber: number, target: string): Promise<string> {
    const cached = await access(target).then(
      () => true,
      () => false,
    );
    if (cached) return target;
    const { record } = await this.store.getDocument(id);
    if (record.source.kind === 'text')
      throw new PageImageUnavailable('a text file has no page images; its text is shown instead');
    if (pageNumber < 1 || pageNumber > record.source.pages)
      throw new VnplanError('VNPLAN_E_USAGE', {
        detail: `page must be from 1 to ${record.source.pages}, not ${pageNumber}`,
      });
    const path = resolve(record.source.path);
    let data: Buffer;
    try {
      data = await readFile(path);
    } catch {
      throw new PageImageUnavailable(
        `the source file ${record.source.path} is no longer where it was imported from`,
      );
    }
    if (createHash('sha256').update(data).digest('hex') !== id)
      throw new PageImageUnavailable(
        `the source file ${record.source.path} has changed since it was imported`,
      );
    const bitmap =
      record.source.kind === 'pdf'
        ? await pdfPageBitmap(data, pageNumber, path)
        : await imagePageBitmap(data, pageNumber, path);
    const layout = (await this.store.pages(id)).find((page) => page.page === pageNumber);
    const png = await toPng(bitmap, layout);
    await mkdir(join(this.cacheDir, 'pages'), { recursive: true });
    const partial = `${target}.${process.pid}.partial`;
    await writeFile(partial, png);
    await rename(partial, target);
    return target;
  }
}

/** The bitmap as PNG, turned like the OCR image when the page was OCR'd, at most MAX_WIDTH wide. */
async function toPng(bitmap: PageBitmap, layout: PageLayout | undefined): Promise<Buffer> {
  let image = sharp(bitmap.data, {
    raw: { width: bitmap.width, height: bitmap.height, channels: bitmap.channels },
  });
  if (layout?.source === 'ocr') {
    if (layout.rotation) image = sharp(await image.rotate(layout.rotation).png().toBuffer());
    if (Math.abs(layout.skewAngle) >= 0.1)
      image = sharp(
        await image
          .rotate(-layout.skewAngle, { background: { r: 255, g: 255, b: 255, alpha: 1 } })
          .png()
          .toBuffer(),
      );
  }
  return image
    .resize({ width: MAX_WIDTH, withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .png({ compressionLevel: 6 })
    .toBuffer();
}
