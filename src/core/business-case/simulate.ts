/**
 * The month-by-month model. Month 0 holds the up-front costs; months 1..horizon are
 * operating months. All figures are expected values, so customers may be fractional.
 *
 * Volume (per type of a mix, scaled by its weight):
 *   first deal in month f = max(1, monthsToFirstDeal); new customers ramp linearly to the
 *   steady state over monthsToSteadyState: new_t = N * min(1, (t - f + 1) / (S + 1)) for t >= f.
 *   Product bookings (list value): new business new_t * dealValue; each year's business
 *   renews 12 months later at renewalRate (renewal value = first-year value).
 * Streams (each only if the type lists it in businessCase.streams):
 *   resale       resale margin x bookings not sold through a marketplace
 *   marketplace  deals transacted through a cloud marketplace, net of its fee. What that
 *                means depends on the lane's other streams:
 *                - with `resale` (a reseller using private offers): marketplaceShare x bookings
 *                  x (margin - marketplaceFee x (1 - tier fee rebate)), only while the tier
 *                  allows private offers (until then those deals are resold normally);
 *                - with `ip` and no `resale` (an ISV listing its own software): minus
 *                  marketplaceShare x marketplaceFee x own-IP revenue (the fee it pays);
 *                - with neither (the marketplace itself): marketplaceShare x bookings x
 *                  marketplaceFee (the fee it keeps).
 *   rebate       rebate rate x bookings, paid in the month after the quarter ends
 *   mdf          MDF accrues at mdfRate x bookings; it is received as it reimburses
 *                mdfReimbursement x marketing spend, never more than the balance accrued
 *   referral     per new customer min(rate x dealValue, cap) (cap 0 = none), the larger of
 *                the assumption's and the tier's, paid referralLagMonths after the sale
 *   services     servicesAttachRatio x new first-year value, in the month of the sale
 *   managed      customers under management churn monthly: M_t = M_(t-1) (1 - churn) + new_t;
 *                revenue M_t x managedFeeMonthly
 *   training     trainingRevenuePerCustomer per new customer
 *   ip           own-IP subscribers keep renewalRate a year (renewalRate^(1/12) a month);
 *                revenue subscribers x ipRevenuePerCustomerAnnual / 12
 *   Gross profit: resale, rebate, mdf, referral and marketplace are the partner's margin and
 *   count 100%; services, managed, training and ip at their gross margins.
 *   Recurring gross profit: the renewal part of resale, marketplace and rebates, and all of
 *   managed services and own-IP subscriptions (less any marketplace fee on them).
 *   New-business margin, referral fees, services, training and MDF (it pays back
 *   marketing) are one-off.
 * Costs (per type, scaled by its weight: a weighted average, so a mix does not pay for
 * setting up twice):
 *   certifications  month 0: certifications x (certificationFee + certificationHours x loadedHourlyCost)
 *   hires           hires x hireCostAnnual / 12 from month 1 (paid through their ramp)
 *   programFees     the tier's programFeeAnnual / 12 a month, or the assumption's when the
 *                   type, a modifier or an override sets it
 *   lab, marketing  monthly; marketing is shown gross and the MDF that pays part of it back
 *                   is the `mdf` stream, so net cash is marketing net of MDF.
 *   Hires are practice overhead; delivery cost is already inside the stream margins.
 * Net cash flow = gross profit - costs. Money due after the horizon (late rebates and
 * referral fees) is left out.
 */
import type { Assumptions } from '../assumption-registry.ts';
import type { Tier } from '../schema/vendor.ts';
import { atLeast, MODELLED_REQUIREMENTS, publishedContent } from './tiers.ts';
import type { CostItem, StreamKind, TierMetrics } from './types.ts';

export interface SimLane {
  weight: number;
  assumptions: Assumptions;
  streams: readonly StreamKind[];
  programFeePinned: boolean;
}

