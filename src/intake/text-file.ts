import { VnplanError } from '../errors/index.js';
import type { SourceFormat } from './sniff.js';

/**
 * Decodes a text file's bytes. UTF-8 and UTF-16 are read as such; any other 8-bit text is decoded as
 * Windows-1252 so that legacy Vietnamese encodings (TCVN3, VNI) keep their bytes one-to-one for the
 * repair stage, which recognises and converts them. The result is NFC.
 */
export function decodeText(data: Uint8Array, format: SourceFormat, path?: string): string {
  try {
    if (format === 'utf-16') {
      const bigEndian = data[0] === 0xfe && data[1] === 0xff;
      return new TextDecoder(bigEndian ? 'utf-16be' : 'utf-16le').decode(data).normalize('NFC');
    }
    if (format === 'utf-8') return new TextDecoder('utf-8').decode(data).normalize('NFC');
    return new TextDecoder('windows-1252').decode(data).normalize('NFC');
  } catch (error) {
    throw new VnplanError('VNPLAN_E_TEXT_UNDECODABLE', { detail: String(error) }, { path, cause: error });
  }
}
