// An ISV pays the marketplace's fee on the deals it lists: its business case leads with what it
// earns, and the fee is a line named for what it is, never a lead "margin" figure.
import { describe, expect, it } from 'vitest';
import { runCase } from '../../../src/core/business-case/index.ts';
import {
  monthlyColumns,
  revenueByYear,
  streamLabel,
  streamsByTotal,
} from '../../../src/core/result-display.ts';
import { dataset } from '../../fixtures/business-case-dataset.ts';

const isv = runCase(dataset, { mix: [{ type: 'listing-isv', weight: 1 }] });

describe('streams in the order a reader expects', () => {
  it("lists what earns first and the marketplace's fee last, as 'Marketplace fees'", () => {
    expect(isv.summary.revenueByStream.marketplace).toBeLessThan(0);
    expect(streamsByTotal(isv)).toEqual(['ip', 'marketplace']);
    expect(streamLabel(isv, 'marketplace')).toBe('Marketplace fees');
    expect(monthlyColumns(isv).map((c) => c.label)).toContain('Marketplace fees');
    expect(revenueByYear(isv).series.map((s) => s.label)).toContain('Marketplace fees');
  });

  it('a marketplace that earns the fee keeps its label', () => {
    const market = runCase(dataset, { mix: [{ type: 'cloud-marketplace', weight: 1 }] });
    expect(market.summary.revenueByStream.marketplace).toBeGreaterThan(0);
    expect(streamLabel(market, 'marketplace')).toBe('Marketplace margin');
  });
});
