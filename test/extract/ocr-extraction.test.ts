import { describe, expect, it } from 'vitest';
import { extractRecord, repairCitationOcr } from '../../src/extract/index.js';
import { parseNumber } from '../../src/extract/number.js';
import { repairOcrNumerals, restoreAgencyLine } from '../../src/segment/index.js';
import { documentTextFromString } from '../../src/text-input/index.js';

// Texts written for these tests (other agencies, numbers and dates than the benchmark documents).
function record(text: string) {
  return extractRecord({
    id: '0'.repeat(64),
    source: { path: 'ocr.txt', kind: 'text', pages: 1 },
    text: documentTextFromString(text),
  });
}

const header = (number: string, date: string): string[] => [
  'UBND TỈNH NINH BÌNH   CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'SO TAI CHINH Độc lập - Tự do - Hạnh phúc',
  `Số: ${number}`,
  date,
  'KẾ HOẠCH',
  'Kiểm tra công tác quyết toán ngân sách năm 2026',
];

describe('header fields under OCR damage', () => {
  it('should restore an agency line that lost its marks from the agencies dictionary', () => {
    expect(restoreAgencyLine('SOY TE')).toBe('SỞ Y TẾ');
    expect(restoreAgencyLine('BO CONG AN')).toBe('BỘ CÔNG AN');
    // Printed right, in whatever case: kept as printed; not an agency of the dictionary: kept.
    expect(restoreAgencyLine('Sở Y tế')).toBe('Sở Y tế');
    expect(restoreAgencyLine('UBND TỈNH NINH BÌNH')).toBe('UBND TỈNH NINH BÌNH');
  });

  it('should report an unreadable serial and day instead of guessing them', () => {
    const result = record(
      [
        ...header('2Í /2026/KH-STC', 'Ninh Bình, ngày.2” tháng t/ năm 2026'),
        'Căn cứ Luật Ngân sách nhà nước;',
      ].join('\n'),
    );
    expect(result.document.number).toEqual({ text: '/2026/KH-STC', serial: null, symbol: 'KH-STC' });
    expect(result.document.issuedDate).toMatchObject({ iso: '2026', precision: 'year' });
    expect(result.document.place).toBe('Ninh Bình');
    const codes = result.findings.map((finding) => finding.code);
    expect(codes).toEqual(expect.arrayContaining(['number-unreadable', 'date-unreadable']));
    expect(codes).not.toContain('number-blank');
    expect(result.findings.find((finding) => finding.code === 'number-unreadable')?.actual).toBe('2Í');
  });

  it('should keep a serial that reads as digits, and a party number, as they are', () => {
    const clean = record(header('108/KH-STC', 'Ninh Bình, ngày 09 tháng 3 năm 2026').join('\n'));
    expect(clean.document.number?.serial).toBe('108');
    expect(clean.document.issuedDate?.iso).toBe('2026-03-09');
    expect(clean.findings.map((finding) => finding.code)).not.toContain('number-unreadable');
    const party = record(header('12-KH/TU', 'Ninh Bình, ngày 09 tháng 3 năm 2026').join('\n'));
    expect(party.document.number?.serial).toBe('12');
    expect(party.document.issuer).toEqual({ name: 'SO TAI CHINH', parent: 'UBND TỈNH NINH BÌNH' });
  });

  it('should strip "Về" from a công văn subject, as "V/v"', () => {
    const result = record(
      [
        'BỘ TÀI CHÍNH',
        'Số: 211/BTC-NSNN',
        'Về việc hướng dẫn quyết toán',
        'Kính gửi: Các bộ, cơ quan ngang bộ.',
      ].join('\n'),
    );
    expect(result.document.title).toBe('hướng dẫn quyết toán');
    const read = record(
      ['BỘ TÀI CHÍNH', 'Số: 212/BTC-NSNN', 'Về quyết toán vốn đầu tư', 'Kính gửi: Các bộ.'].join('\n'),
    );
    expect(read.document.title).toBe('quyết toán vốn đầu tư');
  });

  it('should take the type from the symbol when the heading is lost, and end the title at the authority line', () => {
    const result = record(
      [
        'BỘ NỘI VỤ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập - Tự do - Hạnh phúc',
        'Số: 318/QD-BNV',
        'Hà Nội, ngày 14 tháng 5 năm 2026',
        'Về việc ban hành Quy chế làm việc của Ban Chỉ đạo',
        'chuyển đổi số của Bộ',
        'BỘ TRƯỞNG BỘ NỘI VỤ',
        'Căn cứ Nghị định số 25/2025/NĐ-CP ngày 21 tháng 2 năm 2025 của Chính phủ;',
        'QUYẾT ĐỊNH:',
        'Điều 1. Ban hành kèm theo Quyết định này Quy chế làm việc.',
      ].join('\n'),
    );
    expect(result.document.type).toBe('Quyết định');
    expect(result.document.number).toMatchObject({ serial: '318', symbol: 'QĐ-BNV' });
    expect(result.document.title).toBe(
      'Về việc ban hành Quy chế làm việc của Ban Chỉ đạo chuyển đổi số của Bộ',
    );
    // "V/v" is a công văn's, whatever its symbol starts with (CT here is the agency, Cục Thuế).
    const letter = record(
      ['CỤC THUẾ', 'Số: 77/CT-CS', 'V/v hoàn thuế', 'Kính gửi: Thuế tỉnh Lào Cai.'].join('\n'),
    );
    expect(letter.document.type).toBe('Công văn');
  });
});

