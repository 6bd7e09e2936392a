import { describe, expect, it } from 'vitest';
import { spreadsheetSafe, startsLikeFormula } from '../../src/reporters/spreadsheet-safe.js';

describe('spreadsheet-safe text', () => {
  it('prefixes a quote to what a spreadsheet would run as a formula', () => {
    expect(spreadsheetSafe('=HYPERLINK("http://x")')).toBe(`'=HYPERLINK("http://x")`);
    expect(spreadsheetSafe('+1')).toBe("'+1");
    expect(spreadsheetSafe('-1')).toBe("'-1");
    expect(spreadsheetSafe('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(spreadsheetSafe('\t=1')).toBe("'\t=1");
    expect(spreadsheetSafe('\r=1')).toBe("'\r=1");
  });

  it('leaves other text alone, including these characters further in', () => {
    for (const value of ['', '张伟', 'a=b', ' =1', "'=1", '1-2', '520526100201', '(=1)']) {
      expect(startsLikeFormula(value), value).toBe(false);
      expect(spreadsheetSafe(value)).toBe(value);
    }
  });
});
