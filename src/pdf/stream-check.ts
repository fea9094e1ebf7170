import { constants, inflateSync } from 'node:zlib';
import { VnplanError } from '../errors/index.js';

export interface StreamLimits {
  /** Most pixels of one image XObject (width × height). */
  maxPixels: number;
  /** Most bytes a Flate stream that is not an image may inflate to. */
  maxStreamBytes: number;
}

const STREAM = Buffer.from('stream');
const END_STREAM = Buffer.from('endstream');
/** How far before `stream` its dictionary is looked for: stream dictionaries are short. */
const DICTIONARY_WINDOW = 4096;

function dictionaryBefore(data: Buffer, at: number): string {
  const window = data.subarray(Math.max(0, at - DICTIONARY_WINDOW), at).toString('latin1');
  const start = Math.max(
    window.lastIndexOf(' obj'),
    window.lastIndexOf('\nobj'),
    window.lastIndexOf('\robj'),
  );
  return start >= 0 ? window.slice(start) : window;
}

function dataStart(data: Buffer, at: number): number {
  let start = at + STREAM.length;
  if (data[start] === 0x0d) start++;
  if (data[start] === 0x0a) start++;
  return start;
}

/** Bytes `compressed` inflates to, or Infinity past `limit`; damaged data counts as what it yields (pdfjs copes). */
function inflatedSize(compressed: Buffer, limit: number): number {
  try {
    return inflateSync(compressed, { maxOutputLength: limit, finishFlush: constants.Z_SYNC_FLUSH }).length;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ? Infinity : 0;
  }
}

/**
 * Refuses a PDF that would make its reader allocate without bound, before pdfjs sees it: an image
 * XObject over the pixel limit (100,000 × 100,000 pixels in a 1 MB file), or a content, font or object
 * stream that inflates past `maxStreamBytes`. Reads the raw bytes (stream dictionaries are never
 * compressed), so it costs one pass over the file plus inflating the streams that are not images.
 */
export function checkPdfStreams(data: Buffer, limits: StreamLimits, path?: string): void {
  for (let at = data.indexOf(STREAM); at >= 0; at = data.indexOf(STREAM, at + STREAM.length)) {
    if (at >= 3 && data.subarray(at - 3, at).toString('latin1') === 'end') continue;
    const dictionary = dictionaryBefore(data, at);
    // The keyword follows its dictionary's `>>`; anywhere else it is just bytes inside some stream.
    if (!dictionary.includes('<<') || !dictionary.trimEnd().endsWith('>>')) continue;
    if (/\/Subtype\s*\/Image\b/.test(dictionary)) {
      const width = Number(/\/Width\s+(\d+)/.exec(dictionary)?.[1] ?? 0);
      const height = Number(/\/Height\s+(\d+)/.exec(dictionary)?.[1] ?? 0);
      if (width * height > limits.maxPixels)
        throw new VnplanError(
          'VNPLAN_E_IMAGE_TOO_LARGE',
          { width, height, limit: limits.maxPixels },
          { path },
        );
      continue; // pdfjs decodes an image only as far as its declared size
    }
    if (!/\/Filter\s*\[?\s*\/(FlateDecode|Fl)\b/.test(dictionary)) continue;
    const start = dataStart(data, at);
    const end = data.indexOf(END_STREAM, start);
    if (end < 0) continue;
    if (inflatedSize(data.subarray(start, end), limits.maxStreamBytes) === Infinity)
      throw new VnplanError(
        'VNPLAN_E_PDF_STREAM_TOO_LARGE',
        { detail: `the stream at byte ${at}`, limit: limits.maxStreamBytes },
        { path },
      );
  }
}
