/**
 * Break-even customers: the steady-state new customers a month at which NPV = 0, by
 * bisection between 0 and the registry's maximum (in a mix, the total across types, each
 * type keeping its weight). 0 when NPV is already >= 0 with no customers (no costs);
 * null when even the maximum does not reach NPV = 0. The answer is the low end of a
 * bracket narrower than 0.001 customers, on the side where NPV >= 0.
 */
import { ASSUMPTIONS } from '../schema/assumptions.ts';
import { caseNpv } from './report.ts';
import { simulate, withAssumptions, type SimLane, type SimOptions } from './simulate.ts';

export function breakEvenCustomers(lanes: readonly SimLane[], opts: SimOptions, discountRateAnnual: number): number | null {
  const npvAt = (customers: number) => caseNpv(simulate(withAssumptions(lanes, (a) => ({ ...a, newCustomersPerMonth: customers })), opts), discountRateAnnual);
  let lo = 0;
  let hi: number = ASSUMPTIONS.newCustomersPerMonth.max;
  if (npvAt(lo) >= 0) return 0;
  if (npvAt(hi) < 0) return null;
  while (hi - lo > 1e-3) {
    const mid = 0.5 * (lo + hi);
    if (npvAt(mid) >= 0) hi = mid;
    else lo = mid;
  }
  return hi;
}
