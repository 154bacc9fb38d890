// The partner's real investment: month-0 costs, sales capacity through the ramp, and the
// working capital a reseller carries while its customers pay later than it pays the vendor.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runCase, type CaseRequest } from '../../../src/core/business-case/index.ts';
import type { Dataset } from '../../../src/core/dataset.ts';
import { dataset } from '../../fixtures/business-case-dataset.ts';

const entryOnly: Dataset = {
  ...dataset,
  vendor: { ...dataset.vendor, tiers: [dataset.vendor.tiers[0]!] },
};
const quick = { scenarios: false, sensitivity: false, breakEven: false } as const;
const one = (type: string, overrides: CaseRequest['overrides'] = {}): CaseRequest => ({
  mix: [{ type, weight: 1 }],
  overrides,
});

describe("the partner's investment", () => {
  it('onboarding, practice build and launch marketing are paid in month 0, with certifications', () => {
    const r = runCase(
      entryOnly,
      one('referral-partner', {
        onboardingCost: 1_500,
        practiceBuildCost: 8_000,
        launchMarketingCost: 2_000,
        certifications: 1,
        certificationFee: 100,
        certificationHours: 10,
        loadedHourlyCost: 90,
      }),
      quick,
    );
    const m0 = r.monthly[0]!.costItems;
    expect(m0).toMatchObject({
      onboarding: 1_500,
      practiceBuild: 8_000,
      launchMarketing: 2_000,
      certifications: 100 + 10 * 90,
    });
    for (const m of r.monthly.slice(1)) {
      expect(m.costItems.onboarding + m.costItems.practiceBuild + m.costItems.launchMarketing).toBe(
        0,
      );
    }
  });

  it('sales capacity is paid from month 1, fractional people included, through the ramp before the first deal', () => {
    const r = runCase(
      entryOnly,
      one('reseller', { salesFte: 0.4, salesCostAnnual: 120_000, monthsToFirstDeal: 6 }),
      quick,
    );
    expect(r.monthly[0]!.costItems.salesCapacity).toBe(0);
    for (const m of r.monthly.slice(1)) expect(m.costItems.salesCapacity).toBeCloseTo(4_000, 9);
    expect(r.monthly.slice(1, 6).every((m) => m.newCustomers === 0)).toBe(true);
  });
});

describe('working capital', () => {
  const gap = (customerPaymentDays: number, vendorPaymentDays: number) =>
    runCase(
      entryOnly,
      one('reseller', { customerPaymentDays, vendorPaymentDays, resaleMargin: 0.1 }),
      quick,
    );

  it('what a reseller owes for the trailing gap waits on its customers; what they owe at the end is not counted', () => {
    const days = 365.25 / 12; // a month
    const r = gap(30 + days / 2, 30); // customers pay half a month later
    let tied = 0;
    r.monthly.forEach((m, t) => {
      if (t === 0) return;
      tied += m.costItems.workingCapital;
      // Half of this month's purchases (bookings at 90% cost) are waiting.
      expect(tied).toBeCloseTo(0.5 * 0.9 * m.bookings, 6);
    });
    // No month releases what is still owed at the end: the total tied up is a cost of the case.
    const total = r.monthly.reduce((s, m) => s + m.costItems.workingCapital, 0);
    expect(total).toBeCloseTo(r.summary.workingCapitalAtEnd, 6);
    expect(r.summary.workingCapitalAtEnd).toBeCloseTo(0.5 * 0.9 * r.monthly.at(-1)!.bookings, 6);
    expect(r.notes.join(' ')).toMatch(/working capital/);
  });

  it('costs cash, not profit: NPV and net cash fall as customers take longer, gross profit does not move', () => {
    const none = gap(30, 30);
    const some = gap(60, 30);
    expect(none.monthly.every((m) => m.costItems.workingCapital === 0)).toBe(true);
    expect(some.summary.grossProfit).toBeCloseTo(none.summary.grossProfit, 6);
    expect(some.summary.npv).toBeLessThan(none.summary.npv);
    expect(some.summary.netCash).toBeCloseTo(
      none.summary.netCash - some.summary.workingCapitalAtEnd,
      6,
    );
  });

  it('is zero when customers pay no later than the partner pays, and for a type that does not resell (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 365 }),
        fc.integer({ min: 0, max: 365 }),
        (customer, vendor) => {
          const referral = runCase(
            entryOnly,
            one('referral-partner', { customerPaymentDays: customer, vendorPaymentDays: vendor }),
            quick,
          );
          expect(referral.summary.workingCapitalAtEnd).toBe(0);
          const reseller = gap(customer, vendor);
          if (customer <= vendor) expect(reseller.summary.workingCapitalAtEnd).toBe(0);
          else expect(reseller.summary.workingCapitalAtEnd).toBeGreaterThan(0);
        },
      ),
      { numRuns: 40 },
    );
  });
});