describe('citations under OCR damage', () => {
  it('should repair a law course from the Quốc hội term of its year, and look-alikes in a month', () => {
    expect(repairOcrNumerals('Luật số 31/2004/QH] Ï và Luật số 45/2013/QH73')).toBe(
      'Luật số 31/2004/QH11 và Luật số 45/2013/QH13',
    );
    // A boundary year belongs to two terms: the printed course is kept.
    expect(repairOcrNumerals('Luật số 12/2016/QH14; Luật số 13/2016/QH13')).toBe(
      'Luật số 12/2016/QH14; Luật số 13/2016/QH13',
    );
    expect(repairOcrNumerals('ngày 05 tháng J] năm 2024')).toBe('ngày 05 tháng 11 năm 2024');
    // A word stays a word.
    expect(repairOcrNumerals('ngày o tháng năm 2026')).toBe('ngày o tháng năm 2026');
  });

  it('should repair the type word, "số" and the symbol of a damaged citation', () => {
    expect(repairCitationOcr('tại 7ờ trình sở 41/71Y-UBND ngày 2/3/2026')).toBe(
      'tại Tờ trình số 41/TTr-UBND ngày 2/3/2026',
    );
    expect(repairCitationOcr("Tờ trình số '56/TTr-UBND")).toBe('Tờ trình số 56/TTr-UBND');
    expect(repairCitationOcr('Luật số .47/2024/QH15')).toBe('Luật số 47/2024/QH15');
    expect(repairCitationOcr('Luật sỐ 20/2015/QH13')).toBe('Luật số 20/2015/QH13');
    expect(repairCitationOcr('Kết luận số J6-KL/TW')).toBe('Kết luận số 16-KL/TW');
    // Without a real digit it is no serial.
    expect(repairCitationOcr('số II/QĐ')).toBe('số II/QĐ');
    // Agency parts: a doubled letter or a misread lower-case letter, only to a dictionary abbreviation.
    expect(parseNumber('41/TTr-HĐĐND')?.symbol).toBe('TTr-HĐND');
    expect(parseNumber('88/QĐ-TTe')?.symbol).toBe('QĐ-TTg');
    expect(parseNumber('88/QĐ-UBND')?.symbol).toBe('QĐ-UBND');
    expect(parseNumber('5/KH-SCT')?.symbol).toBe('KH-SCT');
    // A type code whose Đ lost its stroke, only where one code matches and no code is written so.
    expect(parseNumber('707/QD-TTg')).toMatchObject({ text: '707/QĐ-TTg', symbol: 'QĐ-TTg' });
    expect(parseNumber('81/2019/ND-CP')?.symbol).toBe('NĐ-CP');
    expect(parseNumber('12/HD-SYT')?.symbol).toBe('HD-SYT');
    expect(parseNumber('3/DA-UBND')?.symbol).toBe('DA-UBND');
    expect(parseNumber('9/UBND-QD')?.symbol).toBe('UBND-QD');
  });

  it('should read a citation whose item wraps onto the next line, and an issuer ending in its number', () => {
    const result = record(
      [
        ...header('15/KH-STC', 'Ninh Bình, ngày 09 tháng 3 năm 2026'),
        'I. MỤC ĐÍCH',
        '- Hoàn thành các nhiệm vụ tại Kế hoạch số 44-KH/TU,',
        'ngày 03/02/2026 của Ban Thường vụ Tỉnh ủy và Kế hoạch số 02-KH/BCĐ ngày',
        '10/02/2026 của Ban Chỉ đạo 35 về thực hiện Nghị quyết số 18-',
        'NQ/TW của Ban Chấp hành Trung ương.',
      ].join('\n'),
    );
    const found = result.references.map((reference) => [
      reference.key,
      reference.date?.iso ?? null,
      reference.issuer,
    ]);
    expect(found).toEqual([
      ['44-kh/tu@2026', '2026-02-03', 'Ban Thường vụ Tỉnh ủy'],
      ['2-kh/bcd@2026', '2026-02-10', 'Ban Chỉ đạo 35'],
      ['18-nq/tw', null, 'Ban Chấp hành Trung ương'],
    ]);
  });

  it('should read a basis keyword glued to the next word', () => {
    const result = record(
      [
        ...header('16/KH-STC', 'Ninh Bình, ngày 09 tháng 3 năm 2026'),
        'ThựchiệnKế hoạch số 90/KH-UBND ngày 01/3/2026 của UBND tỉnh;',
        'I. MỤC ĐÍCH',
      ].join('\n'),
    );
    expect(result.document.title).toBe('Kiểm tra công tác quyết toán ngân sách năm 2026');
    expect(result.references.map((reference) => [reference.key, reference.relation])).toEqual([
      ['90/kh-ubnd@2026', 'implements'],
    ]);
  });
});

