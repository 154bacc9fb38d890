/**
 * Tier progression: which tier the partner holds each month, and what reaching the tiers
 * is worth against staying at the entry tier.
 *
 * Requirements as modelled (tiers are listed entry first; the entry tier is held from
 * month 0, whatever its requirements, since signing up is how a partner joins):
 * - annualRevenue: list value of the vendor's product sold or influenced (new business
 *   and renewals) over the trailing 12 months, all types of a mix together.
 * - certifiedStaff: people certified at month 0 (`certifications`) plus hires, who count
 *   once their ramp is over (from month 1 + hireRampMonths); a mix adds them by weight.
 * - referralsOrInfluencedDeals: new customers over the trailing 12 months.
 * - customerSatisfaction: treated as met (the engine does not model satisfaction).
 * - publishedContent: one piece a quarter, the first one quarter after the first deal
 *   (a case study of it).
 * Tiers are climbed in order and, once reached, kept: the growth paths modelled never
 * shrink trailing revenue enough to lose one. Benefits apply from the month a tier is
 * reached; the resale margin, rebate and MDF rates are the assumption's (which stands for
 * the entry tier) plus the tier's uplift over the entry tier; the referral fee is the larger of
 * the assumption's and the tier's.
 */
import type { AssumptionKey, Assumptions } from '../assumption-registry.ts';
import type { Tier, TierBenefits, TierRequirements } from '../schema/vendor.ts';
import type { Simulation } from './simulate.ts';
import {
  STREAM_KINDS,
  type BenefitValue,
  type ModelledRequirement,
  type StreamKind,
  type StreamRecord,
  type SupersededOverride,
  type TierMetrics,
  type TierStep,
} from './types.ts';

export const MODELLED_REQUIREMENTS = [
  'annualRevenue',
  'certifiedStaff',
  'referralsOrInfluencedDeals',
  'publishedContent',
] as const satisfies readonly ModelledRequirement[];

export const CONTENT_EVERY_MONTHS = 3;

/** The assumptions a tier's benefits set: rate by rate, the benefit and the stream it pays into. */
export const TIER_RATES = [
  { key: 'resaleMargin', benefit: 'discount', stream: 'resale' },
  { key: 'rebateRate', benefit: 'rebate', stream: 'rebate' },
  { key: 'mdfRate', benefit: 'mdfRate', stream: 'mdf' },
  { key: 'referralFeeRate', benefit: 'referralFee', stream: 'referral' },
  { key: 'referralFeeCap', benefit: 'referralFeeCap', stream: 'referral' },
] as const satisfies readonly {
  key: AssumptionKey;
  benefit: keyof TierBenefits;
  stream: StreamKind;
}[];

/**
 * Typed rates a tier pays more than, from the month it is reached (the case uses the tier's
 * rate from then): what the page and the CLI tell the user about their own value.
 */
export function supersededOverrides(
  lanes: readonly {
    type: string;
    streams: readonly StreamKind[];
    overridden: readonly AssumptionKey[];
    assumptions: Assumptions;
  }[],
  timeline: readonly TierStep[],
  tiers: readonly Tier[],
): SupersededOverride[] {
  const out: SupersededOverride[] = [];
  for (const { key, benefit, stream } of TIER_RATES) {
    const lane = lanes.find((l) => l.overridden.includes(key) && l.streams.includes(stream));
    if (!lane) continue;
    const typed = lane.assumptions[key];
    const more = (v: number) =>
      key === 'referralFeeCap' ? (v === 0 ? typed !== 0 : typed !== 0 && v > typed) : v > typed;
    const k = timeline.findIndex(
      (t, i) => i > 0 && t.reachedMonth !== null && more(tiers[i]!.benefits[benefit]),
    );
    if (k > 0)
      out.push({
        key,
        typed,
        tier: timeline[k]!.name,
        month: timeline[k]!.reachedMonth!,
        value: tiers[k]!.benefits[benefit],
      });
  }
  return out;
}

