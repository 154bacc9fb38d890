import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  paybackFromCumulative,
  runCase,
  STREAM_KINDS,
  COST_ITEMS,
  npv,
  type CaseRequest,
  type CaseResult,
} from '../../../src/core/business-case/index.ts';
import {
  ASSUMPTION_KEYS,
  ASSUMPTIONS,
  type AssumptionKey,
  type AssumptionSpec,
  type Assumptions,
} from '../../../src/core/assumption-registry.ts';
import { dataset } from '../../fixtures/business-case-dataset.ts';

/** A valid value for one key, often at or near the bounds. */
const valueFor = (key: AssumptionKey): fc.Arbitrary<number> => {
  const s: AssumptionSpec = ASSUMPTIONS[key];
  if (s.integer) return fc.integer({ min: s.min, max: s.max });
  return fc.oneof(
    fc.constantFrom(s.min, s.max, s.fallback),
    fc.double({ min: s.min, max: s.max, noNaN: true, noDefaultInfinity: true }),
  );
};

const overridesArb: fc.Arbitrary<Partial<Assumptions>> = fc
  .subarray([...ASSUMPTION_KEYS], { maxLength: 12 })
  .chain((keys) =>
    fc
      .tuple(...keys.map(valueFor))
      .map(
        (values) => Object.fromEntries(keys.map((k, i) => [k, values[i]])) as Partial<Assumptions>,
      ),
  );

const requestArb: fc.Arbitrary<CaseRequest> = fc.record({
  mix: fc.uniqueArray(
    fc.record({
      type: fc.constantFrom(...dataset.partnerTypes.map((t) => t.id)),
      weight: fc.double({ min: 0.01, max: 10, noNaN: true }),
    }),
    { minLength: 1, maxLength: 3, selector: (m) => m.type },
  ),
  vertical: fc.option(fc.constantFrom(...dataset.verticals.map((v) => v.id)), { nil: undefined }),
  segment: fc.option(fc.constantFrom(...dataset.segments.map((s) => s.id)), { nil: undefined }),
  product: fc.option(fc.constantFrom(...dataset.vendor.products.map((p) => p.id)), {
    nil: undefined,
  }),
  overrides: overridesArb,
});

/** Every number anywhere in the result is finite (null is how "none" is said). */
function nonFinite(value: unknown, path = 'result'): string[] {
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [`${path} = ${value}`];
  if (Array.isArray(value)) return value.flatMap((v, i) => nonFinite(v, `${path}[${i}]`));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => nonFinite(v, `${path}.${k}`));
  return [];
}

const close = (a: number, b: number, scale: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, scale);
const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);

/** Every total the report shows equals the sum of what it totals; returns what does not. */
function totalsProblems(r: CaseResult): string[] {
  const bad: string[] = [];
  const check = (what: string, a: number, b: number, scale: number) => {
    if (!close(a, b, scale)) bad.push(`${what}: ${a} vs ${b}`);
  };
  const m = r.monthly;
  const scale = sum(
    m.map((x) => Math.abs(x.revenueTotal) + Math.abs(x.costs) + Math.abs(x.grossProfit)),
  );
  if (m.length !== r.assumptions.horizonMonths + 1)
    bad.push(`${m.length} months for a ${r.assumptions.horizonMonths}-month horizon`);
  m.forEach((row, t) => {
    if (row.month !== t) bad.push(`row ${t} is month ${row.month}`);
    check(
      `month ${t} revenueTotal`,
      row.revenueTotal,
      sum(STREAM_KINDS.map((s) => row.revenue[s])),
      scale,
    );
    check(`month ${t} costs`, row.costs, sum(COST_ITEMS.map((c) => row.costItems[c])), scale);
    check(`month ${t} net`, row.net, row.grossProfit - row.costs, scale);
  });
  for (const s of STREAM_KINDS) {
    const monthly = sum(m.map((x) => x.revenue[s]));
    check(`yearly ${s}`, sum(r.yearly.map((y) => y.revenue[s])), monthly, scale);
    check(`summary ${s}`, r.summary.revenueByStream[s], monthly, scale);
    check(
      `yearly gross profit ${s}`,
      sum(r.yearly.map((y) => y.grossProfitByStream[s])),
      r.summary.grossProfitByStream[s],
      scale,
    );
  }
  for (const c of COST_ITEMS)
    check(
      `yearly ${c}`,
      sum(r.yearly.map((y) => y.costItems[c])),
      sum(m.map((x) => x.costItems[c])),
      scale,
    );
  check('summary gross profit', r.summary.grossProfit, sum(m.map((x) => x.grossProfit)), scale);
  check(
    'yearly gross profit',
    sum(r.yearly.map((y) => y.grossProfit)),
    r.summary.grossProfit,
    scale,
  );
  check('summary costs', r.summary.totalCosts, sum(m.map((x) => x.costs)), scale);
  check('yearly costs', sum(r.yearly.map((y) => y.costs)), r.summary.totalCosts, scale);
  check('yearly net', sum(r.yearly.map((y) => y.net)), sum(m.map((x) => x.net)), scale);
  check('summary net cash', r.summary.netCash, r.summary.grossProfit - r.summary.totalCosts, scale);
  if (r.yearly.at(-1)!.cumulative !== m.at(-1)!.cumulative)
    bad.push('last year does not end on the last month');
  // years tile the months exactly once
  const covered = r.yearly.flatMap((y) =>
    Array.from({ length: y.toMonth - y.fromMonth + 1 }, (_, i) => y.fromMonth + i),
  );
  if (covered.join() !== m.map((x) => x.month).join())
    bad.push(`years cover months ${covered.join()}`);
  return bad;
}
const checkTotals = (r: CaseResult) => expect(totalsProblems(r)).toEqual([]);

