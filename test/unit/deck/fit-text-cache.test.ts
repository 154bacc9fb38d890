// fit-text.ts remembers widths in em (by font and weight) across sizes and decks: measuring from
// its caches must give what measuring afresh gives, whatever was measured before.
import { describe, expect, it } from 'vitest';
import {
  CACHE_MAX,
  clearMeasureCaches,
  fitColumns,
  fitParagraphs,
  fitTable,
  lineCount,
  textWidth,
  wrap,
} from '../../../src/core/deck/fit-text.ts';

const texts = [
  'Partners who resell, refer and run managed services',
  'Zertifizierte Mitarbeiter — Kundenstamm über 1.000 Firmen…',
  'vendor-selection-and-onboarding-for-the-long-haul',
  'https://example.com/a-very-long-path/without-any-spaces-at-all/for-breaking',
  '合作伙伴计划 与 东京 的 客户',
  'A  double  spaced   line',
  '',
];
const header = ['Tier', 'What it asks', 'Worth'];
const rows = [
  ['Member', 'One certified person', '$12,000'],
  ['Gold', 'Three certified people, $500,000 a year\nand three stories', '$96,500'],
];

type Case = { font: string | undefined; bold: boolean; size: number };
const cases: Case[] = [];
for (const font of ['Calibri', 'calibri', 'Arial', 'Comic Sans', undefined])
  for (const bold of [false, true])
    for (const size of [9, 12.5, 18]) cases.push({ font, bold, size });

/** Everything fit-text measures for one font, weight and size. */
const measured = ({ font, bold, size }: Case) => ({
  widths: texts.map((t) => textWidth(t, size, bold, font)),
  lines: texts.map((t) => wrap(t, 1.7, size, bold, font)),
  counts: texts.map((t) => [1.1, 1.7].map((w) => lineCount(t, w, size, bold, font))),
  fitted: fitParagraphs(texts, 4, 2, { maxSize: size, minSize: 8, bold, font }),
  columns: fitColumns(header, rows, 6, size, { font, marginX: 0.05 }),
  table: fitTable(header, rows, 6, 1.2, {
    maxSize: size,
    minSize: 8,
    font,
    marginX: 0.05,
    marginY: 0.03,
  }),
});

/** Each case measured with nothing cached before it. */
const afresh = () =>
  cases.map((c) => {
    clearMeasureCaches();
    return measured(c);
  });

describe('fit-text caches', () => {
  it('measure from the cache what they measure afresh, across fonts, weights and sizes', () => {
    const fresh = afresh();
    clearMeasureCaches();
    const warm = cases.map(measured);
    const again = cases.map(measured); // every string cached by now
    expect(warm).toEqual(fresh);
    expect(again).toEqual(fresh);
    // the cases do differ: a cache shared across fonts or weights would fail the lines above
    expect(fresh[0]!.widths).not.toEqual(fresh[3]!.widths);
    // a remembered line count is the count of the lines wrap gives
    for (const f of fresh) expect(f.counts.map((c) => c[1])).toEqual(f.lines.map((l) => l.length));
  });

  it('stay right once they fill up and start over', () => {
    const fresh = afresh();
    clearMeasureCaches();
    for (let i = 0; i <= CACHE_MAX + 10; i++) textWidth(`filler ${i}`, 12, false, 'Calibri');
    expect(cases.map(measured)).toEqual(fresh);
  });
});
