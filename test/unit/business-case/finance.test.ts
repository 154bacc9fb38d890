import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  annualise,
  irr,
  npv,
  npvMonthly,
  paybackFromCumulative,
  paybackPeriod,
  signChanges,
  cumulate,
} from '../../../src/core/business-case/finance.ts';

describe('npv: published reference values', () => {
  it('numpy-financial npv docstring: npf.npv(0.08, [-40_000, 5_000, 8_000, 12_000, 30_000]).round(5) == 3065.22267', () => {
    expect(npv(0.08, [-40_000, 5_000, 8_000, 12_000, 30_000])).toBeCloseTo(3065.22267, 5);
  });
  it('numpy npv docstring: np.npv(0.281, [-100, 39, 59, 55, 20]) == -0.0084785916384548798', () => {
    expect(npv(0.281, [-100, 39, 59, 55, 20])).toBeCloseTo(-0.0084785916384548798, 12);
  });
  it('Excel NPV help example: rate 10%, -10,000 a year out, then 3,000, 4,200, 6,800 -> $1,188.44 (Excel discounts its first value, so it sits at t = 1 here)', () => {
    expect(npv(0.1, [0, -10_000, 3_000, 4_200, 6_800])).toBeCloseTo(1188.44, 2);
  });
  it('npvMonthly discounts month t by (1 + annual)^(t/12), month 0 undiscounted', () => {
    const flows = [-1000, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000, 1100, 1200, 1300];
    const direct = flows.reduce((s, f, t) => s + f / Math.pow(1.1, t / 12), 0);
    expect(npvMonthly(0.1, flows)).toBeCloseTo(direct, 9);
    expect(npvMonthly(0.1, [500])).toBe(500);
    // one year out at 10% a year is worth 1/1.1
    const yearOut = new Array<number>(13).fill(0);
    yearOut[12] = 110;
    expect(npvMonthly(0.1, yearOut)).toBeCloseTo(100, 10);
  });
  it('rejects a rate at or below -100% instead of returning NaN', () => {
    expect(() => npv(-1, [1, 2])).toThrow(RangeError);
    expect(() => npv(Number.NaN, [1, 2])).toThrow(RangeError);
  });
});

describe('irr: published reference values', () => {
  it('numpy-financial irr docstring examples', () => {
    expect(irr([-100, 39, 59, 55, 20]).rate).toBeCloseTo(0.28095, 5);
    expect(irr([-100, 0, 0, 74]).rate).toBeCloseTo(-0.0955, 4);
    expect(irr([-100, 100, 0, 7]).rate).toBeCloseTo(0.06206, 5);
    // Two and three sign changes: several roots may exist; numpy's answer is the one nearest 0, and ours too, flagged.
    expect(irr([-100, 100, 0, -7])).toMatchObject({ ambiguous: true, signChanges: 2 });
    expect(irr([-100, 100, 0, -7]).rate).toBeCloseTo(-0.0833, 4);
    expect(irr([-5, 10.5, 1, -8, 1])).toMatchObject({ ambiguous: true, signChanges: 3 });
    expect(irr([-5, 10.5, 1, -8, 1]).rate).toBeCloseTo(0.0886, 4);
  });
  it('Excel IRR help example: five years -> 8.7%, four years -> -2.1%, two years -> -44.4%', () => {
    const five = irr([-70_000, 12_000, 15_000, 18_000, 21_000, 26_000]);
    expect(five.rate).toBeCloseTo(0.0866, 4);
    expect(Math.round(five.rate! * 1000) / 10).toBe(8.7);
    expect(Math.round(irr([-70_000, 12_000, 15_000, 18_000, 21_000]).rate! * 1000) / 10).toBe(-2.1);
    expect(Math.round(irr([-70_000, 12_000, 15_000]).rate! * 1000) / 10).toBe(-44.4);
    expect(five.ambiguous).toBe(false);
  });
  it('the rate it returns solves NPV = 0', () => {
    const flows = [-70_000, 12_000, 15_000, 18_000, 21_000, 26_000];
    expect(Math.abs(npv(irr(flows).rate!, flows))).toBeLessThan(1e-6);
  });
});

