import { describe, expect, it } from 'vitest';
import { parseMarker } from '../../src/segment/index.js';

describe('parseMarker', () => {
  it('should read the marker kinds of an administrative plan', () => {
    expect(parseMarker('I. MỤC ĐÍCH, YÊU CẦU')).toMatchObject({ kind: 'roman', label: 'I.', value: 1 });
    expect(parseMarker('2.1. Hình thức khen thưởng')).toMatchObject({ kind: 'arabic', label: '2.1.' });
    expect(parseMarker('đ) Thi đua nâng cao')).toMatchObject({ kind: 'letter', label: 'đ)' });
    expect(parseMarker('- a) Các phòng thuộc Sở Y tế.')).toMatchObject({ kind: 'letter', label: 'a)' });
    expect(parseMarker('Điều 3. Quyết định này có hiệu lực')).toMatchObject({
      kind: 'article',
      label: 'Điều 3.',
    });
    expect(parseMarker('Chương II')).toMatchObject({ kind: 'chapter', value: 2 });
    expect(parseMarker('- + 90% hồ sơ')).toMatchObject({ kind: 'plus' });
    expect(parseMarker('- Tập thể: các khoa')).toMatchObject({ kind: 'dash' });
  });

  it('should repair OCR noise in markers', () => {
    expect(parseMarker('I1. KHÓ KHĂN')).toMatchObject({ kind: 'roman', label: 'II.', repaired: true });
    expect(parseMarker('Il. NỘI DUNG')).toMatchObject({ kind: 'roman', label: 'II.', repaired: true });
    expect(parseMarker('/. Sơ kết, tổng kết')).toMatchObject({ kind: 'arabic', label: '7.', repaired: true });
  });

  it('should not take dates, numbers or prose for markers', () => {
    expect(parseMarker('2026 là năm bản lề')).toBeNull();
    expect(parseMarker('Số: 45/BC-TTYT')).toBeNull();
    expect(parseMarker('Văn phòng Sở')).toBeNull();
    expect(parseMarker('V/v báo cáo kết quả')).toBeNull();
  });
});
