import { VnplanError } from '../errors/index.js';

export type SourceKind = 'pdf' | 'image' | 'text';
export type SourceFormat = 'pdf' | 'png' | 'jpeg' | 'tiff' | 'utf-8' | 'utf-16' | '8-bit-text';

export interface Sniffed {
  kind: SourceKind;
  format: SourceFormat;
}

function startsWith(data: Uint8Array, bytes: readonly number[], at = 0): boolean {
  return bytes.every((byte, index) => data[at + index] === byte);
}

/** Signatures of formats people send by mistake, named so the message says what the file is. */
const KNOWN_UNSUPPORTED: ReadonlyArray<{ magic: readonly number[]; name: string }> = [
  { magic: [0x50, 0x4b, 0x03, 0x04], name: 'a ZIP archive, e.g. a Word .docx or Excel .xlsx file' },
  { magic: [0x50, 0x4b, 0x05, 0x06], name: 'an empty ZIP archive' },
  { magic: [0xd0, 0xcf, 0x11, 0xe0], name: 'an old Word/Excel .doc/.xls file' },
  { magic: [0x7b, 0x5c, 0x72, 0x74, 0x66], name: 'an RTF document' },
  { magic: [0x47, 0x49, 0x46, 0x38], name: 'a GIF image' },
  { magic: [0x42, 0x4d], name: 'a BMP image' },
  { magic: [0x1f, 0x8b], name: 'a gzip archive' },
  { magic: [0x52, 0x61, 0x72, 0x21], name: 'a RAR archive' },
  { magic: [0x37, 0x7a, 0xbc, 0xaf], name: 'a 7-Zip archive' },
  {
    magic: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66],
    name: 'an SQLite database, e.g. a vnplan archive',
  },
];

function isValidUtf8(data: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(data);
    return true;
  } catch {
    return false;
  }
}

/** Control bytes other than tab, newline, carriage return and form feed: a sign of binary data. */
function controlShare(data: Uint8Array): number {
  if (data.length === 0) return 0;
  let control = 0;
  for (const byte of data) {
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) control++;
  }
  return control / data.length;
}

/**
 * Decides what a file is from its bytes, never its name. Throws VNPLAN_E_FILE_EMPTY for an empty
 * file and VNPLAN_E_UNSUPPORTED_TYPE for anything vnplan does not read.
 */
export function sniffType(data: Uint8Array, path?: string): Sniffed {
  if (data.length === 0) throw new VnplanError('VNPLAN_E_FILE_EMPTY', {}, { path });
  const head = Buffer.from(data.subarray(0, 1024));
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return { kind: 'pdf', format: 'pdf' };
  if (startsWith(data, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    return { kind: 'image', format: 'png' };
  if (startsWith(data, [0xff, 0xd8, 0xff])) return { kind: 'image', format: 'jpeg' };
  if (startsWith(data, [0x49, 0x49, 0x2a, 0x00]) || startsWith(data, [0x4d, 0x4d, 0x00, 0x2a]))
    return { kind: 'image', format: 'tiff' };
  for (const { magic, name } of KNOWN_UNSUPPORTED) {
    if (startsWith(data, magic))
      throw new VnplanError('VNPLAN_E_UNSUPPORTED_TYPE', { detail: name }, { path });
  }
  // PDF readers accept the header anywhere in the first kilobyte (after the formats above: a ZIP of PDFs
  // has one near its start too).
  if (head.includes('%PDF-')) return { kind: 'pdf', format: 'pdf' };
  if (startsWith(data, [0xff, 0xfe]) || startsWith(data, [0xfe, 0xff]))
    return { kind: 'text', format: 'utf-16' };
  const sample = data.subarray(0, 64 * 1024);
  if (!sample.includes(0) && controlShare(sample) < 0.01) {
    // A cut in the middle of a multi-byte sequence at the sample's end is not an encoding error.
    const whole = data.length <= 4 * 1024 * 1024 ? data : sample.subarray(0, sample.length - 4);
    return { kind: 'text', format: isValidUtf8(whole) ? 'utf-8' : '8-bit-text' };
  }
  throw new VnplanError('VNPLAN_E_UNSUPPORTED_TYPE', { detail: 'unrecognised binary data' }, { path });
}
