import sharp from 'sharp';
import { VnplanError } from '../errors/index.js';
import type { PageBitmap } from '../pdf/page-image.js';

/** A4 paper is 8.27 inches wide: the best guess of a scan's resolution when the file does not say. */
const A4_WIDTH_INCHES = 8.27;

/** Decodes one page of an image file (TIFFs may hold many) to raw pixels, with its resolution. */
export async function imagePageBitmap(data: Buffer, pageNumber: number, path?: string): Promise<PageBitmap> {
  try {
    const image = sharp(data, { page: pageNumber - 1, limitInputPixels: false });
    const metadata = await image.metadata();
    const { data: pixels, info } = await image
      .toColourspace(metadata.channels === 1 ? 'b-w' : 'srgb')
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const guessed = Math.round(info.width / A4_WIDTH_INCHES / 10) * 10;
    const density =
      metadata.density && metadata.density >= 72 && metadata.density <= 1200
        ? metadata.density
        : Math.min(600, Math.max(72, guessed));
    const channels = info.channels === 1 ? 1 : info.channels === 4 ? 4 : 3;
    return {
      data: pixels,
      width: info.width,
      height: info.height,
      channels,
      dpi: Math.round(density),
      origin: 'embedded-image',
    };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new VnplanError(
      'VNPLAN_E_IMAGE_CORRUPT',
      { detail: `page ${pageNumber}: ${detail}` },
      { path, cause: error },
    );
  }
}
