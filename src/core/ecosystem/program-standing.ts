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
import { TIER_RATES } from '../business-case/tiers.ts';
import type { ModelledRequirement } from '../business-case/types.ts';
import { partnerTypeById, type Dataset } from '../dataset.ts';
import type { StreamKind } from '../schema/partner-type.ts';
import type { Tier } from '../schema/vendor.ts';
import { resultWords } from '../wording.ts';

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

/** Main's five requirements as metrics (ids as the business-case issue's default program names them). */
const REQUIREMENT_METRICS: Record<
  ModelledRequirement | 'customerSatisfaction',
  { metric: string; name: string; unit: 'currency' | 'count' | 'score' }
> = {
  annualRevenue: { metric: 'revenue', name: 'revenue sold or influenced', unit: 'currency' },
  certifiedStaff: { metric: 'certified-people', name: 'certified people', unit: 'count' },
  referralsOrInfluencedDeals: {
    metric: 'deals',
    name: 'deals registered or influenced',
    unit: 'count',
  },
  customerSatisfaction: {
    metric: 'customer-satisfaction',
    name: 'customer satisfaction',
    unit: 'score',
  },
  publishedContent: { metric: 'published-content', name: 'published pieces', unit: 'count' },
};

/**
 * How each benefit pays, in the engine (TIER_RATES): the streams a type must earn from to use
 * it, and why as a sentence (shared by the benefits that pay the same way, so a finding says
 * it once for several).
 */
const RESALE_WHY = 'Discounts, rebates and MDF are paid on what a partner resells.';
const REFERRAL_WHY = 'The referral fee is paid on customers a partner refers.';
const BENEFIT_STREAMS: Partial<Record<Benefit, { streams: StreamKind[]; why: string }>> = {
  ...Object.fromEntries(
    TIER_RATES.filter((r) => r.benefit !== 'referralFeeCap').map((r) => [
      r.benefit,
      {
        streams: [r.stream],
        why: r.stream === 'referral' ? REFERRAL_WHY : RESALE_WHY,
      },
    ]),
  ),
  privateOffers: {
    streams: ['resale'],
    why: 'Marketplace private offers are for partners that resell through a cloud marketplace.',
  },
};

const OPTIONS = { scenarios: false, sensitivity: false, breakEven: false } as const;

/** A gate in words: "$600,000 of revenue sold or influenced a year", "8 certified people". */
function gateText(
  g: { unit: 'currency' | 'count' | 'score'; name: string; min: number },
  w: ReturnType<typeof resultWords>,
): string {
  if (g.unit === 'currency') return `${w.money(g.min)} of ${g.name} a year`;
  if (g.unit === 'score') return `a ${g.name} score of ${w.number(g.min, 0)}`;
  return `${w.number(g.min, 1)} ${g.name}`;
}

/** How a type stands in the program at its default business case, and the case's horizon. */
export function programStanding(
  d: Dataset,
  typeId: string,
): TypeProgramStanding & { horizonMonths: number } {
  const type = partnerTypeById(d, typeId);
  if (!type) throw new Error(`unknown partner type "${typeId}"`);
  const w = resultWords({ currency: d.vendor.currency, locale: d.vendor.locale });
  const result = runCase(d, { mix: [{ type: typeId, weight: 1 }] }, OPTIONS);
  const horizon = result.assumptions.horizonMonths;
  const tiers = d.vendor.tiers.map((tier: Tier, k): TypeTierStanding => {
    const step = result.tiers[k]!;
    const short = (step.reachedMonth === null ? step.unmet : []).map((r) => {
      const m = REQUIREMENT_METRICS[r];
      return {
        metric: m.metric,
        gate: gateText({ ...m, min: tier.requirements[r] }, w),
        why: `the default case does not get there by month ${horizon}`,
      };
    });
    return {
      tier: tier.id,
      name: tier.name,
      // Every type produces every metric of main's tiers: nothing locks a type out.
      reachable: true,
      reachedMonth: step.reachedMonth,
      eligibleMonth: step.reachedMonth,
      declined: false,
      lockedBy: [],
      short,
    };
  });
  const benefits = BENEFITS.map((benefit): TypeBenefitUse => {
    const rule = BENEFIT_STREAMS[benefit];
    if (!rule) return { benefit, usable: true, why: 'Open to every partner type.' };
    return {
      benefit,
      usable: rule.streams.some((s) => type.businessCase.streams.includes(s)),
      why: rule.why,
    };
  });
  return { type: typeId, name: type.name, tiers, benefits, horizonMonths: horizon };
}

/** A benefit's value at a tier, for tables: a rate, a count, yes or no. */
export function benefitAt(tier: Tier, benefit: Benefit): number | boolean {
  const b = tier.benefits;
  return benefit === 'privateOffers' ? b.marketplace.privateOffers : b[benefit];
}