/** Pieces published by month t: one a quarter, the first one quarter after the first deal. */
export const publishedContent = (month: number, firstDealMonth: number): number =>
  firstDealMonth < 0 || month < firstDealMonth
    ? 0
    : Math.floor((month - firstDealMonth) / CONTENT_EVERY_MONTHS);

// Trailing sums of fractional customers carry rounding noise; a requirement met to 1e-9 is met.
export const atLeast = (have: number, need: number) => have >= need - 1e-9 * Math.max(1, need);

export const requirementMet = (
  req: TierRequirements,
  key: ModelledRequirement,
  m: TierMetrics,
): boolean => atLeast(m[key], req[key]);

/** All modelled requirements met (customer satisfaction is treated as met). */
export const meetsTier = (req: TierRequirements, m: TierMetrics): boolean =>
  atLeast(m.annualRevenue, req.annualRevenue) &&
  atLeast(m.certifiedStaff, req.certifiedStaff) &&
  atLeast(m.referralsOrInfluencedDeals, req.referralsOrInfluencedDeals) &&
  atLeast(m.publishedContent, req.publishedContent);

/** The tier timeline for the report. */
export function tierTimeline(sim: Simulation, tiers: readonly Tier[]): TierStep[] {
  return tiers.map((tier, k) => {
    let reached: number | null = null;
    for (let t = 0; t <= sim.horizon; t++) {
      if (sim.tier[t]! >= k) {
        reached = t;
        break;
      }
    }
    const requirementMetMonth = {} as Record<ModelledRequirement, number | null>;
    MODELLED_REQUIREMENTS.forEach((r, j) => {
      const m = sim.requirementMetMonth[k * MODELLED_REQUIREMENTS.length + j]!;
      requirementMetMonth[r] = m < 0 ? null : m;
    });
    const b = tier.benefits;
    return {
      id: tier.id,
      name: tier.name,
      reachedMonth: reached,
      requirements: tier.requirements,
      requirementMetMonth,
      unmet:
        reached === null
          ? MODELLED_REQUIREMENTS.filter(
              (r) => !requirementMet(tier.requirements, r, sim.finalMetrics),
            )
          : [],
      benefits: {
        discount: b.discount,
        rebate: b.rebate,
        mdfRate: b.mdfRate,
        referralFee: b.referralFee,
        referralFeeCap: b.referralFeeCap,
        programFeeAnnual: b.programFeeAnnual,
        privateOffers: b.marketplace.privateOffers,
        marketplaceFeeRebate: b.marketplace.feeRebate,
      },
    };
  });
}

/**
 * What the tiers are worth: the case against the same case held at the entry tier for the
 * whole horizon. Extra gross profit (margin, rebates, MDF, referral fees, marketplace terms)
 * and extra program fees are attributed to the tier held in the month the money arrives.
 */
export function benefitValue(
  sim: Simulation,
  entryOnly: Simulation,
  tiers: readonly Tier[],
): BenefitValue {
  const byTier = tiers.map((t) => ({
    tier: t.id,
    name: t.name,
    extraGrossProfit: 0,
    extraProgramFees: 0,
    net: 0,
  }));
  const byStream = {} as StreamRecord;
  for (const s of STREAM_KINDS) {
    let d = 0;
    const a = sim.grossProfit[s];
    const e = entryOnly.grossProfit[s];
    for (let t = 0; t <= sim.horizon; t++) d += a[t]! - e[t]!;
    byStream[s] = d;
  }
  let extraGrossProfit = 0;
  let extraProgramFees = 0;
  for (let t = 0; t <= sim.horizon; t++) {
    const row = byTier[sim.tier[t]!]!;
    const gp = sim.grossProfitTotal[t]! - entryOnly.grossProfitTotal[t]!;
    const fees = sim.costs.programFees[t]! - entryOnly.costs.programFees[t]!;
    row.extraGrossProfit += gp;
    row.extraProgramFees += fees;
    extraGrossProfit += gp;
    extraProgramFees += fees;
  }
  for (const row of byTier) row.net = row.extraGrossProfit - row.extraProgramFees;
  return {
    total: extraGrossProfit - extraProgramFees,
    extraGrossProfit,
    extraProgramFees,
    byTier,
    byStream,
  };
}
