import { describe, expect, it } from 'vitest';
import {
  convertText,
  decodeTcvn3,
  decodeTextBuffer,
  decodeViqr,
  decodeViscii,
  decodeVni,
  decodeVps,
  decodeWindows1258,
  decodeDecomposed,
  detectEncoding,
  encodingFromFontName,
} from '../../src/vietnamese/encodings/index.js';
import { byteOf } from '../../src/vietnamese/encodings/tables.js';
import {
  encode1258Full,
  encodeViqr,
  encodeWith,
  TCVN3,
  VISCII,
  VNI,
  VPS,
} from '../helpers/legacy-encoders.js';
import { vietnameseLetters } from './letters.js';

const LETTERS = vietnameseLetters();

const SAMPLE =
  'Sở Y tế tỉnh ban hành kế hoạch triển khai thực hiện phong trào thi đua đổi mới sáng tạo và chuyển đổi số trong ngành y tế. ' +
  'Các sở, ban, ngành và địa phương chủ động phối hợp, bảo đảm tiến độ, chất lượng và hiệu quả; người dân và doanh nghiệp là trung tâm, là chủ thể của quá trình đổi mới.';

describe('legacy encodings, letter by letter', () => {
  it('should have 134 marked letters to test', () => {
    expect(LETTERS).toHaveLength(134);
    expect(new Set(LETTERS).size).toBe(134);
  });

  it('should convert every TCVN3 letter, capitals through a .VnTimeH font', () => {
    for (const letter of LETTERS) {
      const lower = letter.toLowerCase();
      expect(decodeTcvn3(TCVN3.get(lower)!), lower).toBe(lower);
      expect(decodeTcvn3(TCVN3.get(lower)!, true), letter).toBe(lower.toUpperCase());
    }
    for (const cap of ['Ă', 'Â', 'Ê', 'Ô', 'Ơ', 'Ư', 'Đ']) expect(decodeTcvn3(TCVN3.get(cap)!)).toBe(cap);
    // Known bytes: "Việt Nam" in .VnTime, and ư at 0xAD, the Latin-1 soft hyphen.
    expect(decodeTcvn3('Vi\u00d6t Nam')).toBe('Việt Nam');
    expect(decodeTcvn3('n\u00ad\u00edc')).toBe('nước');
  });

  it('should convert every VNI letter', () => {
    for (const letter of LETTERS) expect(decodeVni(VNI.get(letter)!), letter).toBe(letter);
    expect(decodeVni('Vieät Nam')).toBe('Việt Nam');
    expect(decodeVni('ñoåi môùi')).toBe('đổi mới');
    expect(decodeVni('NGÖÔØI')).toBe('NGƯỜI');
  });

  it('should convert every VISCII letter', () => {
    for (const letter of LETTERS) expect(decodeViscii(VISCII.get(letter) ?? letter), letter).toBe(letter);
    expect(decodeViscii('Vi\u00aet Nam')).toBe('Việt Nam');
  });

  it('should convert every VPS letter, capitals in control-code places included', () => {
    for (const letter of LETTERS) {
      const encoded = VPS.get(letter) ?? letter;
      expect(byteOf(encoded), `${letter} is one VPS byte`).toBeGreaterThanOrEqual(0);
      expect(decodeVps(encoded), letter).toBe(letter);
    }
    // Known bytes: Ạ at 0x02, Ỗ at 0x99 (™ when the byte is read as Windows-1252), ế at 0x89.
    expect(decodeVps('\u0002')).toBe('Ạ');
    expect(decodeVps('\u0099')).toBe('Ỗ');
    expect(decodeVps('™')).toBe('Ỗ');
    expect(decodeVps('Vi\u008ct Nam')).toBe('Việt Nam');
  });

  it('should convert every Windows-1258 letter to NFC', () => {
    for (const letter of LETTERS) {
      const decoded = decodeWindows1258(encode1258Full(letter));
      expect(decoded, letter).toBe(letter);
      expect(decoded.normalize('NFC')).toBe(decoded);
    }
  });

  it('should convert every VIQR letter', () => {
    for (const letter of LETTERS) expect(decodeViqr(`${encodeViqr(letter)}n`), letter).toBe(`${letter}n`);
    expect(decodeViqr('Vie^.t Nam')).toBe('Việt Nam');
    expect(decodeViqr('Co^.ng ho`a xa~ ho^.i')).toBe('Cộng hòa xã hội');
    expect(decodeViqr("Ha\\. tie^'n.")).toBe('Ha. tiến.');
  });

  it('should recompose decomposed and misordered Unicode', () => {
    for (const letter of LETTERS) {
      const nfd = letter.normalize('NFD');
      expect(decodeDecomposed(nfd)).toBe(letter);
      const marks = [...nfd];
      if (marks.length === 3)
        expect(decodeDecomposed(marks[0]! + marks[2]! + marks[1]!), letter).toBe(letter);
    }
  });
});

