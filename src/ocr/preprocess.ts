import sharp, { type Sharp } from 'sharp';
import { grayBitmap } from '../pdf/gray-bitmap.js';
import type { PageBitmap } from '../pdf/page-image.js';
import type { GrayImage } from './gray-image.js';
import { inkPoints, otsuThreshold, thumbnail } from './gray-image.js';
import { stretchContrast } from './contrast.js';
import { orientationOfThumbnail, type Rotation } from './orientation.js';
import { ROTATE_MAX_SIDE, rotateGray } from './rotate-gray.js';
import { MEASURING_SIDE, skewOfInk } from './skew.js';
import { allocateGrayTiff } from './tiff.js';

/**
 * Image clean-up before OCR. Each step can be switched off; a step is on by default only where
 * `npm run bench:ocr` showed it lowers the character error rate (see docs/ocr.md).
 */
export interface PreprocessOptions {
  /** Make red and blue ink (stamps, signatures) white by taking the brighter of the red and blue channels. @defaultValue true */
  stampSuppression: boolean;
  /** Detect a page turned by 90/180/270 degrees and turn it upright. @defaultValue true */
  rotation: boolean;
  /** Measure the skew of text lines (±5°) and straighten the page. @defaultValue true */
  deskew: boolean;
  /** Enlarge scans below 250 DPI to `upscaleDpi`. @defaultValue true */
  upscale: boolean;
  /** Resolution low-DPI scans are enlarged to. @defaultValue 300 */
  upscaleDpi: number;
  /** 3×3 median filter against speckle noise. @defaultValue false */
  denoise: boolean;
  /** Stretch contrast so paper is white and ink black. @defaultValue true */
  normalise: boolean;
  /** Reduce to black and white at Otsu's threshold. @defaultValue false */
  binarise: boolean;
}

export const DEFAULT_PREPROCESS: Readonly<PreprocessOptions> = Object.freeze({
  stampSuppression: true,
  rotation: true,
  deskew: true,
  upscale: true,
  upscaleDpi: 300,
  denoise: false,
  normalise: true,
  binarise: false,
});

export interface PreparedPage {
  /** The cleaned page as an uncompressed 8-bit TIFF file, which tesseract reads at almost no cost. */
  tiff: Buffer;
  /** The same pixels as an image (a view into `tiff`). */
  image: GrayImage;
  width: number;
  height: number;
  dpi: number;
  skewAngle: number;
  rotation: Rotation;
}

function pipeline(image: GrayImage): Sharp {
  return sharp(image.data, {
    raw: { width: image.width, height: image.height, channels: 1 },
    limitInputPixels: false,
  });
}

async function run(image: Sharp): Promise<GrayImage> {
  const { data, info } = await image.grayscale().raw().toBuffer({ resolveWithObject: true });
  if (info.channels !== 1) throw new Error(`expected one channel, got ${info.channels}`);
  return { data, width: info.width, height: info.height };
}

/** Cleans a page bitmap for OCR and reports what it measured (skew, rotation). */
export async function preprocessPage(
  bitmap: PageBitmap,
  options: Partial<PreprocessOptions> = {},
): Promise<PreparedPage> {
  const steps = { ...DEFAULT_PREPROCESS, ...options };
  const gray = grayBitmap(bitmap, steps.stampSuppression);
  let image: GrayImage = { data: gray.data, width: gray.width, height: gray.height };
  let dpi = bitmap.dpi || 300;

  let rotation: Rotation = 0;
  let skewAngle = 0;
  if (steps.rotation || steps.deskew) {
    // One thumbnail serves both measurements: the skew found while checking the rotation is the page's,
    // since turning a page by quarter turns keeps the slope of its lines.
    const small = await thumbnail(image, MEASURING_SIDE);
    if (steps.rotation) {
      const orientation = await orientationOfThumbnail(small);
      rotation = orientation.rotation;
      if (rotation !== 0) image = await run(pipeline(image).rotate(rotation));
      if (steps.deskew) skewAngle = orientation.skew;
    } else skewAngle = skewOfInk(inkPoints(small), small);
    if (Math.abs(skewAngle) >= 0.1)
      image =
        Math.max(image.width, image.height) <= ROTATE_MAX_SIDE
          ? rotateGray(image, -skewAngle)
          : await run(pipeline(image).rotate(-skewAngle, { background: '#ffffff' }));
  }

  if (steps.upscale && dpi < 250) {
    const factor = steps.upscaleDpi / dpi;
    image = await run(
      pipeline(image).resize(Math.round(image.width * factor), Math.round(image.height * factor), {
        kernel: 'lanczos3',
      }),
    );
    dpi = steps.upscaleDpi;
  }
  if (steps.denoise) image = await run(pipeline(image).median(3));
  // The last step writes straight into the file tesseract is given: no further copy of the page.
  const { file, pixels } = allocateGrayTiff(image.width, image.height, dpi);
  if (steps.normalise) await stretchContrast(image, pixels);
  else pixels.set(image.data);
  if (steps.binarise) {
    const threshold = otsuThreshold(pixels);
    for (let i = 0; i < pixels.length; i++) pixels[i] = pixels[i]! < threshold ? 0 : 255;
  }
  return {
    tiff: file,
    image: { data: pixels, width: image.width, height: image.height },
    width: image.width,
    height: image.height,
    dpi,
    skewAngle,
    rotation,
  };
}
