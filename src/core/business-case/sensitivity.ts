/**
 * Sensitivity: each driver moved to x0.8 and x1.2 (in every type of a mix), the effect on
 * NPV, sorted by swing |NPV(up) - NPV(down)|, largest first. The model takes fractional
 * people, customers and months, so every move is exactly x0.8 or x1.2, unless it meets the
 * registry's bound (a renewal rate of 90% x 1.2 stops at 100%): such a move is marked
 * `atBound`. A move that changes the highest tier the case reaches names that tier.
 *
 * Drivers are the assumptions the case's streams and costs read: volume and deal value
 * always, each stream's own keys, cost keys that apply (certification fees and hours only
 * with certifications, hire cost and ramp only with hires, the program fee only when it is
 * pinned rather than following the tiers) and the discount rate; keys at 0 in every type
 * are left out (20% of nothing moves nothing), and so is the horizon (a frame, not a driver).
 * The rows report the values actually used.
 */
import { ASSUMPTIONS, type AssumptionKey } from '../assumption-registry.ts';
import { clampAssumption } from './resolve.ts';
import { caseNpv } from './report.ts';
import {
  simulate,
  withAssumptions,
  type SimLane,
  type SimOptions,
  type Simulation,
} from './simulate.ts';
import { STREAMS } from '../stream-kinds.ts';
import type { SensitivityPoint, SensitivityRow } from './types.ts';

export const SENSITIVITY_STEP = 0.2;

const VOLUME_KEYS: AssumptionKey[] = [
  'newCustomersPerMonth',
  'monthsToFirstDeal',
  'monthsToSteadyState',
  'dealValue',
  'renewalRate',
];
/** The assumptions in use for these lanes, in registry order. */
export function sensitivityDrivers(lanes: readonly SimLane[]): AssumptionKey[] {
  const used = new Set<AssumptionKey>(VOLUME_KEYS);
  const any = (f: (l: SimLane) => boolean) => lanes.some(f);
  for (const lane of lanes)
    for (const s of lane.streams) for (const k of STREAMS[s].drivers) used.add(k);
  if (any((l) => l.assumptions.certifications > 0))
    for (const k of [
      'certifications',
      'certificationFee',
      'certificationHours',
      'loadedHourlyCost',
    ] as const)
      used.add(k);
  if (any((l) => l.assumptions.hires > 0))
    for (const k of ['hires', 'hireCostAnnual', 'hireRampMonths'] as const) used.add(k);
  if (any((l) => l.programFeePinned)) used.add('programFeeAnnual');
  if (any((l) => l.streams.includes('resale'))) used.add('costPerOrder');
  used.add('labCostMonthly');
  used.add('marketingMonthly');
  used.add('discountRateAnnual');
  return (Object.keys(ASSUMPTIONS) as AssumptionKey[]).filter(
    (k) => used.has(k) && lanes.some((l) => l.assumptions[k] !== 0),
  );
}

/** A value moved by `factor`, inside the registry's bounds (a move that meets a bound stops there). */
export function moveValue(key: AssumptionKey, value: number, factor: number): number {
  return clampAssumption(key, value * factor);
}

/** The highest tier a lane holds by the end of the horizon (tiers, once reached, are kept). */
const topTier = (sim: Simulation, lane: number): number => sim.laneTiers[lane]?.[sim.horizon] ?? 0;

/** The first lane whose highest tier the move changes: that tier, reached or missed. */
function crossing(
  base: Simulation,
  moved: Simulation,
  tierNames: readonly string[],
): SensitivityPoint['tier'] {
  for (let l = 0; l < base.laneTiers.length; l++) {
    const before = topTier(base, l);
    const after = topTier(moved, l);
    if (after > before) return { name: tierNames[after] ?? String(after), reached: true };
    if (after < before) return { name: tierNames[before] ?? String(before), reached: false };
  }
  return undefined;
}

export function sensitivityTable(
  lanes: readonly SimLane[],
  opts: SimOptions,
  discountRateAnnual: number,
  base?: Simulation,
): SensitivityRow[] {
  const baseSim = base ?? simulate(lanes, opts);
  const tierNames = opts.tiers.map((t) => t.name);
  const rows: SensitivityRow[] = [];
  let scratch: Simulation | undefined; // one set of arrays for every moved run
  const reruns = { ...opts, standings: false };
  const blend = (key: AssumptionKey, ls: readonly SimLane[]) =>
    ls.reduce((s, l) => s + l.weight * l.assumptions[key], 0);
  for (const key of sensitivityDrivers(lanes)) {
    const point = (factor: number): SensitivityPoint => {
      if (key === 'discountRateAnnual') {
        const rate = moveValue(key, discountRateAnnual, factor);
        return {
          value: rate,
          npv: caseNpv(baseSim, rate),
          atBound: rate !== discountRateAnnual * factor,
        };
      }
      let atBound = false;
      const moved = withAssumptions(lanes, (a) => {
        const v = moveValue(key, a[key], factor);
        if (v !== a[key] * factor) atBound = true;
        return { ...a, [key]: v };
      });
      scratch = simulate(moved, reruns, scratch);
      const tier = crossing(baseSim, scratch, tierNames);
      return {
        value: blend(key, moved),
        npv: caseNpv(scratch, discountRateAnnual),
        atBound,
        ...(tier ? { tier } : {}),
      };
    };
    const low = point(1 - SENSITIVITY_STEP);
    const high = point(1 + SENSITIVITY_STEP);
    rows.push({
      key,
      label: ASSUMPTIONS[key].label,
      base: key === 'discountRateAnnual' ? discountRateAnnual : blend(key, lanes),
      low,
      high,
      swing: Math.abs(high.npv - low.npv),
    });
  }
  return rows.sort((a, b) => b.swing - a.swing);
}
