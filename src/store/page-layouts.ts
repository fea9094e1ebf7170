import type { DocumentText } from '../document-text.js';
import type { BBox } from '../findings.js';
import type { SqlRunner } from './sql-backend.js';
import type { PageLayout, PageLine } from './store.js';

/** One page's geometry as stored: per line [x0, y0, x1, y1] or null, and the OCR confidence or null. */
export interface PageLayoutRow {
  page: number;
  source: string;
  width: number | null;
  height: number | null;
  dpi: number | null;
  rotation: number | null;
  skew: number | null;
  linesJson: string;
}

type StoredLine = [[number, number, number, number] | null, number | null];

const round = (value: number) => Math.round(value * 10) / 10;

/** The geometry of every page; the text itself is kept once, in the chunks. */
export function pageLayoutRows(text: DocumentText): PageLayoutRow[] {
  return text.pages.map((page) => ({
    page: page.page,
    source: page.source,
    width: page.width ?? null,
    height: page.height ?? null,
    dpi: page.dpi ?? null,
    rotation: page.rotation ?? null,
    skew: page.skewAngle ?? null,
    linesJson: JSON.stringify(
      page.lines.map((line): StoredLine => [
        line.bbox
          ? [round(line.bbox.x0), round(line.bbox.y0), round(line.bbox.x1), round(line.bbox.y1)]
          : null,
        line.confidence !== undefined ? round(line.confidence) : null,
      ]),
    ),
  }));
}

/**
 * Every page of a document with its lines numbered as provenance numbers them: the text from the chunks
 * (a chunk holds consecutive lines from its first line on), boxes and confidences from the layouts.
 * Archives written before layouts were kept give lines without boxes.
 */
export async function readPageLayouts(db: SqlRunner, id: string, pageCount: number): Promise<PageLayout[]> {
  const layouts = await db.all<PageLayoutRow>(
    'SELECT page, source, width, height, dpi, rotation, skew, lines_json AS "linesJson" FROM page_layouts WHERE document_id = ? ORDER BY page',
    [id],
  );
  const chunks = await db.all<{ page: number; line: number; text: string }>(
    'SELECT page, line, text FROM chunks WHERE document_id = ? ORDER BY page, line',
    [id],
  );
  const textByPage = new Map<number, string[]>();
  for (const chunk of chunks) {
    const lines = textByPage.get(chunk.page) ?? [];
    chunk.text.split('\n').forEach((text, offset) => (lines[chunk.line - 1 + offset] = text));
    textByPage.set(chunk.page, lines);
  }
  const layoutByPage = new Map(layouts.map((layout) => [Number(layout.page), layout]));
  const pages: PageLayout[] = [];
  const last = Math.max(pageCount, ...layoutByPage.keys(), ...textByPage.keys());
  for (let page = 1; page <= last; page++) {
    const layout = layoutByPage.get(page);
    const geometry = layout ? (JSON.parse(layout.linesJson) as StoredLine[]) : [];
    const texts = textByPage.get(page) ?? [];
    const count = Math.max(geometry.length, texts.length);
    const lines: PageLine[] = Array.from({ length: count }, (_, index) => {
      const [box, confidence] = geometry[index] ?? [null, null];
      const bbox: BBox | null = box ? { x0: box[0], y0: box[1], x1: box[2], y1: box[3] } : null;
      return { line: index + 1, text: texts[index] ?? '', bbox, confidence };
    });
    pages.push({
      page,
      source: layout?.source ?? null,
      width: layout?.width ?? null,
      height: layout?.height ?? null,
      dpi: layout?.dpi ?? null,
      rotation: Number(layout?.rotation ?? 0),
      skewAngle: Number(layout?.skew ?? 0),
      lines,
    });
  }
  return pages;
}
