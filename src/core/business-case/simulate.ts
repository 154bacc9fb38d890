/**
 * The month-by-month model. Month 0 holds the up-front costs; months 1..horizon are
 * operating months. All figures are expected values, so customers may be fractional.
 *
 * Volume (per type of a mix, scaled by its weight):
 *   first deal in month f = max(1, monthsToFirstDeal); new customers ramp linearly to the
 *   steady state over monthsToSteadyState: new_t = N * min(1, max(0, t - f + 1) / (S + 1)).
 *   Months may be fractional (a vertical's x1.5, a sensitivity move of x0.8): the ramp then
 *   starts part-way through a month, and a referral lag of 2.4 months pays 60% of the fee
 *   two months after the sale and 40% three months after.
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
 *   referral     per new customer min(rate x dealValue, cap) (cap 0 = none), paid
 *                referralLagMonths after the sale
 *   services     servicesAttachRatio x new first-year value, in the month of the sale
 *   managed      customers under management churn monthly: M_t = M_(t-1) (1 - churn) + new_t;
 *                revenue M_t x managedFeeMonthly
 *   training     trainingRevenuePerCustomer per new customer
 *   ip           own-IP subscribers keep renewalRate a year (renewalRate^(1/12) a month);
 *                revenue subscribers x ipRevenuePerCustomerAnnual / 12
 *   Each stream is one step in STREAM_STEPS below. Its gross profit and what of it recurs
 *   follow from its description in src/core/stream-kinds.ts: resale, rebate, mdf, referral
 *   and marketplace are the partner's margin and count 100%; services, managed, training and
 *   ip at their gross margins. Recurring: the renewal part of resale, marketplace and
 *   rebates, and all of managed services and own-IP subscriptions (less any marketplace fee
 *   on them); new-business margin, referral fees, services, training and MDF (it pays back
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
 * Rates by tier (resale margin, rebate, MDF, referral fee and cap): a rate the type, a vertical
 * or a segment sets stands for the entry tier, and each tier reached adds its uplift over the
 * entry tier. A rate the user typed (an override) is the rate the case uses; a tier that pays
 * more applies its own rate from the month it is reached.
 * Net cash flow = gross profit - costs. Money due after the horizon (late rebates and
 * referral fees) is left out.
 */
import type { AssumptionKey, Assumptions } from '../assumption-registry.ts';
import type { Tier } from '../schema/vendor.ts';
import { perStream, STREAM_KINDS, STREAMS } from '../stream-kinds.ts';
import { atLeast, MODELLED_REQUIREMENTS, publishedContent } from './tiers.ts';
import { COST_ITEMS, type CostItem, type StreamKind, type TierMetrics } from './types.ts';

