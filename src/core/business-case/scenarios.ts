/**
 * Three scenarios around the expected case, moving the drivers a recruiter is least sure of.
 * They are named by what they assume, not by how they turn out: when the expected case loses
 * money, more volume can lose more, and a scenario called "upside" would then be the worst.
 *
 *   scenario                    new customers   deal value   ramp (to first deal, to steady state)
 *   lower: Less volume, slower  x 0.7           x 0.7        x 1.5 (slower)
 *   expected: Expected          x 1             x 1          x 1
 *   higher: More volume, faster x 1.2           x 1.2        x 0.75 (faster)
 *
 * Moved values are brought back inside the registry bounds.
 */
import type { Assumptions } from '../assumption-registry.ts';
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
    multipliers: { newCustomersPerMonth: 0.7, dealValue: 0.7, ramp: 1.5 },
  },
  {
    id: 'expected',
    label: 'Expected',
    multipliers: { newCustomersPerMonth: 1, dealValue: 1, ramp: 1 },
  },
  {
    id: 'higher',
    label: 'More volume, faster',
    multipliers: { newCustomersPerMonth: 1.2, dealValue: 1.2, ramp: 0.75 },
  },
];

export const applyScenario = (a: Assumptions, m: ScenarioMultipliers): Assumptions => ({
  ...a,
  newCustomersPerMonth: clampAssumption(
    'newCustomersPerMonth',
    a.newCustomersPerMonth * m.newCustomersPerMonth,
  ),
  dealValue: clampAssumption('dealValue', a.dealValue * m.dealValue),
  monthsToFirstDeal: clampAssumption('monthsToFirstDeal', a.monthsToFirstDeal * m.ramp),
  monthsToSteadyState: clampAssumption('monthsToSteadyState', a.monthsToSteadyState * m.ramp),
});

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
