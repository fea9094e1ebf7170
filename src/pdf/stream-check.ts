import { constants, inflateSync } from 'node:zlib';
import { VnplanError } from '../errors/index.js';
import { jbig2OverLimit } from './jbig2-check.js';

export interface StreamLimits {
  /** Most pixels of one image XObject (width × height). */
  maxPixels: number;
  /** Most bytes a Flate stream that is not an image may inflate to; all of them together, 16 times that. */
  maxStreamBytes: number;
}

const STREAM = Buffer.from('stream');
const END_STREAM = Buffer.from('endstream');
/** How far before `stream` its dictionary is looked for: stream dictionaries are short. */
const DICTIONARY_WINDOW = 1024;
/** Stream keywords looked at, at most: bounds the scan of a file made of nothing else. */
const MAX_STREAMS = 200_000;
/** Streams together may inflate to this many times the one-stream limit. */
const TOTAL_FACTOR = 16;

/**
 * The dictionary of the stream whose keyword is at `at`: the text from the object's `obj` to the keyword must
 * be exactly one balanced `<< … >>`. Anything else means the keyword is just bytes inside some stream.
 */
function dictionaryBefore(data: Buffer, at: number): string | undefined {
  const window = data.subarray(Math.max(0, at - DICTIONARY_WINDOW), at).toString('latin1');
  const obj = window.lastIndexOf('obj');
  if (obj < 0) return undefined;
  const body = window.slice(obj + 3).trim();
  if (!body.startsWith('<<')) return undefined;
  let depth = 0;
  for (let i = 0; i < body.length - 1; i++) {
    const pair = body.slice(i, i + 2);
    if (pair === '<<') depth++;
    else if (pair === '>>') depth--;
    else continue;
    i++;
    if (depth === 0) return i === body.length - 1 ? body : undefined;
  }
  return undefined;
}

/** Keys whose direct values pdfjs loops over; a lie there (0.0001 rows, 10^9 bits) can spin it forever. */
const COUNT_KEYS = ['Width', 'Height', 'Columns', 'Rows'];
const BITS = new Set([1, 2, 4, 8, 16]);

/** What is wrong with the numbers of a stream dictionary, or undefined when nothing is. */
function implausibleNumber(dictionary: string): string | undefined {
  // A direct number, not the first number of an indirect reference ("5 0 R").
  const value = (key: string) => {
    const match = new RegExp(`/${key}\\s+([-+]?[0-9.]+(?:[eE][-+]?\\d+)?)(?!\\s+\\d+\\s+R)`).exec(dictionary);
    return match ? { text: match[1]!, number: Number(match[1]) } : undefined;
  };
  for (const key of COUNT_KEYS) {
    const found = value(key);
    if (found && !(Number.isInteger(found.number) && found.number > 0 && /^\d+(\.0*)?$/.test(found.text)))
      return `/${key} ${found.text}`;
  }
  const bits = value('BitsPerComponent');
  if (bits && !(BITS.has(bits.number) && /^\d+$/.test(bits.text))) return `/BitsPerComponent ${bits.text}`;
  const colors = value('Colors');
  if (colors && !(Number.isInteger(colors.number) && colors.number >= 1 && colors.number <= 32))
    return `/Colors ${colors.text}`;
  return undefined;
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
 * stream that inflates past `maxStreamBytes` (or all of them together past 16 times that). Reads the raw
 * bytes (stream dictionaries are never compressed): one scan of the file, plus inflating the streams that
 * are not images (pdfjs decodes an image only as far as its declared size, so those are not inflated).
 * Sizes and bit depths that are not plausible numbers are refused as damage: pdfjs, which runs on this
 * thread, can loop on them beyond the reach of any timeout.
 */
export function checkPdfStreams(data: Buffer, limits: StreamLimits, path?: string): void {
  let streams = 0;
  let total = 0;
  const totalLimit = limits.maxStreamBytes * TOTAL_FACTOR;
  for (let at = data.indexOf(STREAM); at >= 0 && streams < MAX_STREAMS; at = data.indexOf(STREAM, at + 1)) {
    if (at >= 3 && data[at - 3] === 0x65 && data[at - 2] === 0x6e && data[at - 1] === 0x64) continue; // "end"
    const dictionary = dictionaryBefore(data, at);
    if (dictionary === undefined) continue;
    streams++;
    const wrong = implausibleNumber(dictionary);
    if (wrong) throw new VnplanError('VNPLAN_E_PDF_CORRUPT', { detail: `a stream says ${wrong}` }, { path });
    if (/\/Subtype\s*\/Image\b/.test(dictionary)) {
      const width = Number(/\/Width\s+(\d+)/.exec(dictionary)?.[1] ?? 0);
      const height = Number(/\/Height\s+(\d+)/.exec(dictionary)?.[1] ?? 0);
      if (width * height > limits.maxPixels)
        throw new VnplanError(
          'VNPLAN_E_IMAGE_TOO_LARGE',
          { width, height, limit: limits.maxPixels },
          { path },
        );
      // A JBIG2 decoder sizes its bitmaps from the segment headers, not from the dictionary.
      if (/\/Filter\s*\[?\s*\/JBIG2Decode\b/.test(dictionary)) {
        const start = dataStart(data, at);
        const end = data.indexOf(END_STREAM, start);
        const over = jbig2OverLimit(data.subarray(start, end < 0 ? data.length : end), limits.maxPixels);
        if (over)
          throw new VnplanError(
            'VNPLAN_E_PDF_CORRUPT',
            { detail: `${over}, in an image of ${width} × ${height}` },
            { path },
          );
      }
      continue;
    }
    if (!/\/Filter\s*\[?\s*\/(FlateDecode|Fl)\b/.test(dictionary)) continue;
    const start = dataStart(data, at);
    const end = data.indexOf(END_STREAM, start);
    if (end < 0) continue;
    const limit = Math.min(limits.maxStreamBytes, totalLimit - total);
    const size = inflatedSize(data.subarray(start, end), limit);
    if (size === Infinity) {
      const one = limit === limits.maxStreamBytes;
      throw new VnplanError(
        'VNPLAN_E_PDF_STREAM_TOO_LARGE',
        {
          detail: one ? `the stream at byte ${at}` : `its streams together, up to byte ${at}`,
          limit: one ? limits.maxStreamBytes : totalLimit,
        },
        { path },
      );
    }
    total += size;
  }
}