export interface SimLane {
  weight: number;
  assumptions: Assumptions;
  streams: readonly StreamKind[];
  programFeePinned: boolean;
  /** Keys the user typed (the request's overrides): their values win over the entry tier's. */
  overridden: readonly AssumptionKey[];
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
const uncapped = (cap: number) => (cap > 0 ? cap : Infinity);

/**
 * A rate (or cap) at tier k: typed, it is used as typed until a tier that pays more; set by
 * the type or the market, it stands for the entry tier and gains each tier's uplift.
 */
export function tierRateAt(
  k: number,
  value: number,
  typed: boolean,
  tierValue: number,
  entryValue: number,
): number {
  if (k === 0) return value;
  if (typed) return Math.max(value, tierValue);
  const uplift = tierValue === entryValue ? 0 : Math.max(0, tierValue - entryValue);
  return value + uplift;
}

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

/** The series beside one revenue and one gross-profit series per stream and one per cost item. */
const TOTALS = [
  'grossProfitTotal',
  'recurringGrossProfit',
  'costTotal',
  'net',
  'cumulative',
  'bookings',
  'newCustomers',
] as const;
const SERIES = 2 * STREAM_KINDS.length + COST_ITEMS.length + TOTALS.length;

/** All series of a simulation are views into one buffer: one allocation instead of dozens. */
function newSimulation(n: number, T: number): Simulation {
  const buffer = new Float64Array(SERIES * n);
  let next = 0;
  const series = () => buffer.subarray(n * next, n * ++next);
  const revenue = perStream(series);
  const grossProfit = perStream(series);
  const costs = {} as Record<CostItem, Float64Array>;
  for (const c of COST_ITEMS) costs[c] = series();
  const totals = {} as Record<(typeof TOTALS)[number], Float64Array>;
  for (const key of TOTALS) totals[key] = series();
  return {
    horizon: n - 1,
    revenue,
    grossProfit,
    ...totals,
    costs,
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
 * One lane in one month, as the stream steps read it. One object per lane, updated month by
 * month; per-tier terms are indexed by the tier held (`k`).
 */
interface LaneMonth {
  readonly a: Assumptions;
  readonly horizon: number;
  /** Who the marketplace stream is about (see the header): set from the lane's streams. */
  readonly marketplace: 'resells' | 'own-ip' | 'operates' | 'none';
  /** Monthly marketing spend of the lane (weighted), which MDF reimburses. */
  readonly marketing: number;
  t: number;
  /** Index of the tier held this month. */
  k: number;
  /** New customers, new business and renewal bookings this month (weighted). */
  customers: number;
  newBookings: number;
  renewalBookings: number;
  // Per tier held: the lane's rates.
  readonly margin: number[];
  readonly rebate: number[];
  readonly mdf: number[];
  readonly feePerDeal: number[];
  readonly mpShare: number[];
  readonly mpNet: number[];
  // State carried from month to month.
  mdfBalance: number;
  managedCustomers: number;
  subscribers: number;
}

/**
 * Record revenue for a stream in a month, split into new business and renewals: gross profit
 * and its recurring part follow from the stream's description (margin input, `recurring`).
 */
type Put = (kind: StreamKind, month: number, fromNew: number, fromRenewals: number) => void;

/**
 * One step per stream kind: what the stream earns in month `m.t` (a step may pay into a later
 * month, as rebates and referral fees do). The formulas are in the header.
 */
export const STREAM_STEPS: Record<StreamKind, (m: LaneMonth, put: Put) => void> = {
  resale(m, put) {
    const v = (1 - m.mpShare[m.k]!) * m.margin[m.k]!;
    put('resale', m.t, m.newBookings * v, m.renewalBookings * v);
  },
  rebate(m, put) {
    const paid = 3 * Math.ceil(m.t / 3) + 1;
    if (paid > m.horizon) return;
    const r = m.rebate[m.k]!;
    put('rebate', paid, m.newBookings * r, m.renewalBookings * r);
  },
  mdf(m, put) {
    m.mdfBalance += (m.newBookings + m.renewalBookings) * m.mdf[m.k]!;
    const claim = Math.min(m.a.mdfReimbursement * m.marketing, m.mdfBalance);
    m.mdfBalance -= claim;
    put('mdf', m.t, claim, 0);
  },
  referral(m, put) {
    const fee = m.customers * m.feePerDeal[m.k]!;
    const lag = m.a.referralLagMonths;
    const whole = Math.floor(lag);
    const part = lag - whole;
    if (m.t + whole <= m.horizon) put('referral', m.t + whole, fee * (1 - part), 0);
    if (part > 0 && m.t + whole + 1 <= m.horizon) put('referral', m.t + whole + 1, fee * part, 0);
  },
  services(m, put) {
    put('services', m.t, m.newBookings * m.a.servicesAttachRatio, 0);
  },
  managed(m, put) {
    m.managedCustomers = m.managedCustomers * (1 - m.a.managedChurnMonthly) + m.customers;
    put('managed', m.t, m.managedCustomers * m.a.managedFeeMonthly, 0);
  },
  marketplace(m, put) {
    if (m.marketplace === 'resells') {
      const v = m.mpShare[m.k]! * m.mpNet[m.k]!;
      put('marketplace', m.t, m.newBookings * v, m.renewalBookings * v);
    } else if (m.marketplace === 'operates') {
      const v = m.a.marketplaceShare * m.a.marketplaceFee;
      put('marketplace', m.t, m.newBookings * v, m.renewalBookings * v);
    }
    // 'own-ip': the fee is charged on the IP subscriptions, in the ip step.
  },
  training(m, put) {
    put('training', m.t, m.customers * m.a.trainingRevenuePerCustomer, 0);
  },
  ip(m, put) {
    m.subscribers = m.subscribers * Math.pow(m.a.renewalRate, 1 / 12) + m.customers;
    const r = (m.subscribers * m.a.ipRevenuePerCustomerAnnual) / 12;
    put('ip', m.t, r, 0);
    // An ISV selling its own software through a marketplace pays the fee on it: a cost on
    // subscription revenue, so it recurs with it.
    if (m.marketplace === 'own-ip')
      put('marketplace', m.t, 0, -r * m.a.marketplaceShare * m.a.marketplaceFee);
  },
};

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
      const c = N * Math.min(1, Math.max(0, t - f + 1) / rampSteps);
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
      // Hires count once their ramp is over: from month 1 + hireRampMonths (part-way for a
      // fractional ramp).
      const ramped = t < 1 ? 0 : Math.min(1, Math.max(0, t - a.hireRampMonths));
      staff += lane.weight * (a.certifications + ramped * a.hires);
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
    // Who the marketplace stream is about, from the lane's other streams (see the header).
    const marketplace = !has('marketplace')
      ? 'none'
      : has('resale')
        ? 'resells'
        : has('ip')
          ? 'own-ip'
          : 'operates';
    // A rate the type sets (a distributor's 5% cut of the channel discount) stands for the
    // entry tier, and each higher tier adds its uplift over the entry tier's rate; a typed
    // rate is used as typed, until a tier that pays more is reached.
    const e = tiers[0]!.benefits;
    const typed = (key: AssumptionKey) => lane.overridden.includes(key);
    for (let k = 0; k < T; k++) {
      const b = tiers[k]!.benefits;
      const rate = (key: AssumptionKey, tierRate: number, entryRate: number) =>
        tierRateAt(k, a[key], typed(key), tierRate, entryRate);
      margin[k] = rate('resaleMargin', b.discount, e.discount);
      rebate[k] = rate('rebateRate', b.rebate, e.rebate);
      mdf[k] = rate('mdfRate', b.mdfRate, e.mdfRate);
      const feeRate = rate('referralFeeRate', b.referralFee, e.referralFee);
      // A cap of 0 means no cap: compared and raised as an unlimited one.
      const cap = tierRateAt(
        k,
        uncapped(a.referralFeeCap),
        typed('referralFeeCap'),
        uncapped(b.referralFeeCap),
        uncapped(e.referralFeeCap),
      );
      feePerDeal[k] = Math.min(feeRate * a.dealValue, cap);
      mpShare[k] =
        marketplace === 'resells' && b.marketplace.privateOffers ? a.marketplaceShare : 0;
      mpNet[k] = margin[k]! - a.marketplaceFee * (1 - b.marketplace.feeRebate);
      programMonthly[k] = (lane.programFeePinned ? a.programFeeAnnual : b.programFeeAnnual) / 12;
    }
    const nc = scratch.lanes[3 * l]!;
    const nb = scratch.lanes[3 * l + 1]!;
    const rb = scratch.lanes[3 * l + 2]!;
    const hiresMonthly = (w * a.hires * a.hireCostAnnual) / 12;
    const lab = w * a.labCostMonthly;
    const marketing = w * a.marketingMonthly;
    const month: LaneMonth = {
      a,
      horizon: H,
      marketplace,
      marketing,
      t: 0,
      k: 0,
      customers: 0,
      newBookings: 0,
      renewalBookings: 0,
      margin,
      rebate,
      mdf,
      feePerDeal,
      mpShare,
      mpNet,
      mdfBalance: 0,
      managedCustomers: 0,
      subscribers: 0,
    };
    const marginOf = perStream((s) => {
      const key = STREAMS[s].margin;
      return key === null ? 1 : a[key];
    });
    const put: Put = (kind, t, fromNew, fromRenewals) => {
      const m = marginOf[kind];
      const recurring = STREAMS[kind].recurring;
      revenue[kind][t]! += fromNew + fromRenewals;
      grossProfit[kind][t]! += (fromNew + fromRenewals) * m;
      if (recurring === 'all') recurringGrossProfit[t]! += (fromNew + fromRenewals) * m;
      else if (recurring === 'renewals') recurringGrossProfit[t]! += fromRenewals * m;
    };
    const steps = lane.streams.map((s) => STREAM_STEPS[s]);

    costs.certifications[0]! +=
      w * a.certifications * (a.certificationFee + a.certificationHours * a.loadedHourlyCost);
    for (let t = 1; t <= H; t++) {
      const k = tier[t]!;
      month.t = t;
      month.k = k;
      month.customers = nc[t]!;
      month.newBookings = nb[t]!;
      month.renewalBookings = rb[t]!;
      for (const step of steps) step(month, put);
      costs.hires[t]! += hiresMonthly;
      costs.programFees[t]! += w * programMonthly[k]!;
      costs.lab[t]! += lab;
      costs.marketing[t]! += marketing;
    }
  }

  const { grossProfitTotal, costTotal, net, cumulative } = sim;
  let sum = 0;
  for (let t = 0; t <= H; t++) {
    let gp = 0;
    for (const kind of STREAM_KINDS) gp += grossProfit[kind][t]!;
    let cost = 0;
    for (const item of COST_ITEMS) cost += costs[item][t]!;
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
    overridden: l.overridden,
    assumptions: change(l.assumptions),
  }));
}
