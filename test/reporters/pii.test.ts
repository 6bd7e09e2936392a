import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskPii } from '../../src/reporters/pii.js';

describe('masking personal data', () => {
  it('masks 18-character ID numbers to their first six and last four', () => {
    expect(maskPii('身份证号 11010519491231002X 无效')).toBe('身份证号 110105********002X 无效');
    expect(maskPii('id 520526197202120030.')).toBe('id 520526********0030.');
  });

  it('masks 15-digit legacy ID numbers and mobile numbers', () => {
    expect(maskPii('老号码 110105491231002')).toBe('老号码 110105*****1002');
    expect(maskPii('电话13678325876')).toBe('电话136****5876');
  });

  it('leaves village codes, dates and counts alone', () => {
    const text = '村代码 520526100200,2021-09-01,20210901,在岗 3 人';
    expect(maskPii(text)).toBe(text);
  });

  it('masks an ID number as an entity whatever its length', () => {
    expect(maskIdNumber('520526197202120030')).toBe('520526********0030');
    expect(maskIdNumber('5205261972')).toBe('**********');
  });
});
