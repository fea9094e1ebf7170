import type { PageBitmap } from './page-image.js';

/**
 * The bitmap as one gray channel (luma), or, with `suppressStamps`, the brightest of red, blue and luma:
 * red and blue ink (seals, signatures) turns white while black print stays black.
 */
export function grayBitmap(bitmap: PageBitmap, suppressStamps: boolean): PageBitmap {
  const { data, width, height, channels } = bitmap;
  if (channels === 1) return bitmap;
  const gray = Buffer.alloc(width * height);
  for (let i = 0, p = 0; i < gray.length; i++, p += channels) {
    const r = data[p]!;
    const g = data[p + 1]!;
    const b = data[p + 2]!;
    const luma = Math.round(0.299 * r + 0.587 * g + 0.114 * b);
    gray[i] = suppressStamps ? Math.max(r, b, luma) : luma;
  }
  return { ...bitmap, data: gray, channels: 1 };
}
