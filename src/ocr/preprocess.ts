import sharp, { type Sharp } from 'sharp';
import { grayBitmap } from '../pdf/gray-bitmap.js';
import type { PageBitmap } from '../pdf/page-image.js';
import { inkPoints, otsuThreshold, thumbnail, type GrayImage } from './gray-image.js';
import { applyLevels, contrastLevels, stretchContrast } from './contrast.js';
import { orientationOfThumbnail, type Rotation } from './orientation.js';
import { RESAMPLE_MAX_SIDE, resampleGray, resampledSize } from './resample-gray.js';
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
  }
  const turn = Math.abs(skewAngle) >= 0.1 ? -skewAngle : 0;
  const scale = steps.upscale && dpi < 250 ? steps.upscaleDpi / dpi : 1;
  if (scale !== 1) dpi = steps.upscaleDpi;
  const size = resampledSize(image.width, image.height, { degrees: turn, scale });

  // The finished page is written straight into the file tesseract is given: no further copy of it.
  let file: Buffer;
  const resampled = Math.max(image.width, image.height, size.width, size.height) <= RESAMPLE_MAX_SIDE;
  if (turn !== 0 && scale === 1 && !steps.denoise && resampled) {
    // The turn writes into the file and counts the histogram the contrast stretch needs on the way; the
    // stretch is then applied in place.
    const tiff = allocateGrayTiff(size.width, size.height, dpi);
    file = tiff.file;
    const histogram = new Uint32Array(256);
    resampleGray(image, { degrees: turn, histogram }, tiff.pixels);
    if (steps.normalise) applyLevels(tiff.pixels, await contrastLevels(histogram));
    image = { data: tiff.pixels, ...size };
  } else {
    // Enlarging bilinearly cost 1–4 points of CER on 200 DPI scans against sharp's Lanczos; the median
    // filter works on the finished page; sharp takes pages of any size.
    if (turn !== 0)
      image = resampled
        ? resampleGray(image, { degrees: turn })
        : await run(pipeline(image).rotate(turn, { background: '#ffffff' }));
    if (scale !== 1)
      image = await run(pipeline(image).resize(size.width, size.height, { kernel: 'lanczos3' }));
    if (steps.denoise) image = await run(pipeline(image).median(3));
    const tiff = allocateGrayTiff(image.width, image.height, dpi);
    file = tiff.file;
    if (steps.normalise) await stretchContrast(image, tiff.pixels);
    else tiff.pixels.set(image.data);
    image = { ...image, data: tiff.pixels };
  }
  if (steps.binarise) {
    const threshold = otsuThreshold(image.data);
    for (let i = 0; i < image.data.length; i++) image.data[i] = image.data[i]! < threshold ? 0 : 255;
  }
  return {
    tiff: file,
    image,
    width: image.width,
    height: image.height,
    dpi,
    skewAngle,
    rotation,
  };
}
