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

describe('referenceKey with damaged or unusual numbers', () => {
  it('should ignore spaces, the "Số:" prefix, trailing punctuation and leading zeros', () => {
    const clean = referenceKey({ number: { text: '5/KH-UBND', serial: '5', symbol: 'KH-UBND' }, year: 2026 });
    const messy = referenceKey({
      number: { text: 'Số: 05 / KH-UBND,', serial: '05', symbol: 'KH-UBND' },
      year: 2026,
    });
    expect(messy).toBe(clean);
  });

  it('should fold đ and hyphen variants in the symbol', () => {
    const typed = referenceKey({
      number: { text: '1021/QĐ–UBND', serial: '1021', symbol: 'QĐ–UBND' },
      year: 2026,
    });
    expect(typed).toBe('1021/qd-ubnd@2026');
  });

  it('should key a blank-serial document by type and title, not by its bare symbol', () => {
    const key = referenceKey({
      type: 'Kế hoạch',
      number: { text: '/KH-BVĐK', serial: null, symbol: 'KH-BVĐK' },
      title: 'Triển khai bệnh án điện tử năm 2026',
      year: 2026,
    });
    expect(key).toBe('ke-hoach:trien-khai-benh-an-dien-tu-nam-2026@2026');
  });

  it('should keep different years of one number apart', () => {
    const number = { text: '45/KH-UBND', serial: '45', symbol: 'KH-UBND' };
    expect(referenceKey({ number, year: 2025 })).not.toBe(referenceKey({ number, year: 2026 }));
    expect(referenceKey({ number, year: null })).toBe('45/kh-ubnd');
  });
});
