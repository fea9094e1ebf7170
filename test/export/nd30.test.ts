import { describe, expect, it } from 'vitest';
import { toNd30 } from '../../src/export/index.js';
import { extractFixture } from '../helpers/extract-fixtures.js';

describe('toNd30', () => {
  it('should map a record to the Phụ lục VI metadata fields', () => {
    const nd30 = toNd30(extractFixture('text/synthetic/syn02_cv_kinh_gui.txt'));
    expect(nd30).toMatchObject({
      TypeName: 'Công văn',
      CodeNumber: '215',
      CodeNotation: 'SYT-NVY',
      IssuedDate: '2026-07-20',
      OrganName: 'SỞ Y TẾ',
      OrganNameParent: 'UBND THÀNH PHỐ ĐÀ NẴNG',
      Subject: 'báo cáo kết quả tiêm chủng mở rộng 6 tháng đầu năm 2026',
      SignerInfo: { Position: 'CHÁNH VĂN PHÒNG', FullName: 'Trần Thị Bình', Delegation: 'TL.' },
      DueDate: '2026-07-29',
    });
    expect(nd30.To).toContain('Bộ Y tế (để báo cáo)');
  });
});
