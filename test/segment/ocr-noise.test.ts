import { describe, expect, it } from 'vitest';
import { extractRecord, repairCitationOcr } from '../../src/extract/index.js';
import {
  analyseLayout,
  headingAfterJunk,
  isNoiseLine,
  repairOcrNumerals,
  stampLineIndexes,
} from '../../src/segment/index.js';
import { documentTextFromString } from '../../src/text-input/index.js';

const isQuyetDinh = (text: string): boolean => text === 'QUYẾT ĐỊNH';

function record(text: string) {
  return extractRecord({
    id: '0'.repeat(64),
    source: { path: 'ocr.txt', kind: 'text', pages: 1 },
    text: documentTextFromString(text),
  });
}

describe('OCR noise rules', () => {
  it('should set aside an e-signature stamp block and the portal line, but keep "Cơ quan:" text elsewhere', () => {
    const lines = [
      'Người ký: SỞ THÔNG TIN VÀ TRUYỀN THÔNG',
      'Email: stttt@example.gov.vn',
      'Cơ quan: ỦY BAN NHÂN DÂN TỈNH AN GIANG',
      'Thời gian ký: 03.02.2025 09:12:01 +07:00',
      'ỦY BAN NHÂN DÂN',
      'GỒNG THÔNG TÌN ĐIỆN TỬ',
      'ĐẾN',
      'Cơ quan: chủ trì thực hiện',
    ];
    const stamps = stampLineIndexes(lines);
    expect([...stamps].sort()).toEqual([0, 1, 2, 3, 5, 6]);
    expect(stampLineIndexes(['Cơ quan: Sở Tài chính', 'Nội dung: kiểm tra']).size).toBe(0);
  });

  it('should tell specks from header words', () => {
    expect(['T', 'M', 'Tf9i', 'j'].map(isNoiseLine)).toEqual([true, true, true, true]);
    expect(['1.', 'II.', 'a)', 'BỘ', 'Căn cứ', 'SỞ Y TẾ'].map(isNoiseLine)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('should find a type heading after junk tokens, never after a marker or an upper-case word', () => {
    expect(headingAfterJunk('v1 lÙ= QUYẾT ĐỊNH', isQuyetDinh)).toBe('QUYẾT ĐỊNH');
    expect(headingAfterJunk('Ï QUYẾT ĐỊNH', isQuyetDinh)).toBe('QUYẾT ĐỊNH');
    expect(headingAfterJunk('1. QUYẾT ĐỊNH', isQuyetDinh)).toBeNull();
    expect(headingAfterJunk('VỀ QUYẾT ĐỊNH', isQuyetDinh)).toBeNull();
  });

  it('should repair digit confusions only inside date parts and broken symbols', () => {
    expect(repairOcrNumerals('Hà Nội, ngàyØ3tháng 5 năm 2025')).toBe('Hà Nội, ngày03tháng 5 năm 2025');
    expect(repairOcrNumerals('ngày 1ó tháng 1] năm 2019')).toBe('ngày 16 tháng 11 năm 2019');
    // Words and blank parts are left alone.
    expect(repairOcrNumerals('ngày lễ tháng Ba năm nay')).toBe('ngày lễ tháng Ba năm nay');
    expect(repairOcrNumerals('ngày I tháng O năm')).toBe('ngày I tháng O năm');
    expect(repairOcrNumerals('Quyết định số 12/QĐ- UBND và Luật số 45/2019/QH 14')).toBe(
      'Quyết định số 12/QĐ-UBND và Luật số 45/2019/QH14',
    );
  });
});

describe('segmentation of OCR output', () => {
  const scan = [
    'Người ký: CỔNG THÔNG TIN ĐIỆN TỬ TỈNH',
    'Cơ quan: ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH',
    'Thời gian ký: 11.03.2025 10:20:30 +07:00',
    'T',
    'ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'M',
    'Độc lập - Tự do - Hạnh phúc',
    'SỞ NỘI VỤ',
    'Sá: 318/QĐ-UBND',
    'Quy Nhơn, ngàyØ7tháng 3 năm 2025',
    'x2 iÙ= QUYẾT ĐỊNH',
    'Về việc thành lập Tổ công tác rà soát thủ tục hành chính',
    'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH',
    'Căn cứ Luật Tổ chức chính quyền địa phương ngày 1ó tháng 6 năm 2025;',
    'QUYẾT ĐỊNH:',
    'Điều 1. Thành lập Tổ công tác.',
    'Điều 2. Quyết định này có hiệu lực kể từ ngày ký./.',
    'XVơi nhận:',
    ':- Như Điều 2;',
    '- Lưu: VT.',
  ].join('\n');

  it('should read the header of a scanned page with stamps, specks, junk and fuzzy keywords', () => {
    const result = record(scan);
    const document = result.document;
    expect(document.type).toBe('Quyết định');
    expect(document.number?.text).toBe('318/QĐ-UBND');
    // The agency below the motto two lines after the issuer is an arrival stamp, not the issuer's unit.
    expect(document.issuer.name).toBe('ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH');
    expect(document.place).toBe('Quy Nhơn');
    expect(document.issuedDate?.iso).toBe('2025-03-07');
    expect(document.title).toBe('Về việc thành lập Tổ công tác rà soát thủ tục hành chính');
    expect(result.references.map((reference) => reference.date?.iso)).toContain('2025-06-16');
    expect(result.recipients.map((recipient) => recipient.text)).toEqual(['Như Điều 2']);
    expect(result.findings.map((finding) => finding.code)).not.toContain('not-administrative');
  });

  it('should take the place/date read after "Kính gửi:" and the title when the heading is lost', () => {
    const layout = analyseLayout(
      documentTextFromString(
        [
          'BỘ TÀI CHÍNH',
          'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
          'Độc lập - Tự do - Hạnh phúc',
          'Số: 88/2025/TT-BTC',
          'Hướng dẫn quản lý kinh phí bảo trì đường bộ',
          'Căn cứ Luật Ngân sách nhà nước số 83/2015/QH13;',
          'Điều 1. Phạm vi điều chỉnh',
        ].join('\n'),
      ),
    );
    expect(layout.title.map((line) => line.text)).toEqual(['Hướng dẫn quản lý kinh phí bảo trì đường bộ']);
    const letter = record(
      [
        'SỞ XÂY DỰNG',
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập - Tự do - Hạnh phúc',
        'Số: 512/SXD-QLN',
        'V/v góp ý dự thảo quy chế',
        'Kính gửi:',
        'Huế, ngày 14 tháng 8 năm 2025',
        '- Sở Tư pháp;',
        '- Sở Tài chính.',
        'Sở Xây dựng đề nghị các đơn vị góp ý.',
      ].join('\n'),
    );
    expect(letter.document.place).toBe('Huế');
    expect(letter.document.issuedDate?.iso).toBe('2025-08-14');
    expect(letter.recipients.map((recipient) => recipient.text)).toEqual(['Sở Tư pháp', 'Sở Tài chính']);
  });

  it('should end a short one-line title where a full-width body line starts', () => {
    const result = record(
      [
        'ỦY BAN NHÂN DÂN TỈNH NGHỆ AN',
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập - Tự do - Hạnh phúc',
        'Số: /TB-UBND',
        'Vinh, ngày tháng năm 2025',
        'THÔNG BÁO',
        'Về việc nghỉ lễ Quốc khánh',
        'Nhân dịp kỷ niệm Quốc khánh 2/9, Ủy ban nhân dân tỉnh thông báo lịch nghỉ lễ như sau,',
        'các cơ quan, đơn vị bố trí trực theo quy định./.',
      ].join('\n'),
    );
    expect(result.document.title).toBe('Về việc nghỉ lễ Quốc khánh');
  });
});

describe('citations damaged by OCR', () => {
  it('should restore a type code OCR misread, but never an agency abbreviation', () => {
    expect(repairCitationOcr('tại Tờ trình số 31/TTY-SNV ngày 2/3/2025')).toContain('31/TTr-SNV');
    expect(repairCitationOcr('tại Tờ trình số 31/77Y-SNV')).toContain('31/TTr-SNV');
    expect(repairCitationOcr('Tờ trình số 8/TT r-UBND')).toContain('8/TTr-UBND');
    expect(repairCitationOcr('Công văn số 3105/BYT-DP')).toContain('3105/BYT-DP');
    expect(repairCitationOcr('Báo cáo số 12/BCĐ-UBND')).toContain('12/BCĐ-UBND');
    expect(repairCitationOcr('Nghị định số 4 0/2024/NĐ-CP')).toContain('số 40/2024/NĐ-CP');
  });

  it('should read a citation broken at its symbol hyphen across lines and after an article heading', () => {
    const result = record(
      [
        'BỘ XÂY DỰNG',
        'Số: 05/2025/TT-BXD',
        'THÔNG TƯ',
        'Sửa đổi Thông tư về quản lý chất lượng',
        'Căn cứ Nghị định số 52/2022/NĐ-',
        'CP ngày 08 tháng 8 năm 2022 của Chính phủ;',
        'Điều 1. Bãi bỏ khoản 3 Điều 2 của Thông tư số 10/2021/TT-',
        'BXD ngày 25 tháng 8 năm 2021 của Bộ trưởng Bộ Xây dựng.',
      ].join('\n'),
    );
    const found = result.references.map((reference) => [reference.key, reference.date?.iso]);
    expect(found).toEqual([
      ['52/2022/nd-cp', '2022-08-08'],
      ['10/2021/tt-bxd', '2021-08-25'],
    ]);
  });
});

describe('recipients lists from scans and text layers', () => {
  it('should keep a list across a purpose line and close it after "Lưu:"', () => {
    const result = record(
      [
        'SỞ Y TẾ',
        'Số: 14/QĐ-SYT',
        'QUYẾT ĐỊNH',
        'Về việc kiện toàn Hội đồng thuốc',
        'Điều 1. Kiện toàn Hội đồng thuốc./.',
        'Nơi nhậ n:',
        '- Giám đốc Sở;',
        '(để b/c)',
        '- Các phòng chức năng;',
        '- Lưu: VT, NVY.',
        'GIÁM ĐỐC',
        'Trần Văn Bình',
        'KẾ HOẠCH',
        'Bảo đảm cung ứng thuốc năm 2025',
        '- Danh sách thành viên;',
      ].join('\n'),
    );
    expect(result.recipients.map((recipient) => recipient.text)).toEqual([
      'Giám đốc Sở',
      'Các phòng chức năng',
    ]);
  });
});