describe('irr on hard inputs: a finite rate or null, never NaN or Infinity', () => {
  it('no sign change -> null, not ambiguous', () => {
    for (const flows of [[100, 50], [-100, -50], [0, 0, 0], [], [0, 5, 0]])
      expect(irr(flows)).toEqual({ rate: null, ambiguous: false, signChanges: 0 });
  });
  it('several sign changes -> ambiguous', () => {
    const r = irr([-100, 230, -132]); // roots at 10% and 20%
    expect(r.ambiguous).toBe(true);
    expect(r.rate).toBeCloseTo(0.1, 8);
    // sign changes but no real rate: (1+r)^2 - 2(1+r) + 2 > 0 everywhere
    expect(irr([1, -2, 2])).toEqual({ rate: null, ambiguous: true, signChanges: 2 });
  });
  it('leading zeros do not change the rate', () => {
    expect(irr([0, 0, -100, 110]).rate).toBeCloseTo(0.1, 10);
  });
  it('a tiny investment and huge returns give a finite (huge) rate; annualising an overflow gives null', () => {
    const r = irr([-1e-6, 1e9]);
    expect(r.rate).not.toBeNull();
    expect(Number.isFinite(r.rate!)).toBe(true);
    expect(r.rate!).toBeGreaterThan(1e14);
    expect(annualise(r.rate)).toBeGreaterThan(1e179); // about 1e180: huge but finite
    expect(annualise(1e30)).toBeNull(); // (1e30)^12 overflows
    expect(annualise(0.01)).toBeCloseTo(Math.pow(1.01, 12) - 1, 12);
    expect(annualise(null)).toBeNull();
  });
  it('a rate beyond the searched range is null, not Infinity', () => {
    expect(irr([-1e-300, 1e300]).rate).toBeNull();
  });
  it('non-finite flows -> null', () => {
    expect(irr([-1, Number.NaN, 2]).rate).toBeNull();
    expect(irr([-1, Number.POSITIVE_INFINITY]).rate).toBeNull();
  });
  it('a total loss is a rate near -100%', () => {
    const r = irr([-100, 1]);
    expect(r.rate).toBeCloseTo(-0.99, 10);
  });
});

describe('payback', () => {
  it('first period with cumulative >= 0 after a negative one', () => {
    expect(paybackPeriod([-100, 50, 50])).toBe(2);
    expect(paybackPeriod([-100, 50, 49])).toBeNull();
    expect(paybackPeriod([10, -20, 5, 10])).toBe(3);
    expect(paybackPeriod([0, 10, 20])).toBe(0);
    expect(paybackPeriod([])).toBe(0);
    expect(paybackFromCumulative(cumulate([-5, 5]))).toBe(1);
  });
  it('signChanges skips zeros', () => {
    expect(signChanges([-1, 0, 0, 2, 0, -3])).toBe(2);
    expect(signChanges([0, 0])).toBe(0);
  });
});

// Cash flows are money: whole cents. (Raw doubles reach subnormals like 5e-324, where the
// relative tolerance below underflows to zero and says nothing about the solver.)
const money = fc
  .double({ min: -1e7, max: 1e7, noNaN: true, noDefaultInfinity: true })
  .map((v) => Math.round(v * 100) / 100);

