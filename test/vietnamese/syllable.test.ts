import { describe, expect, it } from 'vitest';
import {
  isVietnameseSyllable,
  parseSyllable,
  vietnameseSyllableShare,
} from '../../src/vietnamese/syllable.js';

describe('parseSyllable', () => {
  it('should accept well-formed syllables of every kind', () => {
    const words = [
      'thưởng',
      'quốc',
      'gìn',
      'gì',
      'giữ',
      'khỏe',
      'khoẻ',
      'nghiệp',
      'kế',
      'hoạch',
      'Đổi',
      'mới',
      'chuyển',
      'đổi',
      'số',
      'ĐỘC',
      'lập',
      'Tự',
      'do',
      'hạnh',
      'phúc',
      'quyết',
      'định',
      'yêu',
      'cầu',
      'xoong',
      'ươu',
      'a',
      'của',
      'Ủy',
      'huyện',
      'khuya',
      'người',
      'được',
      'giặc',
    ];
    for (const word of words) expect(parseSyllable(word), word).not.toBeNull();
  });

  it('should reject acronyms, garbled OCR and impossible spellings', () => {
    const words = ['UBND', 'chirc', 'méi', 'thudng', 'ctia', 'ce', 'gha', 'ngi', 'cá̀c', 'càc', 'hello', 'KH'];
    for (const word of words) expect(isVietnameseSyllable(word), word).toBe(false);
  });

  it('should read onset, rhyme and tone', () => {
    expect(parseSyllable('Trường')).toEqual({ onset: 'tr', rhyme: 'ương', tone: 'huyen' });
    expect(parseSyllable('giặc')).toEqual({ onset: 'gi', rhyme: 'ăc', tone: 'nang' });
  });
});

describe('vietnameseSyllableShare', () => {
  it('should score real Vietnamese high and stripped or garbled text low', () => {
    expect(vietnameseSyllableShare('Triển khai thực hiện Phong trào thi đua').share).toBe(1);
    expect(vietnameseSyllableShare('Déc 1ap - Tw do - Hanh phuc chirc ctia').share).toBeLessThan(0.6);
    expect(vietnameseSyllableShare('').tokens).toBe(0);
  });
});
