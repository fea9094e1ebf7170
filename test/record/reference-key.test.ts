import { describe, expect, it } from 'vitest';
import { referenceKey } from '../../src/record/index.js';

describe('referenceKey', () => {
  it('should give two citations of one plan the same key', () => {
    const full = referenceKey({
      type: 'Kế hoạch',
      number: { text: '152/KH-UBND', serial: '152', symbol: 'KH-UBND' },
      year: 2026,
    });
    const short = referenceKey({
      type: null,
      number: { text: '152/KH-UBND', serial: '152', symbol: 'KH-UBND' },
      year: 2026,
    });
    expect(full).toBe('152/kh-ubnd@2026');
    expect(short).toBe(full);
  });

  it('should not add a year to a number that carries one', () => {
    const key = referenceKey({
      number: { text: '81/2019/NĐ-CP', serial: '81', symbol: 'NĐ-CP' },
      year: 2019,
    });
    expect(key).toBe('81/2019/nd-cp');
  });

  it('should key a law cited by title and date', () => {
    const key = referenceKey({ type: 'Luật', number: null, title: 'Tổ chức Chính phủ', year: 2025 });
    expect(key).toBe('luat:to-chuc-chinh-phu@2025');
  });
});
