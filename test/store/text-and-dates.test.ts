import { describe, expect, it } from 'vitest';
import { concreteDates, deadlineWindow, foldText, issuersAgree } from '../../src/store/index.js';

describe('foldText', () => {
  it('should fold accents and đ position for position', () => {
    const text = 'Chuyển Đổi số – Ủy ban';
    const folded = foldText(text);
    expect(folded).toBe('chuyen doi so – uy ban');
    expect(folded).toHaveLength(text.length);
  });

  it('should fold decomposed input the same as composed input', () => {
    expect(foldText('Ke\u0302\u0301 hoa\u0323ch')).toBe('ke hoach');
  });
});

describe('issuersAgree', () => {
  it('should match an abbreviated issuer to its full name', () => {
    expect(issuersAgree('UBND tỉnh Gia Lai', 'Ủy ban nhân dân tỉnh Gia Lai')).toBe(true);
    expect(issuersAgree('Sở Y tế tỉnh Gia Lai', 'so y te | uy ban nhan dan tinh gia lai')).toBe(true);
  });

  it('should tell two provinces apart', () => {
    expect(
      issuersAgree('UBND tỉnh Quảng Ngãi', 'Ủy ban nhân dân xã Ia Grai | Ủy ban nhân dân tỉnh Gia Lai'),
    ).toBe(false);
  });
});

describe('deadline windows', () => {
  it('should give an annual day one date per year of the range', () => {
    const window = deadlineWindow({
      text: '',
      kind: 'annual',
      date: { month: 12, day: 10 },
      action: null,
      responsible: null,
    });
    expect(concreteDates(window, '2026-01-01', '2028-12-31')).toEqual([
      '2026-12-10',
      '2027-12-10',
      '2028-12-10',
    ]);
    expect(concreteDates(window, '2026-12-11', '2027-12-09')).toEqual([]);
  });

  it('should span a quarter for a one-off deadline given by quarter', () => {
    const window = deadlineWindow({
      text: '',
      kind: 'once',
      date: { year: 2026, quarter: 3 },
      action: null,
      responsible: null,
    });
    expect(window).toEqual({ kind: 'once', start: '2026-07-01', end: '2026-09-30' });
  });

  it('should have no window for a relative deadline', () => {
    const window = deadlineWindow({
      text: '05 ngày làm việc',
      kind: 'relative',
      date: { amount: 5, unit: 'working-day' },
      action: null,
      responsible: null,
    });
    expect(window).toBeNull();
    expect(concreteDates(window, '2026-01-01', '2026-12-31')).toEqual([]);
  });
});