describe('basis clauses read out of order', () => {
  it('should keep a line OCR read between two basis clauses in the basis', () => {
    const result = record(
      [
        ...header('19/KH-STC', 'Ninh Bình, ngày 09 tháng 3 năm 2026'),
        'Căn cứ Luật Ngân sách nhà nước',
        'sửa đổi, bổ sung bởi Luật số 56/2024/QH15;',
        'số 89/2025/QH15 được',
        'Căn cứ Nghị định số 29/2025/NĐ-CP của Chính phủ;',
        'I. MỤC ĐÍCH',
      ].join('\n'),
    );
    expect(result.references.map((reference) => [reference.key, reference.relation])).toEqual([
      ['56/2024/qh15', 'basis'],
      ['89/2025/qh15', 'basis'],
      ['29/2025/nd-cp', 'basis'],
    ]);
  });
});

describe('awards and recipients', () => {
  it('should read who confers an award in parentheses, before "tặng" and as "của tỉnh"', () => {
    const result = record(
      [
        ...header('17/KH-STC', 'Ninh Bình, ngày 09 tháng 3 năm 2026'),
        'I. KHEN THƯỞNG',
        '- Khen thưởng theo thẩm quyền (Giấy khen Giám đốc Sở) và đề nghị cấp trên (Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh) theo quy định.',
        '- Đề nghị Chủ tịch Ủy ban nhân dân tỉnh tặng Bằng khen cho tập thể xuất sắc.',
        '- Cờ thi đua của tỉnh.',
      ].join('\n'),
    );
    // "tặng Bằng khen" names the same award as "Bằng khen của Chủ tịch …": one entry.
    expect(result.awards.map((award) => [award.form, award.conferredBy, award.text]).sort()).toEqual([
      ['Bằng khen', 'Chủ tịch Ủy ban nhân dân tỉnh', 'Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh'],
      ['Cờ thi đua', 'tỉnh', 'Cờ thi đua của tỉnh'],
      ['Giấy khen', 'Giám đốc Sở', 'Giấy khen Giám đốc Sở'],
    ]);
  });

  it('should continue a dash item after ";" on the next line, and leave out "Lưu VT" without a colon', () => {
    const result = record(
      [
        ...header('18/KH-STC', 'Ninh Bình, ngày 09 tháng 3 năm 2026'),
        'I. MỤC ĐÍCH',
        '- Kiểm tra đúng quy định./.',
        'Nơi nhận:',
        '- UBND tỉnh (báo cáo);',
        '- VP STC: CVP, các PCVP,',
        'Các phòng: NS, TCDN;',
        'Trung tâm Tin học;',
        '- Lưu VT, NS.',
        'GIÁM ĐỐC',
        'Đinh Văn Hòa',
      ].join('\n'),
    );
    expect(result.recipients.map((recipient) => [recipient.text, recipient.purpose])).toEqual([
      ['UBND tỉnh', 'báo cáo'],
      ['VP STC: CVP, các PCVP, Các phòng: NS, TCDN; Trung tâm Tin học', null],
    ]);
    expect(result.document.signer).toMatchObject({ name: 'Đinh Văn Hòa', position: 'GIÁM ĐỐC' });
  });

  it('should give a purpose printed under one item to that item, and leave one beside a brace aside', () => {
    // An OCR page: lines with boxes (pixels); the brace purpose sits right of the items it spans.
    const box = (x0: number, y0: number, x1: number) => ({ x0, y0, x1, y1: y0 + 50 });
    const lines = [
      { text: 'Nơi nhận:', bbox: box(350, 1000, 560) },
      { text: '- Thường trực Tỉnh ủy;', bbox: box(350, 1055, 800) },
      { text: '- Chủ tịch UBND tỉnh;', bbox: box(350, 1110, 790) },
      { text: '(để b/c)', bbox: box(900, 1080, 1050) },
      { text: '- Đài Phát thanh và Truyền hình tỉnh;', bbox: box(350, 1165, 1100) },
      { text: '(để đưa tin)', bbox: box(520, 1220, 740) },
      { text: '- Lưu: VT.', bbox: box(350, 1275, 560) },
    ];
    const result = extractRecord({
      id: '0'.repeat(64),
      source: { path: 'scan.pdf', kind: 'pdf', pages: 1 },
      text: {
        pages: [
          {
            page: 1,
            source: 'ocr',
            findings: [],
            lines: [
              ...header('20/KH-STC', 'Ninh Bình, ngày 09 tháng 3 năm 2026').map((text) => ({ text })),
              { text: 'I. MỤC ĐÍCH' },
              { text: '- Kiểm tra đúng quy định./.' },
              ...lines,
            ],
          },
        ],
      },
    });
    expect(result.recipients.map((recipient) => [recipient.text, recipient.purpose])).toEqual([
      ['Thường trực Tỉnh ủy', null],
      ['Chủ tịch UBND tỉnh', null],
      ['Đài Phát thanh và Truyền hình tỉnh', 'để đưa tin'],
    ]);
  });
});
