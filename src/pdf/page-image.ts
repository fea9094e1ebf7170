import { createRequire } from 'node:module';
import type { createCanvas as createCanvasType } from '@napi-rs/canvas';
import type { PDFPageProxy } from 'pdfjs-dist/types/src/display/api.js';
import { VnplanError } from '../errors/index.js';
import { withTimeout } from '../timeout.js';
import { grayBitmap } from './gray-bitmap.js';
import type { PageContent } from './page-content.js';

type CreateCanvas = typeof createCanvasType;
/**
 * pdfjs draws with the @napi-rs/canvas it depends on (its Path2D and images come from there), so the
 * canvas must come from that same copy, not whichever version the application installed.
 */
const createCanvas: CreateCanvas = (
  createRequire(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))('@napi-rs/canvas') as {
    createCanvas: CreateCanvas;
  }
).createCanvas;

/** Raw pixels of a page: 1 (gray), 3 (RGB) or 4 (RGBA) interleaved channels, 8 bits each. */
export interface PageBitmap {
  data: Buffer;
  width: number;
  height: number;
  channels: 1 | 3 | 4;
  dpi: number;
  /** 'embedded-image': the page's single scan image at its own resolution; 'render': pdfjs drew the page. */
  origin: 'embedded-image' | 'render';
}

export interface PageImageOptions {
  /** @defaultValue 300 */
  dpi?: number;
  /** Largest bitmap allowed (pixels); a larger page is rendered at a lower resolution. @defaultValue 150e6 */
  maxPixels?: number;
  /** @defaultValue 60000 */
  timeoutMs?: number;
  /**
   * Give the page as one gray channel (see `grayBitmap`), a third of the bytes of RGB to hand on.
   * @defaultValue undefined: the page's own channels
   */
  gray?: { suppressStamps: boolean };
}

interface PdfImageObject {
  width: number;
  height: number;
  kind: number;
  data?: Uint8Array | Uint8ClampedArray;
}

function unpackOneBit(image: PdfImageObject & { data: Uint8Array | Uint8ClampedArray }): Buffer {
  const { width, height, data } = image;
  const rowBytes = (width + 7) >> 3;
  const out = Buffer.alloc(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const byte = data[y * rowBytes + (x >> 3)] ?? 255;
      out[y * width + x] = byte & (0x80 >> (x & 7)) ? 255 : 0;
    }
  }
  return out;
}

function waitForImage(page: PDFPageProxy, id: string, timeoutMs: number): Promise<PdfImageObject> {
  const objects = id.startsWith('g_') ? page.commonObjs : page.objs;
  return withTimeout(
    new Promise<PdfImageObject>((resolve) =>
      objects.get(id, (value: unknown) => resolve(value as PdfImageObject)),
    ),
    timeoutMs,
    'reading the page image',
  );
}

/** The page's one scan image, decoded at its native resolution, or undefined when the page is not one image. */
async function embeddedScan(
  page: PDFPageProxy,
  content: PageContent,
  timeoutMs: number,
): Promise<PageBitmap | undefined> {
  const [only] = content.images;
  if (content.images.length !== 1 || !only || content.textRuns > 0 || page.rotate % 360 !== 0)
    return undefined;
  if (!only.axisAligned || only.coverage < 0.85 || !only.id) return undefined;
  const image = await waitForImage(page, only.id, timeoutMs);
  if (!image?.data) return undefined;
  const [x0, , x1] = page.view as [number, number, number, number];
  const dpi = Math.round((image.width / Math.abs(x1 - x0)) * 72);
  const base = { width: image.width, height: image.height, dpi, origin: 'embedded-image' as const };
  const pixels = image.width * image.height;
  if (image.kind === 1) return { ...base, data: unpackOneBit({ ...image, data: image.data }), channels: 1 };
  if (image.kind === 2 && image.data.length >= pixels * 3)
    return { ...base, data: Buffer.from(image.data.buffer, image.data.byteOffset, pixels * 3), channels: 3 };
  if (image.kind === 3 && image.data.length >= pixels * 4)
    return { ...base, data: Buffer.from(image.data.buffer, image.data.byteOffset, pixels * 4), channels: 4 };
  return undefined;
}

/** Largest page side accepted, in points: four times the 200 inches PDF allows. */
const MAX_PAGE_POINTS = 4 * 14_400;

/** The longest side a canvas may have (Skia's limit); pages claiming more are rendered smaller. */
const MAX_CANVAS_SIDE = 32_767;

/** Renders the page with pdfjs onto a white canvas. */
async function renderPage(
  page: PDFPageProxy,
  dpi: number,
  maxPixels: number,
  timeoutMs: number,
): Promise<PageBitmap> {
  const unit = page.getViewport({ scale: 1 });
  // PDF pages are at most 14,400 units (200 inches) a side; far beyond that the size is a lie, not a drawing.
  if (!(Math.max(unit.width, unit.height) <= MAX_PAGE_POINTS && Math.min(unit.width, unit.height) >= 1))
    throw new VnplanError('VNPLAN_E_RENDER_FAILED', {
      page: page.pageNumber,
      detail: `it claims to be ${Math.round(unit.width)} × ${Math.round(unit.height)} points`,
    });
  // Within the pixel limit and the canvas's largest side, whatever size the page claims to be.
  const scale = Math.min(
    dpi / 72,
    Math.sqrt(maxPixels / (unit.width * unit.height)),
    MAX_CANVAS_SIDE / unit.width,
    MAX_CANVAS_SIDE / unit.height,
  );
  const viewport = page.getViewport({ scale });
  const width = Math.max(1, Math.floor(viewport.width));
  const height = Math.max(1, Math.floor(viewport.height));
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  const task = page.render({ canvasContext: context as never, canvas: canvas as never, viewport });
  await withTimeout(task.promise, timeoutMs, `rendering page ${page.pageNumber}`, () => {
    task.cancel();
    return new VnplanError('VNPLAN_E_RENDER_FAILED', {
      page: page.pageNumber,
      detail: `took over ${timeoutMs} ms`,
    });
  });
  const { data } = context.getImageData(0, 0, width, height);
  return {
    data: Buffer.from(data.buffer, data.byteOffset, data.byteLength),
    width,
    height,
    channels: 4,
    dpi: Math.round(scale * 72),
    origin: 'render',
  };
}

/**
 * The page as a bitmap for OCR: its embedded scan at native resolution when the page is exactly one
 * image, otherwise a render at `dpi`.
 */
export async function pageBitmap(
  page: PDFPageProxy,
  content: PageContent,
  options: PageImageOptions = {},
): Promise<PageBitmap> {
  const { dpi = 300, maxPixels = 150_000_000, timeoutMs = 60_000, gray } = options;
  try {
    const scan = await embeddedScan(page, content, timeoutMs);
    const bitmap =
      scan && scan.width * scan.height <= maxPixels
        ? scan
        : await renderPage(page, dpi, maxPixels, timeoutMs);
    return gray ? grayBitmap(bitmap, gray.suppressStamps) : bitmap;
  } catch (error) {
    if (error instanceof VnplanError) throw error;
    const detail = error instanceof Error ? error.message : String(error);
    throw new VnplanError('VNPLAN_E_RENDER_FAILED', { page: page.pageNumber, detail }, { cause: error });
  }
}
