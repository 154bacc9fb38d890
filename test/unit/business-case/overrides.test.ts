// Overrides win: a typed or linked value is the value the case uses; a tier that pays more
// applies its own rate from the month it is reached, and the case says so. And sensitivity is
// what it says: every driver at exactly x0.8 and x1.2, bounds and tier crossings marked.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runCase, tierRateAt, type CaseRequest } from '../../../src/core/business-case/index.ts';
import { fieldSource, formatter, movedValue } from '../../../src/core/result-display.ts';
import type { Dataset } from '../../../src/core/dataset.ts';
import { dataset } from '../../fixtures/business-case-dataset.ts';

const one = (type: string, extra: Omit<CaseRequest, 'mix'> = {}): CaseRequest => ({
  mix: [{ type, weight: 1 }],
  ...extra,
});
const quick = { scenarios: false, sensitivity: false, breakEven: false } as const;
const entryOnly: Dataset = {
  ...dataset,
  vendor: { ...dataset.vendor, tiers: [dataset.vendor.tiers[0]!] },
};
const f = formatter({ currency: 'USD', locale: 'en-US' });
const referralTotal = (r: ReturnType<typeof runCase>) => r.summary.grossProfitByStream.referral;

describe('overrides win', () => {
  it('a typed referral fee below the entry tier is the fee the case pays', () => {
    const base = runCase(entryOnly, one('referral-partner'), quick);
    const typed = runCase(
      entryOnly,
      one('referral-partner', { overrides: { referralFeeRate: 0.05 } }),
      quick,
    );
    expect(referralTotal(typed)).toBeCloseTo(referralTotal(base) / 2, 6);
    const none = runCase(entryOnly, one('referral-partner', { overrides: { referralFeeRate: 0 } }));
    expect(referralTotal(none)).toBe(0);
    expect(none.superseded).toEqual([]);
  });

  it('every typed fee and cap is used as typed at the entry tier (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        fc.double({ min: 0, max: 60_000, noNaN: true }),
        (rate, cap) => {
          const r = runCase(
            entryOnly,
            one('referral-partner', {
              overrides: { referralFeeRate: rate, referralFeeCap: cap, referralLagMonths: 0 },
            }),
            quick,
          );
          const perDeal = cap > 0 ? Math.min(rate * 50_000, cap) : rate * 50_000;
          for (const m of r.monthly)
            expect(m.revenue.referral).toBeCloseTo(m.newCustomers * perDeal, 6);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('a typed resale margin below the entry discount is used; the type default gets the uplifts', () => {
    const typed = runCase(entryOnly, one('reseller', { overrides: { resaleMargin: 0.05 } }), quick);
    const m = typed.monthly.find((x) => x.bookings > 0)!;
    expect(m.revenue.resale).toBeCloseTo(0.05 * m.bookings, 6);
  });

  it('a tier that pays more than the typed rate applies from the month it is reached, and the case says so', () => {
    const r = runCase(
      dataset,
      one('referral-partner', {
        overrides: {
          referralFeeRate: 0.05,
          referralLagMonths: 0,
          newCustomersPerMonth: 4,
          certifications: 3,
        },
      }),
    );
    const silver = r.tiers.find((t) => t.id === 'silver')!;
    expect(silver.reachedMonth).not.toBeNull();
    const at = silver.reachedMonth!;
    const before = r.monthly[at - 1]!;
    const after = r.monthly[at + 1]!;
    expect(before.revenue.referral).toBeCloseTo(before.newCustomers * 0.05 * 50_000, 6);
    expect(after.revenue.referral).toBeCloseTo(after.newCustomers * 0.12 * 50_000, 6);
    expect(r.superseded).toEqual([
      { key: 'referralFeeRate', typed: 0.05, tier: 'Silver', month: at, value: 0.12 },
    ]);
    expect(r.notes.join('\n')).toContain(
      `You set referral fee to 5%; Silver pays 12%, so the case uses 12% from month ${at}, when Silver is reached.`,
    );
    // The field does not claim "Your value" alone while a tier's rate is in use.
    expect(fieldSource(r, 'referralFeeRate', true, f)).toBe(
      `Your value until month ${at}; from then Silver pays 12%`,
    );
    expect(fieldSource(r, 'referralLagMonths', true, f)).toBe('Your value');
  });

  it('tierRateAt: typed rates as typed until a tier pays more; defaults gain the uplift', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.boolean(),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (k, value, typed, tierValue, entryValue) => {
          const r = tierRateAt(k, value, typed, tierValue, entryValue);
          if (k === 0) expect(r).toBe(value);
          else if (typed) expect(r).toBe(Math.max(value, tierValue));
          else expect(r).toBeCloseTo(value + Math.max(0, tierValue - entryValue), 12);
          expect(r).toBeGreaterThanOrEqual(value);
        },
      ),
    );
  });
});

describe('sensitivity is what it says', () => {
  it('a move that changes the highest tier reached names the tier', () => {
    // The fixture's Silver needs 2 certified people; the reseller certifies 2: at x0.8 it misses Silver.
    const r = runCase(dataset, one('reseller', { overrides: { newCustomersPerMonth: 4 } }));
    expect(r.tiers[1]!.reachedMonth).not.toBeNull();
    const certs = r.sensitivity.find((s) => s.key === 'certifications')!;
    expect(certs.low.tier).toEqual({ name: 'Silver', reached: false });
    expect(movedValue('certifications', certs.low, f)).toBe('1.6 (misses Silver)');
    expect(certs.high.tier).toBeUndefined();
  });

  it('a move stopped at a bound is marked', () => {
    const r = runCase(dataset, one('reseller'));
    const renewal = r.sensitivity.find((s) => s.key === 'renewalRate')!;
    expect(movedValue('renewalRate', renewal.high, f)).toBe('100% (its limit)');
  });

  it('fractional months: the ramp and the referral lag move smoothly with the month', () => {
    const npvAt = (monthsToFirstDeal: number) =>
      runCase(entryOnly, one('reseller', { overrides: { monthsToFirstDeal } }), quick).summary.npv;
    const [a, b, c] = [npvAt(3), npvAt(3.5), npvAt(4)];
    expect(b).toBeLessThan(a);
    expect(b).toBeGreaterThan(c);
    const lag = runCase(
      entryOnly,
      one('referral-partner', { overrides: { referralLagMonths: 2.25 } }),
      quick,
    );
    const first = lag.monthly.findIndex((m) => m.newCustomers > 0);
    const fee = lag.monthly[first]!.newCustomers * 5_000;
    expect(lag.monthly[first + 2]!.revenue.referral).toBeCloseTo(0.75 * fee, 6);
    expect(lag.monthly[first + 3]!.revenue.referral).toBeGreaterThanOrEqual(0.25 * fee);
  });
});
