// The non-reseller rule's last check (src/core/deck/resale-talk.ts scrubResaleTalk): whatever
// the data brings onto a slide, no paragraph, table column or row, chart, series, key figure or
// title of a non-reselling deck speaks of discounts, rebates or MDF.
import { describe, expect, it } from 'vitest';
import { scrubResaleTalk } from '../../../src/core/deck/resale-talk.ts';
import type { Block } from '../../../src/core/deck/model.ts';

const box = { x: 0, y: 0, w: 6, h: 2 };
const block = (b: Record<string, unknown>) => ({ box, ...b }) as unknown as Block;

describe('scrubResaleTalk', () => {
  const slide = {
    title: 'Your discount grows with each tier',
    notes: '',
    blocks: [
      block({ type: 'text', paragraphs: ['Fees for every referral.', 'Rebates on top.'] }),
      block({ type: 'text', paragraphs: ['MDF for your events.'] }),
      block({
        type: 'table',
        header: ['Tier', 'Discount', 'Referral fee'],
        align: ['left', 'right', 'right'],
        colW: [2, 2, 2],
        rows: [
          ['Member', '10%', '10%'],
          ['Silver (market development funds)', '15%', '12%'],
          ['Gold', '22%', '15%'],
        ],
        rowHeights: [0.4, 0.3, 0.3, 0.3],
      }),
      block({
        type: 'chart',
        title: 'Revenue',
        stacked: true,
        showLegend: true,
        series: [{ name: 'Referral fees' }, { name: 'Rebate' }],
      }),
      block({
        type: 'chart',
        title: 'MDF by year',
        stacked: false,
        showLegend: false,
        series: [{ name: 'Fees' }],
      }),
      block({ type: 'figure', label: 'Rebates over 3 years', value: '$1,200' }),
      block({ type: 'figure', label: 'Gross profit', value: '$90K' }),
      block({ type: 'shape' }),
    ],
  };
  const out = scrubResaleTalk(slide, () => 'What each tier pays you');

  it('replaces a title that talks resale with the builder’s own', () => {
    expect(out.title).toBe('What each tier pays you');
    expect(scrubResaleTalk({ ...slide, title: 'Fees' }, () => 'x').title).toBe('Fees');
  });

  it('drops resale paragraphs, and a text block left empty', () => {
    const texts = out.blocks.filter((b) => b.type === 'text');
    expect(texts.map((b) => (b.type === 'text' ? b.paragraphs : []))).toEqual([
      ['Fees for every referral.'],
    ]);
  });

  it('drops the resale column and rows, and widens what is left to the table’s width', () => {
    const table = out.blocks.find((b) => b.type === 'table');
    expect(table?.type === 'table' && table.header).toEqual(['Tier', 'Referral fee']);
    expect(table?.type === 'table' && table.rows).toEqual([
      ['Member', '10%'],
      ['Gold', '15%'],
    ]);
    expect(table?.type === 'table' && table.colW).toEqual([3, 3]);
    expect(table?.type === 'table' && table.box.h).toBeCloseTo(1.0, 9);
  });

  it('drops resale series (a single one left is no longer stacked) and a chart about resale', () => {
    const charts = out.blocks.filter((b) => b.type === 'chart');
    expect(charts).toHaveLength(1);
    expect(charts[0]).toMatchObject({
      title: 'Revenue',
      stacked: false,
      showLegend: false,
      series: [{ name: 'Referral fees' }],
    });
  });

  it('drops a resale key figure and keeps the rest, shapes included', () => {
    expect(out.blocks.filter((b) => b.type === 'figure')).toEqual([
      expect.objectContaining({ label: 'Gross profit' }),
    ]);
    expect(out.blocks.some((b) => b.type === 'shape')).toBe(true);
  });
});
