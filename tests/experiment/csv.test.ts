import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../src/experiment/csv.ts';

/** A cell as a spreadsheet reads it back: unquoted, quotes undoubled. */
function unquote(cell: string): string {
  return cell.startsWith('"') ? cell.slice(1, -1).replaceAll('""', '"') : cell;
}

describe('CSV cells a spreadsheet never runs', () => {
  it('text that starts a formula gets a leading quote, and is quoted where it needs to be', () => {
    expect(csvCell('=HYPERLINK("http://evil.example","click")')).toBe(
      `"'=HYPERLINK(""http://evil.example"",""click"")"`,
    );
    expect(csvCell('+1+cmd|x')).toBe("'+1+cmd|x");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('\r=1')).toBe(`"'\r=1"`);
  });

  it('numbers stay numbers, negative ones and text that is exactly a number included', () => {
    expect(csvCell(-1.5)).toBe('-1.5');
    expect(csvCell(-2e-7)).toBe('-2e-7');
    expect(csvCell('-0.25')).toBe('-0.25');
    expect(csvCell('+3')).toBe('+3');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(null)).toBe('');
    expect(csvCell('day')).toBe('day');
  });

  it('rows end with CRLF by default, or the line break asked for', () => {
    expect(toCsv([['a,b', 'say "hi"', null, 1.5]])).toBe('"a,b","say ""hi""",,1.5\r\n');
    expect(toCsv([['a'], ['b']], '\n')).toBe('a\nb\n');
  });

  it('no text at all comes back from a cell starting a formula, and every text reads back as written', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.constantFrom('=', '+', '-', '@', '\t', '\r').chain((c) => fc.string().map((s) => c + s)),
        ),
        (text) => {
          const read = unquote(csvCell(text));
          const isNumber = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text);
          if (!isNumber) expect(read).not.toMatch(/^[=+\-@\t\r]/);
          expect(read === text || read === `'${text}`).toBe(true);
        },
      ),
    );
  });
});
