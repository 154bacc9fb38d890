// Plausibility bands: an IRR outside them, or on too little money at risk, is "not meaningful"
// wherever it shows, while --json keeps the number and a flag.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bandBreaches,
  bandsOf,
  DEFAULT_BANDS,
  irrCaveat,
  runCase,
  type CaseRequest,
} from '../../../src/core/business-case/index.ts';
import { formatter, keyFigures, scenarioTable } from '../../../src/core/result-display.ts';
import { caseText } from '../../../src/cli/commands/case.ts';
import { keyFigures as deckFigures, type Ctx } from '../../../src/core/deck/context.ts';
import type { Dataset } from '../../../src/core/dataset.ts';
import { dataset } from '../../fixtures/business-case-dataset.ts';

const f = formatter({ currency: 'USD', locale: 'en-US' });
const one = (type: string, overrides: CaseRequest['overrides'] = {}): CaseRequest => ({
  mix: [{ type, weight: 1 }],
  overrides,
});
/** A tiny investment and a big return: the classic five-digit IRR. */
const tiny = one('reseller', {
  certifications: 0,
  labCostMonthly: 0,
  marketingMonthly: 100,
  onboardingCost: 500,
  monthsToFirstDeal: 1,
});

describe('the bands', () => {
  it('default to payback 3-30 months, ROI at most 500%, IRR at most 300% a year', () => {
    expect(DEFAULT_BANDS).toEqual({
      paybackMonthsMin: 3,
      paybackMonthsMax: 30,
      roiMax: 5,
      irrAnnualMax: 3,
      minInvestmentShare: 0.05,
    });
    expect(bandsOf({})).toEqual(DEFAULT_BANDS);
    expect(
      bandsOf({ plausibility: { irrAnnualMax: { value: 2, assumption: 'Stricter.' } } })
        .irrAnnualMax,
    ).toBe(2);
  });

  it('name each figure outside them, on which side', () => {
    const b = DEFAULT_BANDS;
    expect(bandBreaches({ paybackMonth: 12, roi: 1.5, irrAnnual: 0.8 }, b)).toEqual([]);
    expect(bandBreaches({ paybackMonth: null, roi: -0.2, irrAnnual: null }, b)).toEqual([
      { figure: 'payback', value: null, limit: 30, side: 'above' },
    ]);
    expect(bandBreaches({ paybackMonth: 2, roi: 9, irrAnnual: 40 }, b)).toEqual([
      { figure: 'payback', value: 2, limit: 3, side: 'below' },
      { figure: 'roi', value: 9, limit: 5, side: 'above' },
      { figure: 'irr', value: 40, limit: 3, side: 'above' },
    ]);
  });

  it('an IRR above the band, or on too little at risk, is not meaningful; otherwise it is', () => {
    const b = DEFAULT_BANDS;
    expect(irrCaveat({ irrAnnual: 3.5, peakFunding: 50_000, grossProfit: 100_000 }, b)).toEqual({
      reason: 'above-band',
      limit: 3,
    });
    expect(irrCaveat({ irrAnnual: 1.2, peakFunding: 4_000, grossProfit: 100_000 }, b)).toEqual({
      reason: 'small-investment',
      peakFunding: 4_000,
      share: 0.05,
    });
    expect(irrCaveat({ irrAnnual: 1.2, peakFunding: 6_000, grossProfit: 100_000 }, b)).toBeNull();
    expect(irrCaveat({ irrAnnual: null, peakFunding: 0, grossProfit: 0 }, b)).toBeNull();
  });
});

describe('a case outside the bands', () => {
  const r = runCase(dataset, tiny);

  it('keeps the raw IRR and a flag in the result (what --json prints)', () => {
    expect(r.summary.irrAnnual).toBeGreaterThan(3);
    expect(r.summary.irrMeaningful).toBe(false);
    expect(r.summary.irrCaveat).toEqual({ reason: 'above-band', limit: 3 });
    const json = JSON.parse(JSON.stringify(r)) as typeof r;
    expect(json.summary.irrAnnual).toBe(r.summary.irrAnnual);
  });

  it('shows "Not meaningful" with the reason on the page, in the CLI and on the deck', () => {
    const irr = keyFigures(r, f).find((x) => x.id === 'irr')!;
    expect(irr.value).toBe('Not meaningful');
    expect(irr.note).toMatch(/Above the 300% a year a finance reader accepts/);
    expect(deckFigures({ result: r, money: { currency: 'USD', locale: 'en-US' } } as Ctx).irr).toBe(
      'Not meaningful',
    );
    const cli = caseText(r);
    expect(cli).toMatch(/IRR\s+Not meaningful\n/);
    expect(cli).toMatch(/IRR not meaningful: Above the 300% a year/);
  });

  it('no view shows an IRR above the band as a percentage, whatever the inputs (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...dataset.partnerTypes.map((t) => t.id)),
        fc.double({ min: 0, max: 50, noNaN: true }),
        fc.double({ min: 0, max: 20_000, noNaN: true }),
        fc.double({ min: 0, max: 5_000, noNaN: true }),
        (type, customers, onboarding, marketing) => {
          const c = runCase(
            dataset,
            one(type, {
              newCustomersPerMonth: customers,
              onboardingCost: onboarding,
              marketingMonthly: marketing,
              certifications: 0,
            }),
            { sensitivity: false, breakEven: false },
          );
          const shown = [
            keyFigures(c, f).find((x) => x.id === 'irr')!.value,
            ...scenarioTable(c, f)
              .rows.find((row) => row[0] === 'IRR (yearly)')!
              .slice(1),
          ];
          for (const text of shown) {
            const pct = /^(-?[\d,.]+)%$/.exec(text);
            if (pct) expect(Number(pct[1]!.replace(/,/g, ''))).toBeLessThanOrEqual(300);
            else expect(['Not meaningful', 'Undefined']).toContain(text);
          }
        },
      ),
      { numRuns: 80 },
    );
  });
});

describe('the vendor sets its own bands', () => {
  it('a stricter IRR band makes the same case not meaningful', () => {
    const strict: Dataset = {
      ...dataset,
      vendor: {
        ...dataset.vendor,
        plausibility: { irrAnnualMax: { value: 0.01, assumption: 'Strict.' } },
      },
    };
    const base = runCase(dataset, one('managed-service-provider'), { sensitivity: false });
    const c = runCase(strict, one('managed-service-provider'), { sensitivity: false });
    expect(c.summary.irrAnnual).toBe(base.summary.irrAnnual);
    expect(c.bands.irrAnnualMax).toBe(0.01);
    expect(c.summary.irrMeaningful).toBe(false);
  });
});
