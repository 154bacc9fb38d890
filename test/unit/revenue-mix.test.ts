// A type's revenue mix adds up to 100% where a reader sums it (src/core/revenue-mix.ts): on the
// deck's chart and, through the same helper, the playbook's table.
import { describe, expect, it } from 'vitest';
import { mixLines, UNLISTED_REVENUE, unlistedShare } from '../../src/core/revenue-mix.ts';
import { dataset, deckFor, single } from '../helpers/deck-fixture.ts';

const streams = (...shares: number[]) => shares.map((value) => ({ share: { value } }));

describe('the part of revenue no stream itemises', () => {
  it('is what the streams leave, and nothing when they cover it (to half a percent)', () => {
    expect(unlistedShare(streams(0.55, 0.02, 0.3, 0.1))).toBeCloseTo(0.03, 12);
    expect(unlistedShare(streams(0.6, 0.4))).toBe(0);
    expect(unlistedShare(streams(0.6, 0.396))).toBe(0);
    expect(unlistedShare(streams(0.7, 0.4))).toBe(0);
    expect(unlistedShare([])).toBe(1);
  });

  it('follows the cited streams, in their order, as the last line', () => {
    const lines = mixLines([
      { name: 'Resale', share: { value: 0.6 }, kind: 'resale' },
      { name: 'Services', share: { value: 0.3 }, kind: 'services' },
    ]);
    expect(lines.map((l) => [l.name, l.kind, l.unlisted])).toEqual([
      ['Resale', 'resale', false],
      ['Services', 'services', false],
      [UNLISTED_REVENUE, undefined, true],
    ]);
    expect(lines[2]!.share).toBeCloseTo(0.1, 12);
  });

  it("is the last bar of the deck's revenue chart, so the bars add up to 100%", () => {
    const type = dataset.partnerTypes[0]!;
    const shares = [0.5, 0.3, 0.12];
    const trimmed = {
      ...dataset,
      partnerTypes: [
        {
          ...type,
          revenueStreams: shares.map((value, i) => ({
            ...type.revenueStreams[0]!,
            name: `Stream ${i + 1}`,
            share: { ...type.revenueStreams[0]!.share, value },
          })),
        },
        ...dataset.partnerTypes.slice(1),
      ],
    };
    expect(trimmed.partnerTypes[0]!.revenueStreams).toHaveLength(3);
    const { deck } = deckFor(single(type.id), { company: 'Northwind Systems' }, trimmed);
    const chart = deck.slides
      .find((s) => s.kind === 'revenue-mix')!
      .blocks.find((b) => b.type === 'chart');
    if (chart?.type !== 'chart') throw new Error('no revenue chart');
    expect(chart.categories.at(-1)).toBe(UNLISTED_REVENUE);
    expect(chart.series[0]!.values.at(-1)).toBeCloseTo(0.08, 12);
    expect(chart.series[0]!.values.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });
});
