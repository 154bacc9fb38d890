/**
 * How one partner type stands in the vendor's program: for each tier, its gates and when its
 * default business case meets them; for each benefit, whether the type can use it. The program
 * audit reads the program only through this module.
 *
 * It reads the tiers the way the business-case engine does, from the engine's own case
 * (`runCase(...).tiers`: the month each tier and each requirement is reached), so the audit and
 * every case agree. The business-case issue is moving tier requirements to gates on metrics the
 * vendor records, with which types can produce each and what each benefit needs, behind one
 * function (`tierProgress`); when it lands, this module reads that function and that data
 * instead, and nothing else in the audit changes. Until then every type can produce every
 * requirement (the engine counts sold or influenced revenue for all of them), so no gate locks a
 * type out structurally, and a benefit is usable when the engine pays it into a stream the type
 * earns from (TIER_RATES).
 */
import { runCase } from '../business-case/case.ts';
import { TIER_RATES } from '../business-case/tiers.ts';
import type { ModelledRequirement } from '../business-case/types.ts';
import { partnerTypeById, type Dataset } from '../dataset.ts';
import type { StreamKind } from '../schema/partner-type.ts';
import type { Tier, TierRequirements } from '../schema/vendor.ts';

export type MetricUnit = 'currency' | 'count' | 'score';

/** One gate of a tier, as a type's default case meets it. */
export interface GateStanding {
  metric: string;
  name: string;
  unit: MetricUnit;
  min: number;
  /** The type cannot produce this metric: the gate locks it out whatever its case. */
  lockedOut: boolean;
  /** First month the gate alone is met (null: not within the horizon). */
  metMonth: number | null;
}

export interface TierStanding {
  id: string;
  name: string;
  /** Month the default case holds the tier (the entry tier: 0); null: not within the horizon. */
  reachedMonth: number | null;
  gates: GateStanding[];
  /** Gates the type cannot produce. */
  lockedBy: GateStanding[];
  /** Gates still unmet at the end of the horizon (a tier not reached). */
  unmet: GateStanding[];
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

export interface BenefitStanding {
  benefit: Benefit;
  usable: boolean;
  /** What using it takes, as words that follow "it is": "paid on what a partner resells". */
  why: string;
}

export interface ProgramStanding {
  type: string;
  horizonMonths: number;
  tiers: TierStanding[];
  benefits: BenefitStanding[];
}

/** Main's five requirements as metrics (ids as the business-case issue's default program names them). */
const REQUIREMENT_METRICS: Record<
  ModelledRequirement | 'customerSatisfaction',
  { metric: string; name: string; unit: MetricUnit }
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

const BENEFIT_STREAMS: Partial<Record<Benefit, { streams: StreamKind[]; why: string }>> = {
  ...Object.fromEntries(
    TIER_RATES.filter((r) => r.benefit !== 'referralFeeCap').map((r) => [
      r.benefit,
      {
        streams: [r.stream],
        why:
          r.stream === 'referral'
            ? 'paid on customers a partner refers'
            : 'paid on what a partner resells',
      },
    ]),
  ),
  privateOffers: {
    streams: ['resale'],
    why: 'for partners that resell through a cloud marketplace',
  },
};

const OPTIONS = { scenarios: false, sensitivity: false, breakEven: false } as const;

function gatesOf(requirements: TierRequirements): GateStanding[] {
  return (Object.keys(REQUIREMENT_METRICS) as (keyof typeof REQUIREMENT_METRICS)[])
    .filter((k) => requirements[k] > 0)
    .map((k) => ({
      ...REQUIREMENT_METRICS[k],
      min: requirements[k],
      lockedOut: false,
      metMonth: null,
    }));
}

/** How a type stands in the program at its default business case. */
export function programStanding(d: Dataset, typeId: string): ProgramStanding {
  const type = partnerTypeById(d, typeId);
  if (!type) throw new Error(`unknown partner type "${typeId}"`);
  const result = runCase(d, { mix: [{ type: typeId, weight: 1 }] }, OPTIONS);
  const tiers = d.vendor.tiers.map((tier: Tier, k): TierStanding => {
    const step = result.tiers[k]!;
    const gates = gatesOf(tier.requirements).map((g) => {
      const key = (Object.keys(REQUIREMENT_METRICS) as (keyof typeof REQUIREMENT_METRICS)[]).find(
        (r) => REQUIREMENT_METRICS[r].metric === g.metric,
      )!;
      // Satisfaction is treated as met by the engine.
      const met = key === 'customerSatisfaction' ? 0 : step.requirementMetMonth[key];
      return { ...g, metMonth: k === 0 ? 0 : met };
    });
    return {
      id: tier.id,
      name: tier.name,
      reachedMonth: step.reachedMonth,
      gates,
      lockedBy: gates.filter((g) => g.lockedOut),
      unmet: step.reachedMonth === null ? gates.filter((g) => g.metMonth === null) : [],
    };
  });
  const benefits = BENEFITS.map((benefit): BenefitStanding => {
    const rule = BENEFIT_STREAMS[benefit];
    if (!rule) return { benefit, usable: true, why: 'open to every partner type' };
    return {
      benefit,
      usable: rule.streams.some((s) => type.businessCase.streams.includes(s)),
      why: rule.why,
    };
  });
  return { type: typeId, horizonMonths: result.assumptions.horizonMonths, tiers, benefits };
}

/** A benefit's value at a tier, for tables: a rate, a count, yes or no. */
export function benefitAt(tier: Tier, benefit: Benefit): number | boolean {
  const b = tier.benefits;
  return benefit === 'privateOffers' ? b.marketplace.privateOffers : b[benefit];
}
