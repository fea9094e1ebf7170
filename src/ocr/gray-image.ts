import sharp from 'sharp';

/** An 8-bit single-channel image in memory. */
export interface GrayImage {
  data: Buffer;
  width: number;
  height: number;
}

/** Scales a gray image down so its longer side is at most `maxSide` pixels (for measuring, not OCR). */
export async function thumbnail(image: GrayImage, maxSide: number): Promise<GrayImage> {
  const scale = Math.min(1, maxSide / Math.max(image.width, image.height));
  const width = Math.max(1, Math.round(image.width * scale));
  const height = Math.max(1, Math.round(image.height * scale));
  const { data, info } = await sharp(image.data, {
    raw: { width: image.width, height: image.height, channels: 1 },
  })
    .resize(width, height, { kernel: 'linear' })
    .grayscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** How many pixels of each gray level the image has. */
export function grayHistogram(data: Uint8Array): Uint32Array {
  const counts = new Uint32Array(256);
  for (let i = 0; i < data.length; i++) counts[data[i]!]!++;
  return counts;
}

/** Otsu's threshold of an 8-bit histogram: the level that best separates ink from paper. */
export function otsuThreshold(data: Uint8Array): number {
  const histogram = grayHistogram(data);
  const total = data.length;
  let sum = 0;
  for (let i = 0; i < 256; i++) sum += i * histogram[i]!;
  let backgroundSum = 0;
  let backgroundCount = 0;
  let best = 127;
  let bestVariance = -1;
  for (let t = 0; t < 256; t++) {
    backgroundCount += histogram[t]!;
    if (backgroundCount === 0) continue;
    const foregroundCount = total - backgroundCount;
    if (foregroundCount === 0) break;
    backgroundSum += t * histogram[t]!;
    const meanBackground = backgroundSum / backgroundCount;
    const meanForeground = (sum - backgroundSum) / foregroundCount;
    const variance = backgroundCount * foregroundCount * (meanBackground - meanForeground) ** 2;
    if (variance > bestVariance) {
      bestVariance = variance;
      best = t;
    }
  }
  return best;
}

/** Coordinates of ink pixels (darker than Otsu's threshold), at most `limit` of them, evenly sampled. */
export function inkPoints(image: GrayImage, limit = 150_000): { xs: Int32Array; ys: Int32Array } {
  const threshold = Math.min(otsuThreshold(image.data), 200);
  const { data } = image;
  let count = 0;
  for (let i = 0; i < data.length; i++) if (data[i]! < threshold) count++;
  const step = Math.max(1, Math.ceil(count / limit));
  const xs = new Int32Array(Math.ceil(count / step));
  const ys = new Int32Array(xs.length);
  let seen = 0;
  let kept = 0;
  for (let y = 0, i = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++, i++) {
      if (data[i]! >= threshold) continue;
      if (seen++ % step === 0 && kept < xs.length) {
        xs[kept] = x;
        ys[kept++] = y;
      }
    }
  }
  return { xs: xs.subarray(0, kept), ys: ys.subarray(0, kept) };
}
