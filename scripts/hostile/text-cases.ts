import {
  encode1258Full,
  encodeViqr,
  encodeWith,
  TCVN3,
  VISCII,
  VNI,
} from '../../test/helpers/legacy-encoders.js';

/** TCVN3 has no marked capitals in its one-font form: old files typed those in lower case. */
const lowerMarked = (text: string) => text.replace(/[^ -~\s]/gu, (ch) => ch.toLowerCase());

/** A Unicode text in each encoding legacy Vietnamese files come in, as the bytes such a file holds. */
export const LEGACY_TEXT_ENCODINGS: Record<string, (text: string) => Buffer> = {
  tcvn3: (text) => Buffer.from(encodeWith(TCVN3)(lowerMarked(text)), 'latin1'),
  vni: (text) => Buffer.from(encodeWith(VNI)(text), 'latin1'),
  viscii: (text) => Buffer.from(encodeWith(VISCII)(text), 'latin1'),
  'windows-1258': (text) => Buffer.from(encode1258Full(text), 'latin1'),
  viqr: (text) => Buffer.from(encodeViqr(text), 'latin1'),
  'utf-8-decomposed': (text) => Buffer.from(text.normalize('NFD'), 'utf8'),
  'utf-16le-bom': (text) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
  'utf-8-bom-crlf': (text) => Buffer.from(`\ufeff${text.replace(/\n/g, '\r\n')}`, 'utf8'),
};
