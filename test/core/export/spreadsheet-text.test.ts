import fc from 'fast-check';
import { csvField, csvRecord, literalText } from '../../../src/core/export/spreadsheet-text';

describe('text from submissions never becomes a live formula in an export (OWASP CSV injection)', () => {
  it.each([
    ["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
    ['＝1+1', "'＝1+1"],
    ['＋1', "'＋1"],
    ['－1-1', "'－1-1"],
    ['＠A1', "'＠A1"],
  ])('%j is written as literal text', (hostile, expected) => {
    expect(literalText(hostile)).toBe(expected);
  });

  it.each(['95.2', '-3.5', '+2', '-0', '1,234.5', '3.2‰', '2:3', '是', '—', '', '受出生人口减少影响', 'a=b'])('%j stays as it is (numbers and ordinary text are not formulas)', (text) => {
    expect(literalText(text)).toBe(text);
  });

  it('CSV fields: quoted when they hold a comma, a quote or a line break; formulas neutralised first', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('说"明"')).toBe('"说""明"""');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvField(95.2)).toBe('95.2');
    expect(csvField(null)).toBe('');
    expect(csvRecord(['C-HEA-04', '=2+5', 3.2])).toBe("C-HEA-04,'=2+5,3.2\r\n");
  });

  it('no text, however built, starts a CSV field with a formula trigger', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-composite' }), (text) => {
        const field = csvField(text);
        const content = field.startsWith('"') ? field.slice(1) : field;
        const numeric = /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text.trim());
        return numeric || !/^[=+\-@\t\r＝＋－＠]/.test(content);
      }),
      { numRuns: 2000 },
    );
  });
});