export interface SimOptions {
  horizon: number;
  tiers: readonly Tier[];
  /** false: stay at the entry tier all along (to value the tiers). */
  tierProgression?: boolean;
}

const SCRATCH = Symbol('scratch');

export interface Simulation {
  horizon: number;
  revenue: Record<StreamKind, Float64Array>;
  grossProfit: Record<StreamKind, Float64Array>;
  grossProfitTotal: Float64Array;
  recurringGrossProfit: Float64Array;
  costs: Record<CostItem, Float64Array>;
  costTotal: Float64Array;
  net: Float64Array;
  cumulative: Float64Array;
  bookings: Float64Array;
  newCustomers: Float64Array;
  /** Index into the tiers of the tier held each month. */
  tier: Int32Array;
  /** [tier * 4 + requirement] (requirements in MODELLED_REQUIREMENTS order): first month that requirement alone is met, -1 if never. */
  requirementMetMonth: Int32Array;
  finalMetrics: TierMetrics;
  /** First month with a new customer, -1 if none. */
  firstDealMonth: number;
  /** Working arrays kept for a rerun with `reuse`; not part of the results. */
  readonly [SCRATCH]?: Scratch;
}

const zeros = (n: number): number[] => {
  const a: number[] = [];
  for (let i = 0; i < n; i++) a.push(0);
  return a;
};
const capped = (rate: number, cap: number, dealValue: number) =>
  cap > 0 ? Math.min(rate * dealValue, cap) : rate * dealValue;

/** Working arrays a simulation keeps for reuse: three series per lane and per-tier terms. */
interface Scratch {
  lanes: number[][];
  /** Tier requirements flattened, for `needFor`. */
  need: number[];
  needFor?: readonly Tier[];
  have: number[];
  terms: number[][];
  /** The buffer behind every series, to clear before a rerun. */
  buffer: ArrayBuffer;
}

const SERIES = 30; // 9 revenue + 9 gross profit + 5 costs + 7 other series

/** All series of a simulation are views into one buffer: one allocation instead of dozens. */
function newSimulation(n: number, T: number): Simulation {
  const buffer = new Float64Array(SERIES * n);
  let next = 0;
  const series = () => buffer.subarray(n * next, n * ++next);
  return {
    horizon: n - 1,
    revenue: {
      resale: series(),
      rebate: series(),
      mdf: series(),
      referral: series(),
      services: series(),
      managed: series(),
      marketplace: series(),
      training: series(),
      ip: series(),
    },
    grossProfit: {
      resale: series(),
      rebate: series(),
      mdf: series(),
      referral: series(),
      services: series(),
      managed: series(),
      marketplace: series(),
      training: series(),
      ip: series(),
    },
    grossProfitTotal: series(),
    recurringGrossProfit: series(),
    costs: {
      certifications: series(),
      hires: series(),
      programFees: series(),
      lab: series(),
      marketing: series(),
    },
    costTotal: series(),
    net: series(),
    cumulative: series(),
    bookings: series(),
    newCustomers: series(),
    tier: new Int32Array(n),
    requirementMetMonth: new Int32Array(T * MODELLED_REQUIREMENTS.length),
    finalMetrics: {
      annualRevenue: 0,
      certifiedStaff: 0,
      referralsOrInfluencedDeals: 0,
      publishedContent: 0,
    },
    firstDealMonth: -1,
  };
}

/**
 * Run the model. Pass `reuse` (an earlier result with the same horizon and number of tiers)
 * to overwrite it instead of allocating: sensitivity and break-even run the case dozens of
 * times and only read NPV from each run.
 */
