import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import sharp, { type Metadata } from 'sharp';
import { VnplanError } from '../errors/index.js';
import { IsolatedPdf } from '../pdf/reader-supervisor.js';
import { checkPdfStreams } from '../pdf/stream-check.js';
import { notRegularFile } from './file-kind.js';
import { resolveLimits, type IntakeLimits } from './limits.js';
import { sniffType } from './sniff.js';
import type { SourceFile } from './source-file.js';

export interface OpenedSource {
  source: SourceFile;
  /** The file's bytes, so later stages need not read it again. */
  data: Buffer;
}

async function readChecked(path: string, limits: IntakeLimits): Promise<Buffer> {
  let size: number;
  try {
    const info = await stat(path);
    if (info.isDirectory())
      throw new VnplanError('VNPLAN_E_UNSUPPORTED_TYPE', { detail: 'a folder, not a file' }, { path });
    // Reading a FIFO or a device would block or never end.
    const odd = notRegularFile(info);
    if (odd) throw new VnplanError('VNPLAN_E_FILE_UNREADABLE', { detail: odd }, { path });
    size = info.size;
  } catch (error) {
    if (error instanceof VnplanError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR')
      throw new VnplanError('VNPLAN_E_FILE_NOT_FOUND', {}, { path });
    if (code === 'ELOOP') throw new VnplanError('VNPLAN_E_SYMLINK_LOOP', {}, { path });
    throw new VnplanError(
      'VNPLAN_E_FILE_UNREADABLE',
      { detail: code ?? String(error) },
      { path, cause: error },
    );
  }
  if (size > limits.maxFileSize)
    throw new VnplanError('VNPLAN_E_FILE_TOO_LARGE', { size, limit: limits.maxFileSize }, { path });
  try {
    return await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new VnplanError(
      'VNPLAN_E_FILE_UNREADABLE',
      { detail: code ?? String(error) },
      { path, cause: error },
    );
  }
}

/** Pages of an image file (TIFFs may hold many), checking each page's size against the pixel limit. */
export async function imagePageCount(data: Buffer, path: string, limits: IntakeLimits): Promise<number> {
  let metadata: Metadata;
  try {
    metadata = await sharp(data, { limitInputPixels: false }).metadata();
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new VnplanError('VNPLAN_E_IMAGE_CORRUPT', { detail }, { path, cause: error });
  }
  const width = metadata.width ?? 0;
  const height = metadata.height ?? 0;
  if (width === 0 || height === 0)
    throw new VnplanError('VNPLAN_E_IMAGE_CORRUPT', { detail: 'no size' }, { path });
  if (width * height > limits.maxPixels)
    throw new VnplanError('VNPLAN_E_IMAGE_TOO_LARGE', { width, height, limit: limits.maxPixels }, { path });
  return metadata.pages ?? 1;
}

/** Pages of a text file: form feeds separate pages, as in `vnplan ocr` output and pdftotext. */
export function textPageCount(text: string): number {
  return text.replace(/\f+$/, '').split('\f').length;
}

/**
 * Accepts a file for processing: reads it (within the size limit), decides its type by content,
 * hashes it and counts its pages. Every refusal is a VnplanError naming the file.
 */
export async function openSource(path: string, limitsIn: Partial<IntakeLimits> = {}): Promise<OpenedSource> {
  const limits = resolveLimits(limitsIn);
  const data = await readChecked(path, limits);
  const { kind, format } = sniffType(data, path);
  const id = createHash('sha256').update(data).digest('hex');
  let pageCount: number;
  if (kind === 'pdf') {
    checkPdfStreams(data, limits, path);
    const document = await IsolatedPdf.open(data, {
      path,
      timeoutMs: limits.openTimeoutMs,
      maxImagePixels: limits.maxPixels,
      maxMemoryMiB: limits.maxMemoryMiB,
    });
    pageCount = document.numPages;
    await document.destroy();
  } else if (kind === 'image') {
    pageCount = await imagePageCount(data, path, limits);
  } else {
    pageCount = textPageCount(data.toString('latin1'));
  }
  if (pageCount > limits.maxPages)
    throw new VnplanError('VNPLAN_E_TOO_MANY_PAGES', { pages: pageCount, limit: limits.maxPages }, { path });
  return { source: { id, path, kind, format, bytes: data.length, pageCount }, data };
}
