/**
 * Break-even customers: the steady-state new customers a month at which NPV = 0 (in a mix,
 * the total across types, each type keeping its weight). 0 when NPV is already >= 0 with
 * no customers (nothing to recover); null when even the registry's maximum does not reach
 * NPV = 0. Found by bracketing and the Illinois variant of regula falsi (NPV is close to
 * linear in customers, so it converges in a few runs), with bisection as the safeguard
 * where tier thresholds make NPV jump. The answer is the high end of a bracket narrower
 * than 0.001 customers: NPV there is >= 0.
 */
import { ASSUMPTIONS } from '../assumption-registry.ts';
import { caseNpv } from './report.ts';
import {
  simulate,
  withAssumptions,
  type SimLane,
  type SimOptions,
  type Simulation,
} from './simulate.ts';

const TOLERANCE = 1e-3;

export function breakEvenCustomers(
  lanes: readonly SimLane[],
  opts: SimOptions,
  discountRateAnnual: number,
): number | null {
  let scratch: Simulation | undefined;
  const npvAt = (customers: number) => {
    scratch = simulate(
      withAssumptions(lanes, (a) => ({ ...a, newCustomersPerMonth: customers })),
      { ...opts, standings: false },
      scratch,
    );
    return caseNpv(scratch, discountRateAnnual);
  };
  const max: number = ASSUMPTIONS.newCustomersPerMonth.max;
  let lo = 0;
  let fLo = npvAt(0);
  if (fLo >= 0) return 0;
  // Bracket upwards from the case's own volume, doubling: usually one or two runs.
  const start = lanes.reduce((s, l) => s + l.weight * l.assumptions.newCustomersPerMonth, 0);
  let hi = Math.min(max, Math.max(1, start));
  let fHi = npvAt(hi);
  while (fHi < 0) {
    if (hi >= max) return null;
    lo = hi;
    fLo = fHi;
    hi = Math.min(max, hi * 2);
    fHi = npvAt(hi);
  }
  let side = 0;
  for (let i = 0; i < 100 && hi - lo > TOLERANCE; i++) {
    // Illinois step, kept inside the bracket and away from its ends; bisect when it stalls.
    let x = (lo * fHi - hi * fLo) / (fHi - fLo);
    if (!(x > lo + TOLERANCE / 4 && x < hi - TOLERANCE / 4) || i % 4 === 3) x = 0.5 * (lo + hi);
    const f = npvAt(x);
    if (f >= 0) {
      hi = x;
      fHi = f;
      if (side === 1) fLo /= 2;
      side = 1;
    } else {
      lo = x;
      fLo = f;
      if (side === -1) fHi /= 2;
      side = -1;
    }
  }
  return hi;
}
