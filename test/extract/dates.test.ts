import { describe, expect, it } from 'vitest';
import { parseDate } from '../../src/extract/index.js';

describe('parseDate', () => {
  it('should read dates in digits and in words', () => {
    expect(parseDate('Vĩnh Long, ngày 24 tháng 10 năm 2025')).toMatchObject({
      iso: '2025-10-24',
      precision: 'day',
    });
    expect(parseDate('ngày 20/7/2026')).toMatchObject({ iso: '2026-07-20', precision: 'day' });
    expect(parseDate('Huế, ngày hai mươi tháng tư năm 2026')).toMatchObject({
      iso: '2026-04-20',
      precision: 'day',
    });
    expect(parseDate('ngày mười lăm tháng mười hai năm 2025')).toMatchObject({ iso: '2025-12-15' });
  });

  it('should lower the precision when the day or month is left blank', () => {
    expect(parseDate('Gia Lai, ngày    tháng 4 năm 2026')).toMatchObject({
      iso: '2026-04',
      precision: 'month',
    });
    expect(parseDate('Hà Nội, ngày tháng năm 2026')).toMatchObject({ iso: '2026', precision: 'year' });
    expect(parseDate('Hà Nội, ngày tháng năm')).toBeNull();
  });

  it('should read dates damaged by OCR', () => {
    expect(parseDate('Luật Xây dựng ngày I7/6/2020')).toMatchObject({ iso: '2020-06-17' });
    expect(parseDate('Hà Nội, ngày23 tháng 4 năm 2026')).toMatchObject({ iso: '2026-04-23' });
    expect(parseDate('Hà Nội, ngày tháng — năm 2026')).toMatchObject({ iso: '2026', precision: 'year' });
    expect(parseDate('Vinh Long, ngay 24 thang 10 nam 2025')).toMatchObject({ iso: '2025-10-24' });
  });

  it('should reject impossible dates', () => {
    expect(parseDate('ngày 45/13/2026')).toBeNull();
  });
});
