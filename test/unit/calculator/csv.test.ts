import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runCase } from '../../../src/core/business-case/index.ts';
import { monthlyCsvRows } from '../../../src/core/result-display.ts';
import { cents, csvField, toCsv } from '../../../src/core/csv.ts';
import { dataset } from '../../fixtures/business-case-dataset.ts';

/** A strict RFC 4180 reader, to check what toCsv writes reads back the same. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i += 2;
    } else if (quoted && c === '"') {
      quoted = false;
      i++;
    } else if (!quoted && c === '"' && field === '') {
      quoted = true;
      i++;
    } else if (!quoted && c === ',') {
      row.push(field);
      field = '';
      i++;
    } else if (!quoted && c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 2;
    } else {
      field += c;
      i++;
    }
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

describe('csv', () => {
  it('quotes fields with commas, quotes, line breaks or edge spaces, and doubles quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
    expect(csvField(' padded ')).toBe('" padded "');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-1')).toBe("'-1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
  });

  it('writes numbers plainly, negative numbers unprefixed, and never NaN or Infinity', () => {
    expect(csvField(-1234.5)).toBe('-1234.5');
    expect(csvField(0)).toBe('0');
    expect(csvField(-0)).toBe('0');
    expect(csvField(Number.NaN)).toBe('');
    expect(csvField(Number.POSITIVE_INFINITY)).toBe('');
    expect(csvField(null)).toBe('');
    expect(cents(0.1 + 0.2)).toBe(0.3);
  });

  it('ends every line, the last included, with CRLF', () => {
    expect(toCsv(['a', 'b'], [[1, 'x']])).toBe('a,b\r\n1,x\r\n');
  });

  it('reads back exactly what it was given (property)', () => {
    const text = fc
      .string({ unit: 'grapheme', maxLength: 20 })
      .filter((s) => !/^[=+\-@\t\r]/.test(s));
    fc.assert(
      fc.property(
        fc.array(fc.array(text, { minLength: 3, maxLength: 3 }), { maxLength: 10 }),
        (rows) => {
          const back = parseCsv(toCsv(['one', 'two', 'three'], rows));
          expect(back).toEqual([['one', 'two', 'three'], ...rows]);
        },
      ),
    );
  });

  it('the monthly CSV of a case has a header and horizon + 1 data rows (months 0..horizon)', () => {
    const type = dataset.partnerTypes[0]!;
    const r = runCase(dataset, {
      mix: [{ type: type.id, weight: 1 }],
      overrides: { horizonMonths: 24 },
    });
    const { header, rows } = monthlyCsvRows(r);
    const parsed = parseCsv(toCsv(header, rows));
    expect(parsed).toHaveLength(1 + 24 + 1);
    expect(parsed[0]![0]).toBe('Month');
    expect(parsed.slice(1).map((row) => row[0])).toEqual(
      Array.from({ length: 25 }, (_, i) => String(i)),
    );
    expect(parsed.every((row) => row.length === header.length)).toBe(true);
  });
});