describe('encoding detection', () => {
  const cases: [string, (t: string) => string][] = [
    ['tcvn3', encodeWith(TCVN3)],
    ['vni', encodeWith(VNI)],
    ['viscii', encodeWith(VISCII)],
    ['vps', encodeWith(VPS)],
    ['windows-1258', encode1258Full],
    ['viqr', encodeViqr],
    ['unicode-decomposed', (t) => t.normalize('NFD')],
  ];
  for (const [name, encode] of cases) {
    it(`should detect ${name} on a ${SAMPLE.length}-character sample and convert it exactly`, () => {
      const legacy = encode(SAMPLE);
      expect(legacy).not.toBe(SAMPLE);
      const found = detectEncoding(legacy);
      expect(found.encoding).toBe(name);
      expect(found.text).toBe(SAMPLE);
    });
  }

  it('should never convert plain ASCII or good Unicode', () => {
    const ascii =
      'The committee approved the budget for 2025. Contact: info@example.org, see https://example.org/plan. ' +
      'Trien khai ke hoach so 12/KH-UBND ngay 20 thang 10 nam 2025 cua Uy ban nhan dan tinh Vinh Long, UBND.';
    for (const text of [ascii, SAMPLE, SAMPLE.toUpperCase()]) {
      const found = convertText(text);
      expect(found.encoding).toBeNull();
      expect(found.text).toBe(text);
    }
  });

  it('should follow a PDF font name hint with its subset prefix stripped', () => {
    expect(encodingFromFontName('ABCDEF+.VnTimeH')).toEqual({ encoding: 'tcvn3', capitals: true });
    expect(encodingFromFontName('.VnTime')).toEqual({ encoding: 'tcvn3', capitals: false });
    expect(encodingFromFontName('VNI-Times-Bold')).toEqual({ encoding: 'vni', capitals: false });
    expect(encodingFromFontName('TimesNewRomanPSMT')).toBeNull();
    const heading = encodeWith(TCVN3)('kế hoạch triển khai');
    expect(detectEncoding(heading, 'QWERTY+.VnTimeH').text).toBe('KẾ HOẠCH TRIỂN KHAI');
  });
});

describe('decodeTextBuffer', () => {
  it('should read UTF-8, UTF-8 with BOM and UTF-16 with BOM', () => {
    expect(decodeTextBuffer(Buffer.from(SAMPLE, 'utf8'))).toEqual({ text: SAMPLE, encoding: 'utf-8' });
    expect(decodeTextBuffer(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAMPLE)])).text).toBe(
      SAMPLE,
    );
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SAMPLE, 'utf16le')]);
    expect(decodeTextBuffer(le)).toEqual({ text: SAMPLE, encoding: 'utf-16le' });
    const be = Buffer.from(Buffer.from(SAMPLE, 'utf16le')).swap16();
    expect(decodeTextBuffer(Buffer.concat([Buffer.from([0xfe, 0xff]), be])).encoding).toBe('utf-16be');
  });

  it('should read single-byte legacy files', () => {
    for (const [name, encode] of [
      ['tcvn3', encodeWith(TCVN3)],
      ['viscii', encodeWith(VISCII)],
      ['vni', encodeWith(VNI)],
      ['vps', encodeWith(VPS)],
    ] as const) {
      const bytes = Buffer.from(encode(SAMPLE), 'latin1');
      expect(decodeTextBuffer(bytes)).toEqual({ text: SAMPLE, encoding: name });
    }
  });
});
