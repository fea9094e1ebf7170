import type { PDFPageProxy } from 'pdfjs-dist/types/src/display/api.js';
import { loadPdfJs } from './load.js';

type Matrix = [number, number, number, number, number, number];

function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

/** What a page is made of, read from its operator list. */
export interface PageContent {
  /** Real names of the fonts text is shown in (subset prefix stripped). */
  fonts: string[];
  /** Number of text-showing operations. */
  textRuns: number;
  /** Images painted on the page. */
  images: { id: string; coverage: number; axisAligned: boolean }[];
}

/** Reads the page's operators once: its fonts, and whether it is a scan (one image covering the page). */
export async function analysePageContent(page: PDFPageProxy): Promise<PageContent> {
  const { OPS } = await loadPdfJs();
  const operators = await page.getOperatorList();
  const [vx0, vy0, vx1, vy1] = page.view as [number, number, number, number];
  const pageArea = Math.abs((vx1 - vx0) * (vy1 - vy0)) || 1;
  const fonts = new Set<string>();
  const images: PageContent['images'] = [];
  let textRuns = 0;
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  operators.fnArray.forEach((fn, index) => {
    const args = operators.argsArray[index] as unknown[];
    switch (fn) {
      case OPS.save:
        stack.push(ctm);
        break;
      case OPS.restore:
        ctm = stack.pop() ?? ctm;
        break;
      case OPS.transform:
        ctm = multiply(ctm, args as Matrix);
        break;
      case OPS.paintFormXObjectBegin:
        stack.push(ctm);
        if (Array.isArray(args[0])) ctm = multiply(ctm, args[0] as Matrix);
        break;
      case OPS.paintFormXObjectEnd:
        ctm = stack.pop() ?? ctm;
        break;
      case OPS.setFont: {
        const id = String(args[0]);
        const font = page.commonObjs.has(id) ? (page.commonObjs.get(id) as { name?: string } | null) : null;
        if (font?.name) fonts.add(font.name.replace(/^[A-Z]{6}\+/, ''));
        break;
      }
      case OPS.showText:
      case OPS.showSpacedText:
      case OPS.nextLineShowText:
      case OPS.nextLineSetSpacingShowText:
        textRuns++;
        break;
      case OPS.paintImageXObject:
      case OPS.paintInlineImageXObject:
      case OPS.paintImageMaskXObject: {
        const area = Math.abs(ctm[0] * ctm[3] - ctm[1] * ctm[2]);
        const axisAligned = Math.abs(ctm[1]) < 1e-6 && Math.abs(ctm[2]) < 1e-6 && ctm[0] > 0 && ctm[3] > 0;
        const id = typeof args[0] === 'string' ? args[0] : '';
        images.push({ id, coverage: area / pageArea, axisAligned });
        break;
      }
      default:
        break;
    }
  });
  return { fonts: [...fonts], textRuns, images };
}
