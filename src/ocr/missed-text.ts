import type { TextWord } from '../document-text.js';
import type { BBox } from '../findings.js';
import type { RawLine } from '../layout/index.js';
import type { GrayImage } from './gray-image.js';
import { missedInkRegions } from './missed-regions.js';
import type { OcrPool } from './pool.js';
import { rawLinesOf } from './tesseract-lines.js';
import { allocateGrayTiff } from './tiff.js';

/**
 * A recovered line must be read at least this surely (tesseract's line and word confidence): regions the
 * page layout skipped are mostly seals, signatures and handwriting, which read as confident-looking noise
 * only rarely.
 */
const MIN_CONFIDENCE = 75;
/** Share of a recovered line's visible characters that must be letters. */
const MIN_LETTER_SHARE = 0.6;

/** A region of the page as the TIFF file tesseract is given. */
function cropToTiff(image: GrayImage, box: BBox, dpi: number): Buffer {
  const width = box.x1 - box.x0;
  const height = box.y1 - box.y0;
  const { file, pixels } = allocateGrayTiff(width, height, dpi);
  for (let y = 0; y < height; y++) {
    const from = (box.y0 + y) * image.width + box.x0;
    image.data.copy(pixels, y * width, from, from + width);
  }
  return file;
}

function overlapShare(a: BBox, b: BBox): number {
  const width = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
  const height = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
  if (width <= 0 || height <= 0) return 0;
  const smaller = Math.min((a.x1 - a.x0) * (a.y1 - a.y0), (b.x1 - b.x0) * (b.y1 - b.y0));
  return smaller > 0 ? (width * height) / smaller : 0;
}

function letterShare(words: readonly TextWord[]): number {
  const visible = words.map((word) => word.text).join('');
  const letters = visible.match(/\p{L}/gu)?.length ?? 0;
  return visible.length === 0 ? 0 : letters / visible.length;
}

const meanConfidence = (words: readonly TextWord[]): number =>
  words.reduce((sum, word) => sum + word.confidence, 0) / Math.max(1, words.length);

/** Lines read in one region, in page coordinates, without words the page pass already has. */
function acceptedLines(regionLines: RawLine[], region: BBox, known: readonly BBox[]): RawLine[] {
  const accepted: RawLine[] = [];
  for (const line of regionLines) {
    if (meanConfidence(line.words) < MIN_CONFIDENCE) continue;
    const words = line.words
      .map((word) => ({
        ...word,
        bbox: {
          x0: word.bbox.x0 + region.x0,
          y0: word.bbox.y0 + region.y0,
          x1: word.bbox.x1 + region.x0,
          y1: word.bbox.y1 + region.y0,
        },
      }))
      .filter((word) => !known.some((box) => overlapShare(box, word.bbox) > 0.3));
    if (words.length === 0 || meanConfidence(words) < MIN_CONFIDENCE) continue;
    if (letterShare(words) < MIN_LETTER_SHARE) continue;
    accepted.push({ words });
  }
  return accepted;
}

/**
 * Reads again, each as a block of its own, the regions of the page where there is ink but the page
 * pass recognised no word (see missedInkRegions), and returns the lines read there surely enough.
 */
export async function recoverMissedLines(
  image: GrayImage,
  dpi: number,
  pageLines: readonly RawLine[],
  pool: OcrPool,
  pageNumber: number,
): Promise<RawLine[]> {
  const known = pageLines.flatMap((line) => line.words.map((word) => word.bbox));
  const recovered: RawLine[] = [];
  for (const region of missedInkRegions(image, known, { dpi })) {
    const result = await pool.recognise({
      image: cropToTiff(image, region, dpi),
      dpi,
      page: pageNumber,
      layout: 'block',
    });
    recovered.push(...acceptedLines(rawLinesOf(result), region, known));
  }
  return recovered;
}
