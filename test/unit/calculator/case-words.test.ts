// The calculator's words around the numbers (src/core/result-display.ts): a moved driver's marks,
// chart descriptions for screen readers, where a field's value came from.
import { describe, expect, it } from 'vitest';
import { runCase } from '../../../src/core/business-case/index.ts';
import {
  chartSummaries,
  fieldSource,
  formatter,
  movedValue,
  PROVENANCE_WORDS,
} from '../../../src/core/result-display.ts';
import { dataset } from '../../fixtures/business-case-dataset.ts';

const f = formatter({ currency: 'USD', locale: 'en-US' });
const reseller = { mix: [{ type: 'reseller', weight: 1 }] };

describe('a moved driver', () => {
  it('says when the move stopped at a limit and which tier it reaches or misses', () => {
    expect(movedValue('dealValue', { value: 24000, npv: 0, atBound: false }, f)).toBe('$24,000');
    expect(
      movedValue(
        'dealValue',
        { value: 24000, npv: 0, atBound: true, tier: { name: 'Gold', reached: true } },
        f,
      ),
    ).toBe('$24,000 (its limit; reaches Gold)');
    expect(
      movedValue(
        'renewalRate',
        { value: 0.9, npv: 0, atBound: false, tier: { name: 'Silver', reached: false } },
        f,
      ),
    ).toBe('90% (misses Silver)');
  });
});

describe('chart descriptions', () => {
  it('name the years, the largest stream, the lowest cash and payback, and the biggest drivers', () => {
    const r = runCase(dataset, reseller);
    const s = chartSummaries(r, f);
    expect(s.revenue).toMatch(
      /^Stacked bars of yearly revenue by stream over 3 years: year 1 \$[\d,]+, year 2 \$[\d,]+, year 3 \$[\d,]+; the largest stream in year 3 is [a-z ]+\.$/,
    );
    expect(s.cash).toMatch(
      /^Line of cumulative cash by month: lowest -?\$[\d,]+ in month \d+, -?\$[\d,]+ by month 36; payback /,
    );
    expect(s.tornado).toMatch(
      /^Tornado of the change in net present value when each driver is set low and high, largest first: /,
    );
  });

  it('say so when a case has no sensitivity drivers', () => {
    const r = runCase(dataset, reseller, { sensitivity: false });
    expect(chartSummaries(r, f).tornado).toBe('No sensitivity drivers for this case.');
  });
});

describe("where a field's value came from", () => {
  it('the type, the product or a typed value; nothing for a key the registry does not know', () => {
    const r = runCase(dataset, { ...reseller, overrides: { dealValue: 30000 } });
    const from = r.provenance.renewalRate.from;
    expect(fieldSource(r, 'renewalRate', false, f)).toBe(PROVENANCE_WORDS[from]);
    expect(PROVENANCE_WORDS[from]).toBeTruthy();
    expect(fieldSource(r, 'noSuchKey', false, f)).toBe('');
    expect(fieldSource(r, 'dealValue', true, f)).toBe('Your value');
  });
});
