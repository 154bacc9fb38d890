/**
 * Cash-flow maths on plain number arrays: NPV, IRR, payback. Pure, allocation-free in the
 * loops, and never returns NaN or Infinity (an IRR that does not exist is `null`).
 *
 * Conventions (the business case and its README use the same ones):
 * - Flows are per period with `flows[0]` at t = 0, undiscounted (numpy-financial's `npv`;
 *   Excel's NPV instead discounts its first value by one period).
 * - Monthly flows with a yearly rate: NPV = sum over t of flow_t / (1 + annualRate)^(t / 12).
 * - IRR is the per-period rate r with sum flow_t / (1 + r)^t = 0; a monthly IRR is
 *   annualised as (1 + r)^12 - 1.
 * - Payback is the first period whose cumulative flow is >= 0 after having been negative;
 *   0 when the cumulative flow is never negative; null when it never recovers.
 */

const assertRate = (rate: number) => {
  if (!Number.isFinite(rate) || rate <= -1)
    throw new RangeError(`a discount rate above -100% is needed (got ${rate})`);
};

/** Net present value with `flows[0]` undiscounted: sum flow_t / (1 + rate)^t. */
export function npv(ratePerPeriod: number, flows: ArrayLike<number>): number {
  assertRate(ratePerPeriod);
  const x = 1 / (1 + ratePerPeriod);
  let acc = 0;
  for (let t = flows.length - 1; t >= 0; t--) acc = acc * x + flows[t]!;
  return acc;
}

/** The monthly rate equivalent to a yearly one: (1 + annual)^(1/12) - 1. */
export const monthlyRate = (annualRate: number): number => Math.pow(1 + annualRate, 1 / 12) - 1;

/** NPV of monthly flows at a yearly rate: sum flow_t / (1 + annualRate)^(t / 12), month 0 undiscounted. */
export const npvMonthly = (annualRate: number, monthlyFlows: ArrayLike<number>): number => {
  assertRate(annualRate);
  return npv(monthlyRate(annualRate), monthlyFlows);
};

/** How many times the flows change sign, zeros skipped. */
export function signChanges(flows: ArrayLike<number>): number {
  let changes = 0;
  let last = 0;
  for (let t = 0; t < flows.length; t++) {
    const s = Math.sign(flows[t]!);
    if (s === 0 || Number.isNaN(s)) continue;
    if (last !== 0 && s !== last) changes++;
    last = s;
  }
  return changes;
}

export interface IrrResult {
  /** Per-period IRR, or null when there is none (no sign change) or none was found in range. */
  rate: number | null;
  /** The flows change sign more than once, so several rates may solve NPV = 0; `rate` is the one nearest 0 (numpy-financial's choice). */
  ambiguous: boolean;
  signChanges: number;
}

// The search runs on x = 1 / (1 + r) > 0, where NPV is the polynomial sum flow_t x^t.
// Rates from -99% (x = 100) up to 1e18 per period (x = 1e-18) are searched. With several
// sign changes the scan is fine where business cases live (|ln x| <= 2.5: rates from -92%
// to +1,118% a period) so that close pairs of roots are not stepped over, coarse outside.
const LN_X_MIN = Math.log(1e-18);
const LN_X_MAX = Math.log(100);
const FINE = 2.5;
const FINE_STEP = 0.01;
const COARSE_STEP = 0.25;

/** sign-faithful value of sum flow_t x^t: evaluated in 1/x for x > 1 so large powers never overflow. */
function poly(flows: ArrayLike<number>, x: number): number {
  let acc = 0;
  if (x <= 1) {
    for (let t = flows.length - 1; t >= 0; t--) acc = acc * x + flows[t]!;
  } else {
    // sum flow_t x^t = x^(n-1) * sum flow_t y^(n-1-t), y = 1/x; the factor is positive.
    const y = 1 / x;
    for (let t = 0; t < flows.length; t++) acc = acc * y + flows[t]!;
  }
  return acc;
}

/** Bisection on x in [a, b] where poly changes sign; returns the root x. */
function bisect(flows: ArrayLike<number>, a: number, b: number, fa: number): number {
  let lo = a;
  let hi = b;
  let flo = fa;
  for (let i = 0; i < 200; i++) {
    const mid = 0.5 * (lo + hi);
    if (mid <= lo || mid >= hi) break; // converged to adjacent doubles
    const fm = poly(flows, mid);
    if (fm === 0) return mid;
    if (fm < 0 === flo < 0) {
      lo = mid;
      flo = fm;
    } else hi = mid;
  }
  return 0.5 * (lo + hi);
}

