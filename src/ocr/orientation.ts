import sharp from 'sharp';
import { inkPoints, otsuThreshold, thumbnail, type GrayImage } from './gray-image.js';
import { MEASURING_SIDE, rowColumnRatio, skewOfInk } from './skew.js';

export type Rotation = 0 | 90 | 180 | 270;

async function rotateGray(image: GrayImage, degrees: number): Promise<GrayImage> {
  const { data, info } = await sharp(image.data, {
    raw: { width: image.width, height: image.height, channels: 1 },
  })
    .rotate(degrees, { background: '#ffffff' })
    .grayscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/**
 * Ink above the x-height band of each text line against ink below it. Latin script, and Vietnamese
 * even more with its tone marks, carries far more above (ascenders, marks) than below (descenders).
 */
export function aboveBelowRatio(image: GrayImage): number {
  const threshold = Math.min(otsuThreshold(image.data), 200);
  const profile = new Float64Array(image.height);
  for (let y = 0; y < image.height; y++) {
    let ink = 0;
    for (let x = 0; x < image.width; x++) if (image.data[y * image.width + x]! < threshold) ink++;
    profile[y] = ink;
  }
  const peak = Math.max(...profile);
  let above = 0;
  let below = 0;
  let y = 0;
  while (y < image.height) {
    if (profile[y]! <= peak * 0.03) {
      y++;
      continue;
    }
    const start = y;
    while (y < image.height && profile[y]! > peak * 0.03) y++;
    const line = profile.subarray(start, y);
    const lineMax = Math.max(...line);
    const core = [...line.keys()].filter((i) => line[i]! >= lineMax * 0.5);
    const top = core[0] ?? 0;
    const bottom = core.at(-1) ?? line.length - 1;
    for (let i = 0; i < top; i++) above += line[i]!;
    for (let i = bottom + 1; i < line.length; i++) below += line[i]!;
  }
  return (above + 1) / (below + 1);
}

export interface Orientation {
  rotation: Rotation;
  /** Skew of the upright text lines in degrees, measured on a thumbnail (see `measureSkew`). */
  skew: number;
}

/**
 * The orientation of a page from its measuring thumbnail (at most `MEASURING_SIDE` pixels a side): the
 * rotation that makes its text upright, and the skew of the upright lines. The rotation is 0 unless the
 * evidence is clear, since turning an upright page would ruin it.
 */
export async function orientationOfThumbnail(small: GrayImage): Promise<Orientation> {
  let turned: Rotation = 0;
  let upright = small;
  let ink = inkPoints(small);
  if (rowColumnRatio(small, ink) < 0.5) {
    turned = 90;
    upright = await rotateGray(small, 90);
    ink = inkPoints(upright);
  }
  // Even a slight skew smears neighbouring lines into each other's rows: straighten first.
  const skew = skewOfInk(ink, upright);
  if (Math.abs(skew) >= 0.1) upright = await rotateGray(upright, -skew);
  const ratio = aboveBelowRatio(upright);
  if (ratio < 0.6) return { rotation: ((turned + 180) % 360) as Rotation, skew };
  return { rotation: turned, skew };
}

/** Detects a page turned by 90, 180 or 270 degrees, and its skew (see `orientationOfThumbnail`). */
export async function detectOrientation(image: GrayImage): Promise<Orientation> {
  return orientationOfThumbnail(await thumbnail(image, MEASURING_SIDE));
}

/** The rotation that makes a page's text upright (see `detectOrientation`). */
export async function detectRotation(image: GrayImage): Promise<Rotation> {
  return (await detectOrientation(image)).rotation;
}