describe('finance properties', () => {
  it('NPV at rate 0 is the plain sum', () => {
    fc.assert(
      fc.property(fc.array(money, { maxLength: 61 }), (flows) => {
        const sum = flows.reduce((s, f) => s + f, 0);
        const scale = flows.reduce((s, f) => s + Math.abs(f), 0);
        expect(Math.abs(npv(0, flows) - sum)).toBeLessThanOrEqual(1e-9 * scale + 1e-9);
        expect(Math.abs(npvMonthly(0, flows) - sum)).toBeLessThanOrEqual(1e-9 * scale + 1e-9);
      }),
      { numRuns: 2000 },
    );
  });

  it('IRR is null or a finite rate above -100%, and solves NPV = 0 when the flows change sign once', () => {
    fc.assert(
      fc.property(fc.array(money, { maxLength: 61 }), (flows) => {
        const r = irr(flows);
        expect(r.ambiguous).toBe(r.signChanges > 1);
        if (r.rate === null) return;
        expect(Number.isFinite(r.rate)).toBe(true);
        expect(r.rate).toBeGreaterThan(-1);
        const a = annualise(r.rate);
        expect(a === null || Number.isFinite(a)).toBe(true);
        if (r.signChanges === 1) {
          // zero up to rounding, against the size of the discounted terms themselves
          const terms = flows.reduce((s, f, t) => s + Math.abs(f) / Math.pow(1 + r.rate!, t), 0);
          expect(Math.abs(npv(r.rate, flows))).toBeLessThanOrEqual(1e-9 * terms);
        }
      }),
      { numRuns: 3000 },
    );
  });

  // Flows with one sign change, negative first: costs, then income.
  const investment = fc
    .tuple(
      fc.array(fc.double({ min: 1, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 12 }),
      fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 48 }),
      fc.nat(5),
    )
    .filter(([, inc]) => inc.some((v) => v > 0))
    .map(([costs, income, zeros]) => [
      ...new Array<number>(zeros).fill(0),
      ...costs.map((c) => -c),
      ...income,
    ]);
  const ratePair = fc
    .tuple(
      fc.double({ min: 0, max: 0.5, noNaN: true }),
      fc.double({ min: 0, max: 0.5, noNaN: true }),
    )
    .filter(([a, b]) => Math.abs(a - b) > 1e-6);

  it('with a single sign change (negative then positive), NPV falls as the discount rate rises wherever NPV is positive', () => {
    // Strictly: NPV(r) = x^k g(x) with g decreasing in r; where NPV >= 0 both factors fall,
    // so NPV falls. (Below zero it may rise: later costs are discounted more.)
    fc.assert(
      fc.property(investment, ratePair, (flows, [a, b]) => {
        const [lo, hi] = a < b ? [a, b] : [b, a];
        const nLo = npvMonthly(lo, flows);
        if (nLo > 0) expect(npvMonthly(hi, flows)).toBeLessThan(nLo);
        // The sign pattern is that of a single root: positive below the IRR, negative above.
        const r = irr(flows);
        expect(r.signChanges).toBe(1);
        if (r.rate !== null) {
          const at = (rate: number) => npv(rate, flows);
          if (r.rate - 1e-3 > -1) expect(at(r.rate - 1e-3)).toBeGreaterThan(0);
          expect(at(r.rate + 1e-3)).toBeLessThan(0);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('with all the investment at t = 0, NPV falls as the rate rises everywhere', () => {
    const flowsArb = fc
      .tuple(
        fc.double({ min: 1, max: 1e6, noNaN: true }),
        fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 60 }),
      )
      .filter(([, inc]) => inc.some((v) => v > 1e-3))
      .map(([c, inc]) => [-c, ...inc]);
    fc.assert(
      fc.property(flowsArb, ratePair, (flows, [a, b]) => {
        const [lo, hi] = a < b ? [a, b] : [b, a];
        expect(npvMonthly(hi, flows)).toBeLessThan(npvMonthly(lo, flows));
      }),
      { numRuns: 2000 },
    );
  });

  it('payback agrees with the cumulative series', () => {
    fc.assert(
      fc.property(fc.array(money, { maxLength: 61 }), (flows) => {
        const cum = cumulate(flows);
        const p = paybackPeriod(flows);
        const firstNegative = cum.findIndex((c) => c < 0);
        if (firstNegative < 0) expect(p).toBe(0);
        else if (p === null) expect(cum.slice(firstNegative).every((c) => c < 0)).toBe(true);
        else {
          expect(p).toBeGreaterThan(firstNegative);
          expect(cum[p]).toBeGreaterThanOrEqual(0);
          expect(cum.slice(firstNegative, p).every((c) => c < 0)).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
