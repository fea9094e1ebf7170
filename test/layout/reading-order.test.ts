import { describe, expect, it } from 'vitest';
import type { TextWord } from '../../src/document-text.js';
import { orderLines } from '../../src/layout/index.js';

/** Words of one physical line laid out from x0 with a 30 px tall box, 20 px per character. */
function line(y: number, ...parts: [number, string][]): { words: TextWord[] } {
  const words: TextWord[] = [];
  for (const [x0, text] of parts) {
    let x = x0;
    for (const word of text.split(' ')) {
      words.push({
        text: word,
        confidence: 90,
        bbox: { x0: x, y0: y, x1: x + word.length * 20, y1: y + 30 },
      });
      x += word.length * 20 + 12;
    }
  }
  return { words };
}

describe('orderLines', () => {
  it('should read the two-column header left block first, then the right, then the body', () => {
    const lines = [
      line(100, [100, 'ỦY BAN NHÂN DÂN'], [1000, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM']),
      line(140, [120, 'XÃ AN PHÚ'], [1100, 'Độc lập - Tự do - Hạnh phúc']),
      line(220, [100, 'Số: 15/KH-UBND'], [1050, 'An Phú, ngày 10 tháng 3 năm 2026']),
      line(320, [1000, 'KẾ HOẠCH']),
      line(400, [
        100,
        'Thực hiện Kế hoạch số 42/KH-UBND của Ủy ban nhân dân huyện về phát động phong trào thi đua',
      ]),
    ];
    expect(orderLines(lines).map((l) => l.text)).toEqual([
      'ỦY BAN NHÂN DÂN',
      'XÃ AN PHÚ',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: 15/KH-UBND',
      'An Phú, ngày 10 tháng 3 năm 2026',
      'KẾ HOẠCH',
      'Thực hiện Kế hoạch số 42/KH-UBND của Ủy ban nhân dân huyện về phát động phong trào thi đua',
    ]);
  });

  it('should put the recipients list before the signature block, in separate blocks', () => {
    const lines = [
      line(100, [100, 'Nơi nhận:'], [1200, 'TM. ỦY BAN NHÂN DÂN']),
      line(140, [100, '- UBND huyện;'], [1300, 'CHỦ TỊCH']),
      line(180, [100, '- Lưu: VT.']),
      line(300, [1250, 'Nguyễn Văn Bình']),
    ];
    const ordered = orderLines(lines);
    expect(ordered.map((l) => l.text)).toEqual([
      'Nơi nhận:',
      '- UBND huyện;',
      '- Lưu: VT.',
      'TM. ỦY BAN NHÂN DÂN',
      'CHỦ TỊCH',
      'Nguyễn Văn Bình',
    ]);
    expect(ordered[0]!.block).not.toBe(ordered[3]!.block);
  });

  it('should drop low-confidence marks and punctuation-only rules', () => {
    const stamp = line(100, [100, 'Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025']);
    const noise = line(160, [300, 'ĐỀN uy 221412006']);
    noise.words.forEach((w) => (w.confidence = 20));
    const rule = line(200, [100, '—-=']);
    expect(orderLines([stamp, noise, rule]).map((l) => l.text)).toEqual([
      stamp.words.map((w) => w.text).join(' '),
    ]);
  });
});
