import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES_DIR } from '../../src/paths.js';
import { analysePageContent, IsolatedPdf, openPdf, pageBitmap, pdfReaders } from '../../src/pdf/index.js';
import { grayBitmap } from '../../src/pdf/gray-bitmap.js';
import { OneShotDecompressionStream } from '../../src/pdf/native-inflate.js';

afterAll(() => pdfReaders().close());

type ByteStream = { readable: ReadableStream<Uint8Array>; writable: WritableStream<Uint8Array> };

async function inflateThrough(stream: ByteStream, input: Uint8Array) {
  const writer = stream.writable.getWriter();
  // Written in pieces, as pdfjs may: the stream must join them before inflating.
  const written = (async () => {
    for (let at = 0; at < input.length; at += 1000) await writer.write(input.subarray(at, at + 1000));
    await writer.close();
  })();
  // When the stream fails, the writing fails too; the reading reports it.
  written.catch(() => {});
  const chunks: Uint8Array[] = [];
  const reader = stream.readable.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) chunks.push(read.value);
  await written;
  return { chunks, data: Buffer.concat(chunks) };
}

describe('OneShotDecompressionStream', () => {
  const text = Buffer.from('Độc lập - Tự do - Hạnh phúc\n'.repeat(5000));

  it('should inflate each format as zlib does, in one chunk', async () => {
    for (const [format, pack] of [
      ['deflate', deflateSync],
      ['deflate-raw', deflateRawSync],
      ['gzip', gzipSync],
    ] as const) {
      const { chunks, data } = await inflateThrough(new OneShotDecompressionStream(format), pack(text));
      expect(chunks).toHaveLength(1);
      expect(data.equals(text)).toBe(true);
    }
  });

  it('should fail on a truncated stream, as the standard one does, so that pdfjs falls back to its own', async () => {
    const truncated = deflateSync(text).subarray(0, 200);
    await expect(inflateThrough(new OneShotDecompressionStream('deflate'), truncated)).rejects.toThrow();
    await expect(
      inflateThrough(new DecompressionStream('deflate') as unknown as ByteStream, truncated),
    ).rejects.toThrow();
  });

  it('should refuse a format it does not know', () => {
    expect(() => new OneShotDecompressionStream('brotli' as 'gzip')).toThrow(TypeError);
  });
});

describe('a Flate-compressed scan read in a reader thread', () => {
  it('should give the pixels pdfjs gives with the standard stream, already gray', async () => {
    const path = join(FIXTURES_DIR, 'scans', 'ocr-01.scan-300dpi-1bit.pdf');
    const data = await readFile(path);
    const local = await openPdf(new Uint8Array(data));
    const page = await local.getPage(1);
    const expected = grayBitmap(await pageBitmap(page, await analysePageContent(page)), true);
    await local.destroy();
    expect(expected.origin).toBe('embedded-image');

    const isolated = await IsolatedPdf.open(data, { path });
    try {
      await isolated.readPage(1);
      const bitmap = await isolated.pageBitmap(1, { gray: { suppressStamps: true } });
      expect(bitmap.channels).toBe(1);
      expect([bitmap.width, bitmap.height, bitmap.dpi]).toEqual([
        expected.width,
        expected.height,
        expected.dpi,
      ]);
      expect(bitmap.data.equals(expected.data)).toBe(true);
    } finally {
      await isolated.destroy();
    }
  });
});
