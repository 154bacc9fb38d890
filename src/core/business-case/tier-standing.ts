/**
 * Where a partner type stands in the vendor's program, from its default case: for each tier,
 * whether the type can reach it at all, the month its default case reaches it, and the gates
 * that lock it out or are still short; for each benefit, whether the type can use it and why.
 * The program audit (issue 16) and anything else that judges the program per type reads this,
 * so it always agrees with the business case (both come from `tierProgress` in program.ts).
 */
import { partnerTypeById, type Dataset } from '../dataset.ts';
import { resultWords } from '../wording.ts';
import { gateText } from '../tier-view.ts';
import { defaultCase, MAIN_ONLY, runCase } from './run-case.ts';
import type { BenefitKey } from '../program-keys.ts';
import type { CaseRequest, LaneTiers } from './types.ts';

export interface GateWhy {
  /** The program metric the gate is on (`program.metrics[].id` in vendor.yaml). */
  metric: string;
  /** The gate in words: "$600,000 of transacted revenue a year". */
  gate: string;
  /** Why it holds the type back: "a referral partner does not produce transacted revenue". */
  why: string;
}

export interface TypeTierStanding {
  tier: string;
  name: string;
  /** The type can produce every metric the tier's gates are on (it may still not get there). */
  reachable: boolean;
  /** Month the type's default case holds the tier (0 for the entry tier); null if not within the horizon. */
  reachedMonth: number | null;
  /** Month every gate is met; null if not within the horizon. */
  eligibleMonth: number | null;
  /** Eligible, but not taken: its fee buys nothing the case earns on. */
  declined: boolean;
  /** It raises a rate the type's case earns on (the entry tier: true); false: it pays the type nothing. */
  pays: boolean;
  /** Gates on metrics the type cannot produce: they lock it out whatever its case. */
  lockedBy: GateWhy[];
  /** Gates it can produce but has not met by the end of the default case. */
  short: GateWhy[];
}

export interface TypeBenefitUse {
  benefit: BenefitKey;
  usable: boolean;
  /** The program's reason (vendor.yaml `program.benefits[].why`). */
  why: string;
}

export interface TypeProgramStanding {
  type: string;
  name: string;
  /** The tier the type's plan aims for (`businessCase.targetTier`), if it names one. */
  targetTier: string | undefined;
  /** Months the case runs: the horizon the standings are judged over. */
  horizonMonths: number;
  tiers: TypeTierStanding[];
  benefits: TypeBenefitUse[];
}

/** A lane's tiers and benefits as standings (a lane of a case already run over `horizon` months). */
export function laneStanding(
  dataset: Dataset,
  lane: LaneTiers,
  horizon: number,
  targetTier?: string,
): TypeProgramStanding {
  const w = resultWords({ currency: dataset.vendor.currency, locale: dataset.vendor.locale });
  const who = (() => {
    const lower = /^[A-Z]{2}/.test(lane.name)
      ? lane.name
      : lane.name.charAt(0).toLowerCase() + lane.name.slice(1);
    return `${/^[aeiou]/i.test(lower) || /^(ISV|MSP|SI)\b/.test(lower) ? 'an' : 'a'} ${lower}`;
  })();
  return {
    type: lane.type,
    name: lane.name,
    targetTier,
    horizonMonths: horizon,
    tiers: lane.tiers.map((t) => ({
      tier: t.id,
      name: t.name,
      reachable: t.lockedBy.length === 0,
      reachedMonth: t.reachedMonth,
      eligibleMonth: t.eligibleMonth,
      declined: t.declined,
      pays: t.pays,
      lockedBy: t.lockedBy.map((g) => ({
        metric: g.metric,
        gate: gateText(g, w),
        why: `${who} does not produce ${g.name.charAt(0).toLowerCase()}${g.name.slice(1)}`,
      })),
      short: t.unmet.map((g) => ({
        metric: g.metric,
        gate: gateText(g, w),
        why: `the case has ${g.unit === 'currency' ? w.money(g.valueAtEnd) : w.number(g.valueAtEnd, 1)} by month ${horizon}`,
      })),
    })),
    benefits: lane.benefits.map((b) => ({ benefit: b.benefit, usable: b.usable, why: b.why })),
  };
}

/**
 * A type's standing in the program at its default case (or at `request`'s vertical, segment and
 * overrides). Throws CaseRequestError for a type that is not in the data.
 */
export function typeProgramStanding(
  dataset: Dataset,
  typeId: string,
  request: Omit<CaseRequest, 'mix'> = {},
): TypeProgramStanding {
  const r =
    Object.keys(request).length === 0 && partnerTypeById(dataset, typeId)
      ? defaultCase(dataset, typeId)
      : runCase(dataset, { ...request, mix: [{ type: typeId, weight: 1 }] }, MAIN_ONLY);
  const lane = r.laneTiers[0]!;
  const type = dataset.partnerTypes.find((t) => t.id === lane.type);
  return laneStanding(dataset, lane, r.assumptions.horizonMonths, type?.businessCase.targetTier);
}

/** Every type's standing, in the data's order. */
export const programStandings = (dataset: Dataset): TypeProgramStanding[] =>
  dataset.partnerTypes.map((t) => typeProgramStanding(dataset, t.id));
