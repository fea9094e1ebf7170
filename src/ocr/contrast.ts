import sharp from 'sharp';
import { grayHistogram, type GrayImage } from './gray-image.js';

/**
 * Size of the stand-in image that has the page's histogram. Its cumulative histogram is rounded to
 * 1 / PROBE_PIXELS at every level, so the 1st and 99th percentiles could move only if the page's fell
 * within 0.0005 % of a level's edge; a larger stand-in costs sharp's LAB round trip on every pixel of it.
 */
const PROBE_PIXELS = 100_000;

async function normalised(data: Buffer, width: number, height: number): Promise<Buffer> {
  return sharp(data, { raw: { width, height, channels: 1 } })
    .normalise()
    .grayscale()
    .raw()
    .toBuffer();
}

/** Fills the levels a table has no value for by straight lines between the levels around them. */
function interpolateGaps(table: Float64Array): Uint8Array {
  const known = [...table.keys()].filter((level) => !Number.isNaN(table[level]!));
  const out = new Uint8Array(256);
  for (let level = 0; level < 256; level++) {
    const after = known.find((k) => k >= level) ?? known.at(-1)!;
    const before = known.findLast((k) => k <= level) ?? known[0]!;
    const share = after === before ? 0 : (level - before) / (after - before);
    out[level] = Math.round(table[before]! + share * (table[after]! - table[before]!));
  }
  return out;
}

/**
 * The gray-level table sharp's `normalise()` would apply to an image with this histogram (a contrast
 * stretch: see `stretchContrast`). Normalising is a function of the gray level alone once the image's
 * lightness percentiles are known, and those depend only on its histogram: sharp normalises a smaller
 * stand-in image with the same histogram, and the table is read off it (levels too rare to appear in the
 * stand-in are interpolated).
 */
export async function contrastLevels(histogram: Uint32Array): Promise<Uint8Array> {
  const total = histogram.reduce((sum, count) => sum + count, 0);
  const probe = Buffer.alloc(PROBE_PIXELS);
  const firstPixel = new Int32Array(256).fill(-1);
  let filled = 0;
  let cumulative = 0;
  for (let level = 0; level < 256; level++) {
    cumulative += histogram[level]!;
    const end = Math.round((cumulative / Math.max(1, total)) * PROBE_PIXELS);
    if (end > filled) firstPixel[level] = filled;
    probe.fill(level, filled, end);
    filled = end;
  }
  const out = await normalised(probe, 500, PROBE_PIXELS / 500);
  const table = Float64Array.from(firstPixel, (pixel) => (pixel < 0 ? Number.NaN : out[pixel]!));
  return interpolateGaps(table);
}

/** Images smaller than this are mapped a byte at a time: the table of pairs would cost more than it saves. */
const PAIR_TABLE_MIN_PIXELS = 1 << 18;

/**
 * Maps every pixel of `source` through `levels` into `target` (which may be `source` itself). A large
 * image is mapped two pixels per lookup in a table of all 65,536 pairs, about three times as fast; a
 * pair's bytes keep their order whatever the machine's endianness, so the table is the same on all.
 */
export function applyLevels(source: Uint8Array, levels: Uint8Array, target: Uint8Array = source): void {
  const length = source.length;
  // Pairs are read as 16-bit words, so both arrays must start on the same side of a word boundary.
  const head = source.byteOffset & 1;
  if (length < PAIR_TABLE_MIN_PIXELS || head !== (target.byteOffset & 1)) {
    for (let i = 0; i < length; i++) target[i] = levels[source[i]!]!;
    return;
  }
  const pairs = new Uint16Array(65_536);
  for (let first = 0; first < 256; first++) {
    for (let second = 0; second < 256; second++)
      pairs[(first << 8) | second] = (levels[first]! << 8) | levels[second]!;
  }
  if (head) target[0] = levels[source[0]!]!;
  const words = (length - head) >>> 1;
  const from = new Uint16Array(source.buffer, source.byteOffset + head, words);
  const to = new Uint16Array(target.buffer, target.byteOffset + head, words);
  for (let i = 0; i < words; i++) to[i] = pairs[from[i]!]!;
  const tail = head + words * 2;
  if (tail < length) target[tail] = levels[source[tail]!]!;
}

/**
 * Stretches contrast exactly as sharp's `normalise()` does (lightness between the 1st and 99th
 * percentiles spread over black to white), writing the result into `target` (by default the image itself;
 * a target of another size is a TypeError). On a large page it goes through a 256-entry table: sharp's own
 * pass converts every pixel to LAB and back, which cost more than half of a page's preprocessing.
 */
export async function stretchContrast(image: GrayImage, target: Buffer = image.data): Promise<void> {
  if (target.length !== image.data.length)
    throw new TypeError(`Expected a target of ${image.data.length} bytes, not ${target.length}`);
  if (image.data.length <= 2 * PROBE_PIXELS) {
    (await normalised(image.data, image.width, image.height)).copy(target);
    return;
  }
  applyLevels(image.data, await contrastLevels(grayHistogram(image.data)), target);
}
