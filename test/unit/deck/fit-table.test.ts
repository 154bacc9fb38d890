// Tables fitted to their box (src/core/deck/fit-text.ts): widths from the words, then smaller
// type, then fewer lines a cell with an ellipsis, then fewer rows with a "+ N more" count.
import { describe, expect, it } from 'vitest';
import {
  ELLIPSIS,
  fitColumns,
  fitParagraphs,
  fitTable,
  widestLine,
  wrap,
} from '../../../src/core/deck/fit-text.ts';

const opts = { maxSize: 14, minSize: 9, marginX: 0.05, marginY: 0.03 };
const header = ['Tier', 'What it asks', 'Discount'];
const rows = [
  ['Member', 'One certified person', '10%'],
  ['Silver', 'Two certified people and $150,000 a year', '15%'],
  ['Gold', 'Three certified people, $500,000 a year and three published stories', '22%'],
];

describe('fitTable', () => {
  it('fits a roomy table at the largest size, every cell whole', () => {
    const t = fitTable(header, rows, 10, 4, opts);
    expect(t).toMatchObject({ fontSize: 14, truncated: false, droppedRows: 0 });
    expect(t.rows).toEqual(rows);
    expect(t.colW.reduce((a, b) => a + b, 0)).toBeCloseTo(10, 6);
    // the figures column is no wider than its longest figure needs
    expect(t.colW[2]!).toBeLessThan(t.colW[1]!);
  });

  it('shortens cells to fewer lines, with an ellipsis, when the smallest size is still too tall', () => {
    const long = rows.map((r) => [r[0]!, `${r[1]!} `.repeat(6).trim(), r[2]!]);
    const t = fitTable(header, long, 6, 1.4, opts);
    expect(t.fontSize).toBe(opts.minSize);
    expect(t.truncated).toBe(true);
    expect(t.droppedRows).toBe(0);
    expect(t.rows.some((r) => r[1]!.endsWith(ELLIPSIS))).toBe(true);
    expect(t.rowHeights.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(1.4 + 1e-9);
  });

  it('drops the rows that do not fit at one line each, and says how many', () => {
    const many = Array.from({ length: 30 }, (_, i) => [`Tier ${i}`, 'Asks a lot of things', '10%']);
    const t = fitTable(header, many, 6, 1.5, opts);
    expect(t.truncated).toBe(true);
    expect(t.droppedRows).toBeGreaterThan(0);
    expect(t.rows.length + t.droppedRows).toBe(30);
    expect(t.rowHeights).toHaveLength(t.rows.length + 1);
  });

  it('when even the words do not fit the width, the columns share it equally', () => {
    const wide = [
      ['Supercalifragilisticexpialidocious', 'Pneumonoultramicroscopicsilicovolcanoconiosis', 'x'],
    ];
    expect(fitColumns(header, wide, 1, 9, opts)).toBeUndefined();
    const t = fitTable(header, wide, 1, 2, opts);
    expect(t.colW).toEqual([1 / 3, 1 / 3, 1 / 3]);
  });
});

describe('paragraphs and lines', () => {
  it('an empty list of paragraphs is one empty paragraph; an empty paragraph is one empty line', () => {
    expect(fitParagraphs([], 3, 1, { maxSize: 12, minSize: 8 }).paragraphs).toEqual(['']);
    expect(wrap('', 3, 12)).toEqual(['']);
  });

  it('the widest line, with and without explicit insets', () => {
    const plain = widestLine(['A short line', 'A somewhat longer line'], 5, 12);
    expect(plain).toBeGreaterThan(0);
    expect(
      widestLine(['A short line', 'A somewhat longer line'], 5, 12, {
        bold: true,
        insetX: 0,
        indent: 0,
      }),
    ).toBeGreaterThanOrEqual(plain);
  });
});
