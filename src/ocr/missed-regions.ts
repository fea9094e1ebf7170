import type { BBox } from '../findings.js';
import type { GrayImage } from './gray-image.js';

/**
 * Finding text tesseract's page layout left out. Its layout analysis drops whole blocks it takes for a
 * picture: typically the signature block, where the seal and the signature overlap the printed position
 * and name. Ink that no recognised word covers, grouped into line-shaped regions, is worth a second look
 * as a block of its own.
 */
export interface MissedRegionOptions {
  /** Page resolution, to size the grid and the smallest region. */
  dpi: number;
  /** Gray level below which a pixel is ink. @defaultValue 128 */
  inkLevel?: number;
  /** At most this many regions per page (the largest first). @defaultValue 4 */
  maxRegions?: number;
}

/** Grid cell side at 300 DPI, in pixels: about 0.7 mm, finer than a letter stroke's spacing. */
const CELL_AT_300_DPI = 8;
/** A cell holds ink when at least this share of its pixels is dark. */
const INK_SHARE = 0.04;

interface Grid {
  cell: number;
  columns: number;
  rows: number;
  /** Dark pixels per cell. */
  counts: Uint16Array;
  ink: Uint8Array;
}

function inkGrid(image: GrayImage, cell: number, inkLevel: number): Grid {
  const columns = Math.ceil(image.width / cell);
  const rows = Math.ceil(image.height / cell);
  const counts = new Uint16Array(columns * rows);
  const { data, width, height } = image;
  for (let y = 0; y < height; y++) {
    const rowBase = Math.floor(y / cell) * columns;
    for (let x = 0, i = y * width; x < width; x++, i++) {
      if (data[i]! < inkLevel) counts[rowBase + Math.floor(x / cell)]!++;
    }
  }
  const threshold = Math.max(1, Math.round(cell * cell * INK_SHARE));
  const ink = new Uint8Array(columns * rows);
  for (let i = 0; i < ink.length; i++) ink[i] = counts[i]! >= threshold ? 1 : 0;
  return { cell, columns, rows, counts, ink };
}

function clearCovered(grid: Grid, covered: readonly BBox[], margin: number): void {
  const { cell, columns, rows, ink } = grid;
  for (const box of covered) {
    const c0 = Math.max(0, Math.floor((box.x0 - margin) / cell));
    const c1 = Math.min(columns - 1, Math.floor((box.x1 + margin) / cell));
    const r0 = Math.max(0, Math.floor((box.y0 - margin) / cell));
    const r1 = Math.min(rows - 1, Math.floor((box.y1 + margin) / cell));
    for (let r = r0; r <= r1; r++) ink.fill(0, r * columns + c0, r * columns + c1 + 1);
  }
}

interface Component {
  c0: number;
  r0: number;
  c1: number;
  r1: number;
  inkCells: number;
  darkPixels: number;
}

/**
 * Connected groups of ink cells, where cells up to `reachColumns` apart in a row and `reachRows` apart in
 * a column join (letters into words, words into lines, lines into a block).
 */
function components(grid: Grid, reachColumns: number, reachRows: number): Component[] {
  const { columns, rows, ink } = grid;
  const seen = new Uint8Array(ink.length);
  const found: Component[] = [];
  const stack: number[] = [];
  for (let start = 0; start < ink.length; start++) {
    if (!ink[start] || seen[start]) continue;
    seen[start] = 1;
    stack.push(start);
    const component: Component = { c0: columns, r0: rows, c1: 0, r1: 0, inkCells: 0, darkPixels: 0 };
    while (stack.length > 0) {
      const index = stack.pop()!;
      const r = Math.floor(index / columns);
      const c = index - r * columns;
      component.inkCells++;
      component.darkPixels += grid.counts[index]!;
      component.c0 = Math.min(component.c0, c);
      component.c1 = Math.max(component.c1, c);
      component.r0 = Math.min(component.r0, r);
      component.r1 = Math.max(component.r1, r);
      for (let dr = -reachRows; dr <= reachRows; dr++) {
        const nr = r + dr;
        if (nr < 0 || nr >= rows) continue;
        for (let dc = -reachColumns; dc <= reachColumns; dc++) {
          const nc = c + dc;
          if (nc < 0 || nc >= columns) continue;
          const next = nr * columns + nc;
          if (ink[next] && !seen[next]) {
            seen[next] = 1;
            stack.push(next);
          }
        }
      }
    }
    found.push(component);
  }
  return found;
}

/**
 * Regions of the page with ink that none of `covered` (the recognised words) accounts for and that are
 * shaped like text: at least a line high and a few letters wide, not touching the page edge (scanner
 * borders), not mostly solid (photos, black bars), not most of the page (a figure).
 */
export function missedInkRegions(
  image: GrayImage,
  covered: readonly BBox[],
  options: MissedRegionOptions,
): BBox[] {
  const scale = options.dpi / 300;
  const cell = Math.max(2, Math.round(CELL_AT_300_DPI * scale));
  const grid = inkGrid(image, cell, options.inkLevel ?? 128);
  clearCovered(grid, covered, Math.round(6 * scale));
  const minHeight = 30 * scale;
  const minWidth = 150 * scale;
  const pageArea = image.width * image.height;
  const regions: Array<BBox & { inkCells: number }> = [];
  for (const part of components(grid, 4, 3)) {
    const box = {
      x0: part.c0 * cell,
      y0: part.r0 * cell,
      x1: Math.min(image.width, (part.c1 + 1) * cell),
      y1: Math.min(image.height, (part.r1 + 1) * cell),
    };
    const width = box.x1 - box.x0;
    const height = box.y1 - box.y0;
    const touchesEdge =
      part.c0 === 0 || part.r0 === 0 || part.c1 === grid.columns - 1 || part.r1 === grid.rows - 1;
    if (width < minWidth || height < minHeight || touchesEdge) continue;
    // Printed text darkens a tenth to a third of its area; solid shapes and photographs far more.
    if (part.darkPixels / (width * height) > 0.45 || (width * height) / pageArea > 0.25) continue;
    regions.push({ ...box, inkCells: part.inkCells });
  }
  const pad = Math.round(10 * scale);
  return regions
    .sort((a, b) => b.inkCells - a.inkCells)
    .slice(0, options.maxRegions ?? 4)
    .map((region) => ({
      x0: Math.max(0, region.x0 - pad),
      y0: Math.max(0, region.y0 - pad),
      x1: Math.min(image.width, region.x1 + pad),
      y1: Math.min(image.height, region.y1 + pad),
    }));
}
