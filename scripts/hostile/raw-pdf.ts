/**
 * A minimal PDF writer for hand-made hostile files: objects are given as their body (dictionary, array or
 * dictionary + stream), numbered from 1 in order; the cross-reference table is computed, so a case can
 * break exactly one thing (the xref, the trailer, a reference) and nothing else by accident.
 */
export type PdfObject = string | { dict: string; stream: Buffer };

export interface RawPdfOptions {
  /** Object number of the catalog. @defaultValue 1 */
  root?: number;
  /** Extra trailer entries, e.g. `/Encrypt 9 0 R`. */
  trailerExtra?: string;
}

export function rawPdf(objects: readonly PdfObject[], options: RawPdfOptions = {}): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let length = parts[0]!.length;
  const offsets: number[] = [];
  const push = (buffer: Buffer) => {
    parts.push(buffer);
    length += buffer.length;
  };
  objects.forEach((object, index) => {
    offsets.push(length);
    if (typeof object === 'string') {
      push(Buffer.from(`${index + 1} 0 obj\n${object}\nendobj\n`, 'latin1'));
    } else {
      const dict = object.dict.replace(/>>\s*$/, ` /Length ${object.stream.length} >>`);
      push(Buffer.from(`${index + 1} 0 obj\n${dict}\nstream\n`, 'latin1'));
      push(object.stream);
      push(Buffer.from('\nendstream\nendobj\n', 'latin1'));
    }
  });
  const xrefAt = length;
  const rows = offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  push(
    Buffer.from(
      `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${rows}` +
        `trailer\n<< /Size ${objects.length + 1} /Root ${options.root ?? 1} 0 R ${options.trailerExtra ?? ''}>>\n` +
        `startxref\n${xrefAt}\n%%EOF\n`,
      'latin1',
    ),
  );
  return Buffer.concat(parts);
}

/** A one-page document whose page shows `content` with the given resources. */
export function onePagePdf(content: string, resources: string, extra: PdfObject[] = []): Buffer {
  return rawPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources ${resources} /Contents 4 0 R >>`,
    { dict: '<< >>', stream: Buffer.from(content, 'latin1') },
    ...extra,
  ]);
}

/** A page that is one image, drawn over the whole page (as scanners write them); the image is object 5. */
export function imagePagePdf(
  imageDict: string,
  imageData: Buffer,
  size = { width: 595, height: 842 },
): Buffer {
  return rawPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${size.width} ${size.height}] /Resources << /XObject << /Im0 5 0 R >> >> /Contents 4 0 R >>`,
    { dict: '<< >>', stream: Buffer.from(`q ${size.width} 0 0 ${size.height} 0 0 cm /Im0 Do Q`, 'latin1') },
    { dict: imageDict, stream: imageData },
  ]);
}