export function simulate(
  lanes: readonly SimLane[],
  opts: SimOptions,
  reuse?: Simulation,
): Simulation {
  const H = opts.horizon;
  const n = H + 1;
  const tiers = opts.tiers;
  const T = tiers.length;
  const R = MODELLED_REQUIREMENTS.length;
  const progression = opts.tierProgression !== false;

  const sim =
    reuse && reuse.horizon === H && reuse.requirementMetMonth.length === T * R
      ? reuse
      : newSimulation(n, T);
  let scratch = sim[SCRATCH];
  if (!scratch)
    Object.defineProperty(sim, SCRATCH, {
      value: (scratch = {
        lanes: [],
        need: [],
        have: [0, 0, 0, 0],
        terms: Array.from({ length: 7 }, () => zeros(T)),
        buffer: sim.net.buffer as ArrayBuffer,
      }),
    });
  else {
    new Float64Array(scratch.buffer).fill(0);
    sim.tier.fill(0);
  }
  while (scratch.lanes.length < 3 * lanes.length) scratch.lanes.push(zeros(n));
  const {
    bookings,
    newCustomers,
    tier,
    requirementMetMonth,
    revenue,
    grossProfit,
    recurringGrossProfit,
    costs,
  } = sim;

  // Pass 1: volume, which no tier changes.
  for (let l = 0; l < lanes.length; l++) {
    const lane = lanes[l]!;
    const a = lane.assumptions;
    const N = a.newCustomersPerMonth * lane.weight;
    const f = Math.max(1, a.monthsToFirstDeal);
    const rampSteps = a.monthsToSteadyState + 1;
    const dv = a.dealValue;
    const rr = a.renewalRate;
    const nc = scratch.lanes[3 * l]!;
    const nb = scratch.lanes[3 * l + 1]!;
    const rb = scratch.lanes[3 * l + 2]!;
    nc[0] = nb[0] = rb[0] = 0;
    for (let t = 1; t <= H; t++) {
      const c = t >= f ? N * Math.min(1, (t - f + 1) / rampSteps) : 0;
      nc[t] = c;
      nb[t] = c * dv;
      rb[t] = t > 12 ? rr * (nb[t - 12]! + rb[t - 12]!) : 0;
      newCustomers[t]! += c;
      bookings[t]! += nb[t]! + rb[t]!;
    }
  }

  // Tier pass: requirements on the whole case, tier held each month.
  // Requirements flattened as [tier * R + j], j in MODELLED_REQUIREMENTS order.
  const need = scratch.need;
  if (scratch.needFor !== tiers) {
    need.length = 0;
    for (const t of tiers) for (const key of MODELLED_REQUIREMENTS) need.push(t.requirements[key]);
    scratch.needFor = tiers;
  }
  for (let i = 0; i < need.length; i++) requirementMetMonth[i] = -1;
  const have = scratch.have;
  let firstDealMonth = -1;
  for (let t = 0; t <= H; t++) {
    if (firstDealMonth < 0 && newCustomers[t]! > 0) firstDealMonth = t;
    let revenue = 0;
    let deals = 0;
    for (let s = Math.max(0, t - 11); s <= t; s++) {
      revenue += bookings[s]!;
      deals += newCustomers[s]!;
    }
    let staff = 0;
    for (const lane of lanes) {
      const a = lane.assumptions;
      staff += lane.weight * (a.certifications + (t >= 1 + a.hireRampMonths ? a.hires : 0));
    }
    have[0] = revenue;
    have[1] = staff;
    have[2] = deals;
    have[3] = publishedContent(t, firstDealMonth);
    for (let i = 0; i < need.length; i++)
      if (requirementMetMonth[i]! < 0 && atLeast(have[i % R]!, need[i]!))
        requirementMetMonth[i] = t;
    let cur = t > 0 ? tier[t - 1]! : 0;
    if (progression) {
      while (cur + 1 < T) {
        const base = (cur + 1) * R;
        let met = true;
        for (let j = 0; j < R; j++) if (!atLeast(have[j]!, need[base + j]!)) met = false;
        if (!met) break;
        cur++;
      }
    }
    tier[t] = cur;
  }

  // Pass 2: money, per lane, at the terms of the tier held.
  const [margin, rebate, mdf, feePerDeal, mpShare, mpNet, programMonthly] = scratch.terms as [
    number[],
    number[],
    number[],
    number[],
    number[],
    number[],
    number[],
  ];

  for (let l = 0; l < lanes.length; l++) {
    const lane = lanes[l]!;
    const a = lane.assumptions;
    const w = lane.weight;
    const has = (s: StreamKind) => lane.streams.includes(s);
    const onResale = has('resale');
    const onMarketplace = has('marketplace');
    const onRebate = has('rebate');
    const onMdf = has('mdf');
    const onReferral = has('referral');
    const onServices = has('services');
    const onManaged = has('managed');
    const onTraining = has('training');
    const onIp = has('ip');
    // Who the marketplace stream is about, from the lane's other streams (see the header).
    const mpResells = onMarketplace && onResale;
    const mpOwnIp = onMarketplace && !onResale && onIp;
    const mpOperates = onMarketplace && !onResale && !onIp;
    const mpFeeOnIp = mpOwnIp ? a.marketplaceShare * a.marketplaceFee : 0;
    const mpOperatorTake = mpOperates ? a.marketplaceShare * a.marketplaceFee : 0;
    // A rate the type sets (a distributor's 5% cut of the channel discount) stands for the
    // entry tier; each higher tier adds its uplift over the entry tier's rate on top.
    const e = tiers[0]!.benefits;
    for (let k = 0; k < T; k++) {
      const b = tiers[k]!.benefits;
      margin[k] = a.resaleMargin + Math.max(0, b.discount - e.discount);
      rebate[k] = a.rebateRate + Math.max(0, b.rebate - e.rebate);
      mdf[k] = a.mdfRate + Math.max(0, b.mdfRate - e.mdfRate);
      feePerDeal[k] = Math.max(
        capped(a.referralFeeRate, a.referralFeeCap, a.dealValue),
        capped(b.referralFee, b.referralFeeCap, a.dealValue),
      );
      mpShare[k] = mpResells && b.marketplace.privateOffers ? a.marketplaceShare : 0;
      mpNet[k] = margin[k]! - a.marketplaceFee * (1 - b.marketplace.feeRebate);
      programMonthly[k] = (lane.programFeePinned ? a.programFeeAnnual : b.programFeeAnnual) / 12;
    }
    const nc = scratch.lanes[3 * l]!;
    const nb = scratch.lanes[3 * l + 1]!;
    const rb = scratch.lanes[3 * l + 2]!;
    const lag = a.referralLagMonths;
    const attach = a.servicesAttachRatio;
    const managedKeep = 1 - a.managedChurnMonthly;
    const ipKeep = Math.pow(a.renewalRate, 1 / 12);
    const ipMonthly = a.ipRevenuePerCustomerAnnual / 12;
    const hiresMonthly = (w * a.hires * a.hireCostAnnual) / 12;
    const lab = w * a.labCostMonthly;
    const marketing = w * a.marketingMonthly;
    let mdfBalance = 0;
    let managed = 0;
    let subscribers = 0;

    costs.certifications[0]! +=
      w * a.certifications * (a.certificationFee + a.certificationHours * a.loadedHourlyCost);
    for (let t = 1; t <= H; t++) {
      const k = tier[t]!;
      const c = nc[t]!;
      const newB = nb[t]!;
      const renB = rb[t]!;
      const B = newB + renB;
      if (onResale) {
        const v = (1 - mpShare[k]!) * margin[k]!;
        revenue.resale[t]! += B * v;
        grossProfit.resale[t]! += B * v;
        recurringGrossProfit[t]! += renB * v;
      }
      if (mpResells || mpOperates) {
        const v = mpResells ? mpShare[k]! * mpNet[k]! : mpOperatorTake;
        revenue.marketplace[t]! += B * v;
        grossProfit.marketplace[t]! += B * v;
        recurringGrossProfit[t]! += renB * v;
      }
      if (onRebate) {
        const paid = 3 * Math.ceil(t / 3) + 1;
        if (paid <= H) {
          revenue.rebate[paid]! += B * rebate[k]!;
          grossProfit.rebate[paid]! += B * rebate[k]!;
          recurringGrossProfit[paid]! += renB * rebate[k]!;
        }
      }
      if (onMdf) {
        mdfBalance += B * mdf[k]!;
        const claim = Math.min(a.mdfReimbursement * marketing, mdfBalance);
        mdfBalance -= claim;
        revenue.mdf[t]! += claim;
        grossProfit.mdf[t]! += claim;
      }
      if (onReferral) {
        const paid = t + lag;
        if (paid <= H) {
          revenue.referral[paid]! += c * feePerDeal[k]!;
          grossProfit.referral[paid]! += c * feePerDeal[k]!;
        }
      }
      if (onServices) {
        revenue.services[t]! += newB * attach;
        grossProfit.services[t]! += newB * attach * a.servicesMargin;
      }
      if (onManaged) {
        managed = managed * managedKeep + c;
        const r = managed * a.managedFeeMonthly;
        revenue.managed[t]! += r;
        grossProfit.managed[t]! += r * a.managedMargin;
        recurringGrossProfit[t]! += r * a.managedMargin;
      }
      if (onTraining) {
        revenue.training[t]! += c * a.trainingRevenuePerCustomer;
        grossProfit.training[t]! += c * a.trainingRevenuePerCustomer * a.trainingMargin;
      }
      if (onIp) {
        subscribers = subscribers * ipKeep + c;
        const r = subscribers * ipMonthly;
        revenue.ip[t]! += r;
        grossProfit.ip[t]! += r * a.ipMargin;
        recurringGrossProfit[t]! += r * a.ipMargin;
        if (mpOwnIp) {
          const fee = r * mpFeeOnIp;
          revenue.marketplace[t]! -= fee;
          grossProfit.marketplace[t]! -= fee;
          recurringGrossProfit[t]! -= fee;
        }
      }
      costs.hires[t]! += hiresMonthly;
      costs.programFees[t]! += w * programMonthly[k]!;
      costs.lab[t]! += lab;
      costs.marketing[t]! += marketing;
    }
  }

  const { grossProfitTotal, costTotal, net, cumulative } = sim;
  const g = grossProfit;
  let sum = 0;
  for (let t = 0; t <= H; t++) {
    const gp =
      g.resale[t]! +
      g.rebate[t]! +
      g.mdf[t]! +
      g.referral[t]! +
      g.services[t]! +
      g.managed[t]! +
      g.marketplace[t]! +
      g.training[t]! +
      g.ip[t]!;
    const cost =
      costs.certifications[t]! +
      costs.hires[t]! +
      costs.programFees[t]! +
      costs.lab[t]! +
      costs.marketing[t]!;
    grossProfitTotal[t] = gp;
    costTotal[t] = cost;
    net[t] = gp - cost;
    cumulative[t] = sum += gp - cost;
  }
  const m = sim.finalMetrics;
  m.annualRevenue = have[0]!;
  m.certifiedStaff = have[1]!;
  m.referralsOrInfluencedDeals = have[2]!;
  m.publishedContent = have[3]!;
  sim.firstDealMonth = firstDealMonth;
  return sim;
}

/** Sim lanes from resolved lanes, with some assumptions replaced (sensitivity, scenarios, break-even). */
export function withAssumptions<L extends SimLane>(
  lanes: readonly L[],
  change: (a: Assumptions) => Assumptions,
): SimLane[] {
  return lanes.map((l) => ({
    weight: l.weight,
    streams: l.streams,
    programFeePinned: l.programFeePinned,
    assumptions: change(l.assumptions),
  }));
}