/** First nonzero flow's sign (the sign of sum flow_t x^t as x -> 0+). */
function leadingSign(flows: ArrayLike<number>): number {
  for (let t = 0; t < flows.length; t++) if (flows[t] !== 0) return Math.sign(flows[t]!);
  return 0;
}

/**
 * Internal rate of return per period, by bracketing a sign change of NPV and bisecting:
 * robust where Newton's method diverges, and never Infinity or NaN.
 * With one sign change in the flows there is exactly one rate (Descartes' rule of signs):
 * the bracket is found by stepping geometrically away from r = 0. With more, there may be
 * several: a grid scan finds them and the one nearest 0 is returned with `ambiguous: true`.
 * Rates outside -99% .. 1e18 a period are not searched (`rate: null`).
 */
export function irr(flows: ArrayLike<number>): IrrResult {
  for (let t = 0; t < flows.length; t++)
    if (!Number.isFinite(flows[t]!)) return { rate: null, ambiguous: false, signChanges: 0 };
  const changes = signChanges(flows);
  if (changes === 0) return { rate: null, ambiguous: false, signChanges: 0 };
  if (changes === 1) {
    const f1 = poly(flows, 1);
    if (f1 === 0) return { rate: 0, ambiguous: false, signChanges: 1 };
    // Same sign as at x -> 0 means the root lies at x > 1 (a negative rate), else at x < 1.
    const dir = Math.sign(f1) === leadingSign(flows) ? 1 : -1;
    let uPrev = 0;
    let fPrev = f1;
    for (let step = 0.25; ; step *= 2) {
      const u = dir > 0 ? Math.min(step, LN_X_MAX) : Math.max(-step, LN_X_MIN);
      const x = Math.exp(u);
      const f = poly(flows, x);
      if (f === 0) return { rate: 1 / x - 1, ambiguous: false, signChanges: 1 };
      if (f < 0 !== fPrev < 0) {
        const xPrev = Math.exp(uPrev);
        const root = dir > 0 ? bisect(flows, xPrev, x, fPrev) : bisect(flows, x, xPrev, f);
        const r = 1 / root - 1;
        return { rate: Number.isFinite(r) ? r : null, ambiguous: false, signChanges: 1 };
      }
      if (u === LN_X_MAX || u === LN_X_MIN) return { rate: null, ambiguous: false, signChanges: 1 };
      uPrev = u;
      fPrev = f;
    }
  }
  let best: number | null = null;
  const consider = (x: number) => {
    const r = 1 / x - 1;
    if (Number.isFinite(r) && r > -1 && (best === null || Math.abs(r) < Math.abs(best))) best = r;
  };
  let u = LN_X_MIN;
  let xPrev = Math.exp(u);
  let fPrev = poly(flows, xPrev);
  if (fPrev === 0) consider(xPrev);
  while (u < LN_X_MAX) {
    u += Math.abs(u) <= FINE ? FINE_STEP : COARSE_STEP;
    if (u > LN_X_MAX) u = LN_X_MAX;
    const x = Math.exp(u);
    const f = poly(flows, x);
    if (f === 0) consider(x);
    else if (fPrev !== 0 && f < 0 !== fPrev < 0) consider(bisect(flows, xPrev, x, fPrev));
    xPrev = x;
    fPrev = f;
  }
  return { rate: best, ambiguous: true, signChanges: changes };
}

/** (1 + r)^12 - 1, or null if that is not a finite number. */
export function annualise(monthly: number | null): number | null {
  if (monthly === null) return null;
  const a = Math.pow(1 + monthly, 12) - 1;
  return Number.isFinite(a) ? a : null;
}

/** Payback read off a cumulative series: first period >= 0 after a negative one; 0 if never negative; null if it never recovers. */
export function paybackFromCumulative(cumulative: ArrayLike<number>): number | null {
  let wentNegative = false;
  for (let t = 0; t < cumulative.length; t++) {
    if (cumulative[t]! < 0) wentNegative = true;
    else if (wentNegative) return t;
  }
  return wentNegative ? null : 0;
}

/** Cumulative sums of the flows (running total, same order of addition everywhere). */
export function cumulate(
  flows: ArrayLike<number>,
  out: Float64Array = new Float64Array(flows.length),
): Float64Array {
  let sum = 0;
  for (let t = 0; t < flows.length; t++) out[t] = sum += flows[t]!;
  return out;
}

/** First period whose cumulative flow is >= 0 after having been negative; 0 if never negative; null if it never recovers. */
export const paybackPeriod = (flows: ArrayLike<number>): number | null =>
  paybackFromCumulative(cumulate(flows));
