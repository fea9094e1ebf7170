import type { PDFPageProxy } from 'pdfjs-dist/types/src/display/api.js';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import type { TextWord } from '../document-text.js';
import { orderLines, type RawLine } from '../layout/index.js';
import type { TextLine } from '../document-text.js';

/** Text-layer coordinates are given in pixels of the page rendered at this resolution, like OCR's. */
export const LAYOUT_DPI = 300;

interface PlacedItem {
  text: string;
  x0: number;
  x1: number;
  baseline: number;
  size: number;
}

function placeItems(page: PDFPageProxy, items: TextItem[]): PlacedItem[] {
  const viewport = page.getViewport({ scale: LAYOUT_DPI / 72 });
  const placed: PlacedItem[] = [];
  for (const item of items) {
    // pdfjs fills gaps with synthetic space items; spaces are derived from the gaps instead.
    if (item.str.trim() === '') continue;
    const [a, b, , , e, f] = item.transform as number[];
    const size = Math.hypot(a ?? 0, b ?? 0) * viewport.scale;
    const [x, y] = viewport.convertToViewportPoint(e ?? 0, f ?? 0) as [number, number];
    const [xEnd] = viewport.convertToViewportPoint((e ?? 0) + item.width, f ?? 0) as [number, number];
    placed.push({
      text: item.str,
      x0: Math.min(x, xEnd),
      x1: Math.max(x, xEnd),
      baseline: y,
      size: size || 1,
    });
  }
  return placed;
}

/** Items on one baseline become one raw line; touching items merge into one word-like run. */
function toRawLines(items: PlacedItem[]): RawLine[] {
  const sorted = [...items].sort((p, q) => p.baseline - q.baseline || p.x0 - q.x0);
  const groups: PlacedItem[][] = [];
  for (const item of sorted) {
    const group = groups.at(-1);
    const anchor = group?.[0];
    if (
      group &&
      anchor &&
      Math.abs(item.baseline - anchor.baseline) < 0.35 * Math.max(anchor.size, item.size)
    )
      group.push(item);
    else groups.push([item]);
  }
  return groups.map((group) => {
    group.sort((p, q) => p.x0 - q.x0);
    const runs: TextWord[] = [];
    let previous: PlacedItem | undefined;
    for (const item of group) {
      const run = runs.at(-1);
      const gap = previous ? item.x0 - previous.x1 : Infinity;
      if (run && previous && gap < 1.0 * item.size) {
        const space = gap > 0.2 * item.size && !run.text.endsWith(' ') && !item.text.startsWith(' ');
        run.text += (space ? ' ' : '') + item.text;
        run.bbox.x1 = Math.max(run.bbox.x1, item.x1);
        run.bbox.y0 = Math.min(run.bbox.y0, item.baseline - item.size);
      } else {
        runs.push({
          text: item.text,
          confidence: 100,
          bbox: {
            x0: item.x0,
            x1: item.x1,
            y0: item.baseline - item.size * 0.8,
            y1: item.baseline + item.size * 0.2,
          },
        });
      }
      previous = item;
    }
    for (const run of runs) run.text = run.text.replace(/\s+/g, ' ').trim().normalize('NFC');
    return { words: runs.filter((run) => run.text !== '') };
  });
}

/** The page's text layer as lines in reading order (coordinates in 300 DPI pixels). */
export async function extractTextLayer(page: PDFPageProxy): Promise<TextLine[]> {
  const content = await page.getTextContent({ includeMarkedContent: false, disableNormalization: false });
  const items = content.items.filter((item): item is TextItem => 'str' in item);
  const lines = orderLines(toRawLines(placeItems(page, items)));
  return lines.map(({ text, block, bbox }) => ({ text, block, bbox }));
}
