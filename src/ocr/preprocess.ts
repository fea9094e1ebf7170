import sharp, { type Sharp } from 'sharp';
import type { PageBitmap } from '../pdf/page-image.js';
import type { GrayImage } from './gray-image.js';
import { otsuThreshold } from './gray-image.js';
import { stretchContrast } from './contrast.js';
import { detectOrientation, type Rotation } from './orientation.js';
import { measureSkew } from './skew.js';
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

const WHITE = { r: 255, g: 255, b: 255 };

function toGray(bitmap: PageBitmap, suppressStamps: boolean): GrayImage {
  const { data, width, height, channels } = bitmap;
  if (channels === 1) return { data, width, height };
  const gray = Buffer.alloc(width * height);
  for (let i = 0, p = 0; i < gray.length; i++, p += channels) {
    const r = data[p]!;
    const g = data[p + 1]!;
    const b = data[p + 2]!;
    gray[i] = suppressStamps
      ? Math.max(r, b, Math.round(0.299 * r + 0.587 * g + 0.114 * b))
      : Math.round(0.299 * r + 0.587 * g + 0.114 * b);
  }
  return { data: gray, width, height };
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
  let image = toGray(bitmap, steps.stampSuppression);
  let dpi = bitmap.dpi || 300;

  let rotation: Rotation = 0;
  let thumbnailSkew: number | undefined;
  if (steps.rotation) {
    const orientation = await detectOrientation(image);
    rotation = orientation.rotation;
    if (rotation !== 0) image = await run(pipeline(image).rotate(rotation));
    else thumbnailSkew = orientation.skew;
  }
  let skewAngle = 0;
  if (steps.deskew) {
    skewAngle = await measureSkew(image, 5, thumbnailSkew);
    if (Math.abs(skewAngle) >= 0.1)
      image = await run(pipeline(image).rotate(-skewAngle, { background: WHITE }));
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
