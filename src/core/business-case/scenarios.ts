/**
 * Three scenarios around the expected case, moving the drivers a recruiter is least sure of.
 * They are named by what they assume, not by how they turn out: when the expected case loses
 * money, more volume can lose more, and a scenario called "upside" would then be the worst.
 *
 *   scenario                    new customers   value per customer   ramp (to first deal, to steady state)
 *   lower: Less volume, slower  x 0.7           x 0.7                x 1.5 (slower)
 *   expected: Expected          x 1             x 1                  x 1
 *   higher: More volume, faster x 1.2           x 1.2                x 0.75 (faster)
 *
 * A customer's value is what each stream earns on: the deal value, and a stream's own revenue
 * per customer (`perCustomer` in stream-kinds.ts: a managed fee, a course, a subscription), so a
 * training partner's lower case has smaller courses, not only smaller deals it never earns on.
 * Moved values are brought back inside the registry bounds.
 */
import type { AssumptionKey, Assumptions } from '../assumption-registry.ts';
import { STREAMS } from '../stream-kinds.ts';
import type { Bands } from './bands.ts';
import { clampAssumption } from './resolve.ts';
import { summarise } from './report.ts';
import {
  simulate,
  withAssumptions,
  type SimLane,
  type SimOptions,
  type Simulation,
} from './simulate.ts';
import type { ScenarioMultipliers, ScenarioResult } from './types.ts';

export const SCENARIOS: readonly {
  id: ScenarioResult['id'];
  label: string;
  multipliers: ScenarioMultipliers;
}[] = [
  {
    id: 'lower',
    label: 'Less volume, slower',
    multipliers: { newCustomersPerMonth: 0.7, valuePerCustomer: 0.7, ramp: 1.5 },
  },
  {
    id: 'expected',
    label: 'Expected',
    multipliers: { newCustomersPerMonth: 1, valuePerCustomer: 1, ramp: 1 },
  },
  {
    id: 'higher',
    label: 'More volume, faster',
    multipliers: { newCustomersPerMonth: 1.2, valuePerCustomer: 1.2, ramp: 0.75 },
  },
];

/** Every input that says what a customer is worth, in any stream (the deal value among them). */
const PER_CUSTOMER: readonly AssumptionKey[] = [
  ...new Set(Object.values(STREAMS).map((s) => s.perCustomer)),
];

export function applyScenario(a: Assumptions, m: ScenarioMultipliers): Assumptions {
  const out: Assumptions = {
    ...a,
    newCustomersPerMonth: clampAssumption(
      'newCustomersPerMonth',
      a.newCustomersPerMonth * m.newCustomersPerMonth,
    ),
    monthsToFirstDeal: clampAssumption('monthsToFirstDeal', a.monthsToFirstDeal * m.ramp),
    monthsToSteadyState: clampAssumption('monthsToSteadyState', a.monthsToSteadyState * m.ramp),
  };
  for (const k of PER_CUSTOMER) out[k] = clampAssumption(k, a[k] * m.valuePerCustomer);
  return out;
}

/** The three scenarios; `expected` may reuse an already computed summary. */
export function runScenarios(
  lanes: readonly SimLane[],
  opts: SimOptions,
  discountRateAnnual: number,
  expected?: ScenarioResult['summary'],
  bands?: Bands,
): ScenarioResult[] {
  let scratch: Simulation | undefined;
  return SCENARIOS.map((s) => {
    if (s.id === 'expected' && expected)
      return { id: s.id, label: s.label, multipliers: s.multipliers, summary: expected };
    scratch = simulate(
      withAssumptions(lanes, (a) => applyScenario(a, s.multipliers)),
      { ...opts, standings: false },
      scratch,
    );
    return {
      id: s.id,
      label: s.label,
      multipliers: s.multipliers,
      summary: summarise(scratch, discountRateAnnual, bands),
    };
  });
}
