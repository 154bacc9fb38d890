/**
 * How one partner type stands in the vendor's program: for each tier, its gates and when its
 * default business case meets them; for each benefit, whether the type can use it. The program
 * audit reads the program only through this module.
 *
 * It reads the tiers the way the business-case engine does, from the engine's own case
 * (`runCase(...).tiers`: the month each tier and each requirement is reached), so the audit and
 * every case agree. The business-case issue is moving tier requirements to gates on metrics the
 * vendor records, with which types can produce each and what each benefit needs, behind one
 * function (`typeProgramStanding`, over `tierProgress`); the types below are that function's
 * shapes, so when it lands `programStanding` becomes a call to it and nothing else in the audit
 * changes. Until then every type can produce every
 * requirement (the engine counts sold or influenced revenue for all of them), so no gate locks a
 * type out structurally, and a benefit is usable when the engine pays it into a stream the type
 * earns from (TIER_RATES).
 */
import { runCase } from '../business-case/case.ts';
import { typeProgramStanding } from '../business-case/tier-standing.ts';
import { partnerTypeById, type Dataset } from '../dataset.ts';
import type { Tier } from '../schema/vendor.ts';

/**
 * One gate of a tier, as it holds a type back (the business-case issue's `GateWhy`): the metric,
 * the gate in words ("$600,000 of revenue sold or influenced a year"), and why it holds the type
 * back.
 */
export interface GateWhy {
  metric: string;
  gate: string;
  why: string;
}

/** Where a type stands at one tier (the business-case issue's `TypeTierStanding`). */
export interface TypeTierStanding {
  tier: string;
  name: string;
  /** The type can produce every metric the tier's gates are on (it may still not get there). */
  reachable: boolean;
  /** Month the type's default case holds the tier (the entry tier: 0); null: not within the horizon. */
  reachedMonth: number | null;
  /** Month every gate is met; null: not within the horizon. */
  eligibleMonth: number | null;
  /** Eligible, but not taken: its fee buys nothing the case earns on. */
  declined: boolean;
  /** Gates on metrics the type cannot produce: they lock it out whatever its case. */
  lockedBy: GateWhy[];
  /** Gates it can produce but has not met by the end of the default case. */
  short: GateWhy[];
}

export const BENEFITS = [
  'discount',
  'rebate',
  'mdfRate',
  'referralFee',
  'coSell',
  'nfrLicences',
  'trainingVouchers',
  'privateOffers',
] as const;
export type Benefit = (typeof BENEFITS)[number];

export const BENEFIT_LABELS: Record<Benefit, string> = {
  discount: 'Resale discount',
  rebate: 'Rebate',
  mdfRate: 'Market development funds (MDF)',
  referralFee: 'Referral fee',
  coSell: 'Co-selling with vendor account teams',
  nfrLicences: 'Not-for-resale licences',
  trainingVouchers: 'Certification vouchers',
  privateOffers: 'Marketplace private offers',
};

/** Whether a type can use a benefit, and why (the business-case issue's `TypeBenefitUse`). */
export interface TypeBenefitUse {
  benefit: Benefit;
  usable: boolean;
  /** Why, as a sentence: "The resale discount is paid on what a partner resells." */
  why: string;
}

/** A type's standing in the program (the business-case issue's `TypeProgramStanding`). */
export interface TypeProgramStanding {
  type: string;
  name: string;
  tiers: TypeTierStanding[];
  benefits: TypeBenefitUse[];
}

/** How a type stands in the program at its default business case, and the case's horizon. */
export function programStanding(
  d: Dataset,
  typeId: string,
): TypeProgramStanding & { horizonMonths: number } {
  const type = partnerTypeById(d, typeId);
  if (!type) throw new Error(`unknown partner type "${typeId}"`);
  // The business case's own reading of the program (tierProgress), so the audit and every case
  // agree; a benefit the program sets no rule for is open to every type.
  const s = typeProgramStanding(d, typeId);
  return {
    type: s.type,
    name: s.name,
    tiers: s.tiers,
    benefits: s.benefits.map((b) => ({ ...b, why: b.why || 'Open to every partner type.' })),
    horizonMonths: runCase(d, { mix: [{ type: typeId, weight: 1 }] }, OPTIONS).assumptions
      .horizonMonths,
  };
}

const OPTIONS = { scenarios: false, sensitivity: false, breakEven: false } as const;

/** A benefit's value at a tier, for tables: a rate, a count, yes or no. */
export function benefitAt(tier: Tier, benefit: Benefit): number | boolean {
  const b = tier.benefits;
  return benefit === 'privateOffers' ? b.marketplace.privateOffers : b[benefit];
}
