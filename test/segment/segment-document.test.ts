import { describe, expect, it } from 'vitest';
import { Section } from '../../src/record/index.js';
import { analyseLayout, logicalLines, segmentDocument } from '../../src/segment/index.js';
import { documentTextFromString } from '../../src/text-input/index.js';
import { fixtureText } from '../helpers/extract-fixtures.js';

function sections(relative: string) {
  const text = documentTextFromString(fixtureText(relative));
  return { text, tree: segmentDocument(text), layout: analyseLayout(text) };
}

describe('logicalLines', () => {
  it('should split two header columns printed on one line', () => {
    const text = documentTextFromString(
      'UBND TỈNH VĨNH LONG   CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSỞ Y TẾ Độc lập - Tự do - Hạnh phúc\nSố: 3520/KH-SYT Vĩnh Long, ngày 24 tháng 10 năm 2025',
    );
    const lines = logicalLines(text).map((line) => [line.line, line.column, line.text]);
    expect(lines).toEqual([
      [1, 1, 'UBND TỈNH VĨNH LONG'],
      [1, 2, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
      [2, 1, 'SỞ Y TẾ'],
      [2, 2, 'Độc lập - Tự do - Hạnh phúc'],
      [3, 1, 'Số: 3520/KH-SYT'],
      [3, 2, 'Vĩnh Long, ngày 24 tháng 10 năm 2025'],
    ]);
  });
});

describe('segmentDocument', () => {
  it('should build the numbered hierarchy of a plan with valid spans', () => {
    const { text, tree } = sections('text/seeds/000_3dcb5ec48acec8a3.txt');
    for (const section of tree) expect(() => Section.parse(section)).not.toThrow();
    const roman = tree.filter((section) => section.kind === 'section' && section.label?.match(/^[IVX]+\.$/));
    expect(roman.map((section) => section.label)).toEqual(['I.', 'II.', 'III.', 'IV.', 'V.', 'VI.', 'VII.']);
    expect(roman[6]!.children.map((child) => child.label)).toEqual([
      '1.',
      '2.',
      '3.',
      '4.',
      '5.',
      '6.',
      '7.',
    ]);
    const lineCount = text.pages[0]!.lines.length;
    const walk = (list: Section[]): void => {
      for (const section of list) {
        expect(section.span.line).toBeGreaterThanOrEqual(1);
        expect(section.span.endLine).toBeLessThanOrEqual(lineCount);
        expect(section.span.endLine).toBeGreaterThanOrEqual(section.span.line);
        walk(section.children);
      }
    };
    walk(tree);
    const kinds = tree.map((section) => section.kind);
    expect(kinds).toEqual(
      expect.arrayContaining(['header', 'type', 'title', 'basis', 'closing', 'recipients', 'signature']),
    );
    const header = tree.find((section) => section.kind === 'header');
    expect(header?.children.map((child) => child.kind)).toEqual(['number', 'place-date']);
  });

  it('should keep the tree whole when OCR garbles markers', () => {
    const { tree } = sections('text/synthetic/syn05_bc_ocr_nhieu.txt');
    const roman = tree.filter((section) => section.kind === 'section');
    expect(roman.map((section) => section.label)).toEqual(['I.', 'II.', 'III.']);
    expect(roman[2]!.children.map((child) => child.label)).toEqual([
      '1.',
      '2.',
      '3.',
      '4.',
      '5.',
      '6.',
      '7.',
    ]);
  });

  it('should split the header into issuer, motto, number and place/date', () => {
    const { layout } = sections('text/synthetic/syn05_bc_ocr_nhieu.txt');
    expect(layout.issuer.map((line) => line.text)).toEqual([
      'SỞ Y TẾ TỈNH VĨNH LONG',
      'TRUNG TÂM Y TẾ',
      'HUYỆN LONG HỒ',
    ]);
    expect(layout.motto).toHaveLength(2);
    expect(layout.number?.text).toBe('Số: 45/BC-TTYT');
    expect(layout.placeDate?.text).toBe('Vĩnh Long, ngày 10 tháng 01 năm 2026');
  });

  it('should find articles, the enacting word and a signature across two columns', () => {
    const { layout } = sections('text/synthetic/syn01_qd_khen_thuong.txt');
    expect(
      layout.body.filter((block) => block.marker?.kind === 'article').map((block) => block.label),
    ).toEqual(['Điều 1.', 'Điều 2.', 'Điều 3.', 'Điều 4.']);
    expect(layout.authority.map((line) => line.text)).toEqual(['GIÁM ĐỐC SỞ Y TẾ']);
    expect(layout.signature.map((line) => line.text)).toEqual(['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC']);
    expect(layout.recipientLists[0]!.items.map((item) => item.text)).toHaveLength(4);
  });

  it('should read an appendix after the signature as its own subtree', () => {
    const { tree, layout } = sections('text/synthetic/syn03_kh_phu_luc.txt');
    const appendix = tree.find((section) => section.kind === 'appendix');
    expect(appendix?.heading).toContain('CHỈ TIÊU THI ĐUA');
    expect(appendix?.children.map((child) => child.label)).toEqual(['1.', '2.']);
    expect(layout.signerName?.text).toBe('Hồ Thị Mai');
  });

  it('should give spans on the right page of a multi-page document', () => {
    const { tree } = sections('text/synthetic/syn04_ct_nhieu_trang.txt');
    const signature = tree.find((section) => section.kind === 'signature');
    expect(signature?.span.page).toBe(2);
  });

  it('should recognise basis, closing and recipients when OCR got an accent wrong', () => {
    const layout = analyseLayout(
      documentTextFromString(
        'KẾ HOẠCH\nThử nghiệm\nCăn cử Luật Xây dựng ngày 18/6/2014;\nI. NỘI DUNG\n1. Làm việc.\nTrên đầy là Kế hoạch./.\nNơi nhân:\n- Sở Y tế;\n- Lưu: VT.\nGIÁM ĐỐC\nLê Văn An',
      ),
    );
    expect(layout.basis.map((clause) => clause.text)).toEqual(['Căn cử Luật Xây dựng ngày 18/6/2014;']);
    expect(layout.closing?.text).toBe('Trên đầy là Kế hoạch./.');
    expect(layout.recipientLists[0]?.items.map((item) => item.text)).toEqual(['- Sở Y tế;', '- Lưu: VT.']);
    expect(layout.signerName?.text).toBe('Lê Văn An');
  });

  it('should take a name under an unfinished "Lưu" line as the signer, not as more of that item', () => {
    const layout = analyseLayout(
      documentTextFromString(
        'QUYẾT ĐỊNH\nThử nghiệm\nĐiều 1. Làm việc.\nNơi nhận:\n- Như Điều 1;\n- Lưu: VT, QHĐP (2)\nLê Minh Hưng',
      ),
    );
    expect(layout.recipientLists[0]?.items.map((item) => item.text)).toEqual([
      '- Như Điều 1;',
      '- Lưu: VT, QHĐP (2)',
    ]);
    expect(layout.signerName?.text).toBe('Lê Minh Hưng');
  });

  it('should return a tree, not throw, for text that is no document at all', () => {
    for (const text of ['', '   \n\n', '!!!\f???', 'x'.repeat(50_000), 'I.\nII.\n1.\n-\n+\na)']) {
      expect(() => segmentDocument(documentTextFromString(text))).not.toThrow();
    }
  });
});
