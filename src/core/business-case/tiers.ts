/**
 * Tiers in a case: the timeline each partner type climbs, what each tier is worth against
 * staying at the entry tier, and the typed rates a tier pays more than.
 *
 * When a tier is reached, and what locks it, is decided in one place: `tierProgress` in
 * program.ts, from the vendor's program (metrics, who can produce them, tier gates). As the
 * case models the measures a metric counts, per type on its own:
 * - bookings: list value sold (new business and renewals) over the trailing 12 months;
 *   new-bookings: the first-year value of new customers over the trailing 12 months;
 *   new-customers: new customers over the trailing 12 months;
 * - certified-people: people certified at month 0 (`certifications`) plus hires, who count
 *   once their ramp is over (from month 1 + hireRampMonths);
 * - published-content: one piece a quarter, the first one quarter after the first deal;
 * - managed-customers: customers under management (with the managed stream);
 * - satisfaction: treated as met (the engine does not model satisfaction).
 * A type only counts the metrics the program says it can produce, and only uses the benefits
 * it can use; it takes a tier when it costs nothing more or raises a rate the case earns on
 * (a tier whose fee buys nothing the case puts money on is `declined`).
 */
import type { AssumptionKey, Assumptions } from '../assumption-registry.ts';
import type { Tier, TierBenefits } from '../schema/vendor.ts';
import type { BenefitKey } from '../program-keys.ts';
import { benefitUses, type ProgramModel } from './program.ts';
import type { Simulation } from './simulate.ts';
import {
  STREAM_KINDS,
  type BenefitValue,
  type StreamKind,
  type StreamRecord,
  type SupersededOverride,
  type TierStep,
} from './types.ts';

export const CONTENT_EVERY_MONTHS = 3;

/** The program benefit behind each tier rate (the cap goes with the referral fee). */
const TIER_BENEFIT_OF: Record<(typeof TIER_RATES)[number]['benefit'], BenefitKey> = {
  discount: 'discount',
  rebate: 'rebate',
  mdfRate: 'mdfRate',
  referralFee: 'referralFee',
  referralFeeCap: 'referralFee',
};

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
  laneTiers: readonly { tiers: readonly TierStep[] }[],
  tiers: readonly Tier[],
): SupersededOverride[] {
  const out: SupersededOverride[] = [];
  for (const { key, benefit, stream } of TIER_RATES) {
    const i = lanes.findIndex((l) => l.overridden.includes(key) && l.streams.includes(stream));
    if (i < 0) continue;
    const lane = lanes[i]!;
    const timeline = laneTiers[i]!.tiers;
    const typed = lane.assumptions[key];
    const tierBenefit = TIER_BENEFIT_OF[benefit];
    const more = (v: number) =>
      key === 'referralFeeCap' ? (v === 0 ? typed !== 0 : typed !== 0 && v > typed) : v > typed;
    const k = timeline.findIndex(
      (t, j) =>
        j > 0 &&
        t.reachedMonth !== null &&
        t.usable[tierBenefit] &&
        more(tiers[j]!.benefits[benefit]),
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

/**
 * A lane's tier timeline for the report, from the simulation's standings. `feeAnnual`: the
 * program fee the lane pays at every tier when its type or the user sets one (an ISV's "no fee
 * for technology partners"), so no tier is described by a fee the case does not charge.
 */
export function tierTimeline(
  sim: Simulation,
  tiers: readonly Tier[],
  program: ProgramModel,
  typeId: string,
  lane = 0,
  feeAnnual?: number,
): TierStep[] {
  const standings = sim.standings[lane] ?? [];
  const uses = benefitUses(program, typeId);
  return tiers.map((tier, k) => {
    const st = standings[k]!;
    const b = tier.benefits;
    return {
      id: tier.id,
      name: tier.name,
      reachedMonth: st.reachedMonth,
      eligibleMonth: st.eligibleMonth,
      declined: st.declined,
      pays: st.pays,
      gates: st.gates,
      lockedBy: st.lockedBy,
      unmet: st.eligibleMonth === null ? st.gates.filter((g) => g.metMonth === null) : [],
      benefits: {
        discount: b.discount,
        rebate: b.rebate,
        mdfRate: b.mdfRate,
        referralFee: b.referralFee,
        referralFeeCap: b.referralFeeCap,
        programFeeAnnual: feeAnnual ?? b.programFeeAnnual,
        privateOffers: b.marketplace.privateOffers,
        marketplaceFeeRebate: b.marketplace.feeRebate,
        coSell: b.coSell,
        nfrLicences: b.nfrLicences,
        trainingVouchers: b.trainingVouchers,
      },
      usable: Object.fromEntries(uses.map((u) => [u.benefit, u.usable])) as Record<
        BenefitKey,
        boolean
      >,
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
  lane = 0,
): BenefitValue {
  const held = sim.laneTiers[lane]!;
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
    const row = byTier[held[t]!]!;
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
