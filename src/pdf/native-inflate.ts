import { gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';

type Format = 'deflate' | 'deflate-raw' | 'gzip';

const INFLATE: Record<Format, (data: Uint8Array) => Buffer> = {
  deflate: inflateSync,
  'deflate-raw': inflateRawSync,
  gzip: gunzipSync,
};

/**
 * A `DecompressionStream` that gathers its input and inflates it in one call to zlib, giving one chunk.
 *
 * pdfjs inflates every Flate image through `DecompressionStream` and then joins the chunks. The standard
 * stream hands them over 16 kB at a time, and on a 300 DPI RGB scan (27 MB of pixels) the 1,600 chunks'
 * promises, their garbage and the joining cost more than the inflating. Input that zlib refuses (a
 * truncated or corrupt stream) makes the stream fail as the standard one does, and pdfjs then inflates it
 * with its own tolerant decoder.
 */
export class OneShotDecompressionStream extends TransformStream<Uint8Array, Uint8Array> {
  constructor(format: Format) {
    const inflate = INFLATE[format];
    if (!inflate) throw new TypeError(`Unsupported compression format: ${String(format)}`);
    const parts: Uint8Array[] = [];
    super({
      transform(chunk) {
        parts.push(chunk);
      },
      flush(controller) {
        const input = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
        const output = inflate(input);
        controller.enqueue(new Uint8Array(output.buffer, output.byteOffset, output.byteLength));
      },
    });
  }
}

/** Makes `OneShotDecompressionStream` the thread's `DecompressionStream` (for the PDF reader threads). */
export function useOneShotDecompression(): void {
  (globalThis as { DecompressionStream: unknown }).DecompressionStream = OneShotDecompressionStream;
}