function checkPayback(r: CaseResult) {
  const cum = r.monthly.map((x) => x.cumulative);
  const p = r.summary.paybackMonth;
  expect(p).toBe(paybackFromCumulative(cum));
  const firstNegative = cum.findIndex((c) => c < 0);
  if (firstNegative < 0) expect(p).toBe(0);
  else if (p === null) expect(cum.slice(firstNegative).every((c) => c < 0)).toBe(true);
  else {
    expect(cum[p]).toBeGreaterThanOrEqual(0);
    expect(cum.slice(firstNegative, p).every((c) => c < 0)).toBe(true);
  }
}

/** Full cases (scenarios, sensitivity, break-even) a run checks; seeds differ from run to run. */
const FULL_CASES = 150;

describe('business case over random valid inputs', () => {
  it('never produces NaN or Infinity, and everything adds up (full case: scenarios, sensitivity, break-even)', () => {
    let bounded = 0;
    fc.assert(
      fc.property(requestArb, (request) => {
        const r = runCase(dataset, request);
        expect(nonFinite(r)).toEqual([]);
        checkTotals(r);
        checkPayback(r);
        for (let i = 1; i < r.sensitivity.length; i++)
          expect(r.sensitivity[i - 1]!.swing).toBeGreaterThanOrEqual(r.sensitivity[i]!.swing);
        // Tiers are reached in order; a tier the case declines (its gates met, but it would not
        // pay for itself) is passed over, and the next one may still be reached after it.
        // A tier never reached and not declined stops the climb: nothing above it is reached.
        let previous: number | null = null;
        let stopped = false;
        for (const t of r.tiers) {
          if (t.reachedMonth === null) {
            stopped ||= !t.declined;
            continue;
          }
          expect(stopped, `${t.id} reached above a tier never reached`).toBe(false);
          if (previous !== null) expect(t.reachedMonth).toBeGreaterThanOrEqual(previous);
          previous = t.reachedMonth;
        }
        expect(r.sentence).toMatch(/^(A|An) .+\.$/);
        const { recurringShare, recurringGrossProfit, grossProfit } = r.summary;
        // The recurring share is recurring gross profit over gross profit, null when there is none.
        expect(recurringShare === null).toBe(grossProfit <= 0);
        if (recurringShare !== null) {
          expect(Math.abs(recurringShare * grossProfit - recurringGrossProfit)).toBeLessThanOrEqual(
            1e-9 * Math.max(1, Math.abs(grossProfit)),
          );
          // At most all of it, unless a stream loses money (a marketplace fee above its margin):
          // then the recurring streams can earn more than the total.
          if (STREAM_KINDS.every((s) => r.summary.grossProfitByStream[s] >= 0)) {
            expect(recurringShare).toBeLessThanOrEqual(1 + 1e-9);
            bounded++;
          }
        }
      }),
      {
        numRuns: FULL_CASES,
        // Found by a CI run (seed 80296501): Silver declined, Gold reached in month 13.
        examples: [
          [
            {
              mix: [{ type: 'software-vendor', weight: 0.01 }],
              vertical: 'health',
              overrides: {
                monthsToFirstDeal: 0,
                resaleMargin: 0.6,
                referralFeeRate: 0,
                managedFeeMonthly: 0,
                marketplaceShare: 0,
                trainingMargin: 0,
                customerPaymentDays: 0,
                certifications: 2.999999996,
                labCostMonthly: 0,
              },
            },
          ],
        ],
      },
    );
    // the bound above was checked on most cases, not skipped
    expect(bounded).toBeGreaterThan(FULL_CASES / 2);
    // Hundreds of full cases (each with its scenarios and sensitivity) under coverage, on a
    // shared machine: CPU-bound, so a longer limit than the layer's 20 s.
  }, 90_000);

  it('NPV at a 0% discount rate is the sum of the net flows; IRR, when one sign change, solves NPV = 0', () => {
    fc.assert(
      fc.property(requestArb, (request) => {
        const r = runCase(
          dataset,
          { ...request, overrides: { ...request.overrides, discountRateAnnual: 0 } },
          { scenarios: false, sensitivity: false, breakEven: false },
        );
        const nets = r.monthly.map((x) => x.net);
        const scale = sum(nets.map(Math.abs));
        expect(Math.abs(r.summary.npv - sum(nets))).toBeLessThanOrEqual(1e-9 * Math.max(1, scale));
        checkTotals(r);
        checkPayback(r);
        const { irrMonthly, irrAnnual, irrAmbiguous } = r.summary;
        // The yearly IRR is the monthly one compounded, (1 + m)^12 - 1; null with it (or past what a number holds).
        if (irrMonthly === null) expect(irrAnnual).toBeNull();
        else {
          const compounded = Math.pow(1 + irrMonthly, 12) - 1;
          if (Number.isFinite(compounded))
            expect(Math.abs(irrAnnual! - compounded)).toBeLessThanOrEqual(
              1e-9 * Math.max(1, Math.abs(compounded)),
            );
          else expect(irrAnnual).toBeNull();
        }
        if (irrMonthly !== null && !irrAmbiguous) {
          // NPV = 0 up to rounding, measured against the size of the discounted terms themselves
          const terms = sum(nets.map((v, t) => Math.abs(v) / Math.pow(1 + irrMonthly, t)));
          expect(Math.abs(npv(irrMonthly, nets))).toBeLessThanOrEqual(1e-9 * terms);
        }
      }),
      { numRuns: 800 },
    );
  }, 90_000);

  it('more customers never lower NPV when every stream earns a positive margin and program fees are fixed', () => {
    fc.assert(
      fc.property(requestArb, fc.double({ min: 1.05, max: 3, noNaN: true }), (request, factor) => {
        // A marketplace fee above the margin loses money on each deal, and a tier reached sooner
        // can cost more in program fees than it brings when the streams earn little: pin both.
        // Working capital waiting on customers costs time value on every resold deal: none here.
        // An order can cost more to handle than it earns (any cost per order up to the bound):
        // none here either.
        const overrides = {
          ...request.overrides,
          costPerOrder: 0,
          marketplaceFee: 0,
          marketplaceRenewalFee: 0,
          customerPaymentDays: 0,
          programFeeAnnual: request.overrides?.programFeeAnnual ?? 0,
        };
        const base = overrides.newCustomersPerMonth ?? 2;
        fc.pre(base * factor <= ASSUMPTIONS.newCustomersPerMonth.max);
        const quick = { scenarios: false, sensitivity: false, breakEven: false };
        const lo = runCase(
          dataset,
          { ...request, overrides: { ...overrides, newCustomersPerMonth: base } },
          quick,
        ).summary.npv;
        const hi = runCase(
          dataset,
          { ...request, overrides: { ...overrides, newCustomersPerMonth: base * factor } },
          quick,
        ).summary.npv;
        expect(hi).toBeGreaterThanOrEqual(lo - 1e-6 * Math.max(1, Math.abs(lo)));
      }),
      { numRuns: 300 },
    );
  });
});
