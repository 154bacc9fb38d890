/**
 * Three scenarios around the expected case, moving the drivers a recruiter is least sure of:
 *
 *   scenario      new customers   deal value   ramp (months to first deal and to steady state)
 *   conservative  x 0.7           x 0.7        x 1.5 (slower)
 *   expected      x 1             x 1          x 1
 *   upside        x 1.2           x 1.2        x 0.75 (faster)
 *
 * Moved values are brought back inside the registry bounds; months are rounded.
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
    id: 'conservative',
    label: 'Conservative',
    multipliers: { newCustomersPerMonth: 0.7, dealValue: 0.7, ramp: 1.5 },
  },
  {
    id: 'expected',
    label: 'Expected',
    multipliers: { newCustomersPerMonth: 1, dealValue: 1, ramp: 1 },
  },
  {
    id: 'upside',
    label: 'Upside',
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
      opts,
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
