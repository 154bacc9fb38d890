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
 *   Billed: what the partner bills for them. Yearly (the default), each contract when it is
 *   booked; monthly (the type's businessCase.billing, as cloud resellers bill), a twelfth of it
 *   in each of its 12 months, so month t bills a twelfth of months t-11..t's bookings and what
 *   falls after the horizon is not counted. Resale, rebate, MDF accrual and marketplace fees are
 *   on what is billed, as are the revenue the tiers count and the working capital; services
 *   are sold with the contract.
 * Streams (each only if the type lists it in businessCase.streams):
 *   resale       resale margin x bookings not sold through a marketplace
 *   marketplace  deals transacted through a cloud marketplace, net of its fee. What that
 *                means depends on the lane's other streams:
 *                - with `resale` (a reseller using private offers): marketplaceShare x bookings
 *                  x (margin - fee x (1 - tier fee rebate)), only while the tier allows
 *                  private offers (until then those deals are resold normally);
 *                - with `ip` and no `resale` (an ISV listing its own software): minus
 *                  marketplaceShare x fee x own-IP revenue (the fee it pays);
 *                - with neither (the marketplace itself): marketplaceShare x bookings x fee
 *                  (the fee it keeps).
 *                The fee is marketplaceFee on first-year contracts (own-IP subscribers in
 *                their first 12 months) and marketplaceRenewalFee on renewals.
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
 *   onboarding, practiceBuild, launchMarketing  month 0, as set
 *   certifications  month 0: certifications x (certificationFee + certificationHours x loadedHourlyCost);
 *                   month 1: the same for each hire, who certifies as it joins
 *   salesCapacity   salesFte x salesCostAnnual / 12 from month 1 (paid through the ramp before
 *                   the first deal)
 *   hires           hires x hireCostAnnual / 12 from month 1 (paid through their ramp)
 *   programFees     the tier's programFeeAnnual / 12 a month, or the assumption's when the
 *                   type, a modifier or an override sets it
 *   lab, marketing  monthly; marketing is shown gross and the MDF that pays part of it back
 *                   is the `mdf` stream, so net cash is marketing net of MDF.
 *   costToServe     for a lane that resells: costPerOrder x its orders (new contracts and
 *                   renewals, marketplace deals excluded): order handling, credit, support
 *   workingCapital  for a lane that resells: what it owes for the goods it resold
 *                   (bookings x (1 - margin)) waits on its customers for
 *                   max(0, customerPaymentDays - vendorPaymentDays) days; the cash tied up is
 *                   the purchases of that many trailing days, and each month's change in it is
 *                   a cost (a release when it shrinks). What customers still owe at the end of
 *                   the horizon is collected after it, so, like late rebates, it is not counted:
 *                   net cash is the cash in hand by the last month (no month ends with a
 *                   negative cost that reads as a windfall).
 *   Hires are practice overhead; delivery cost is already inside the stream margins.
 * Rates by tier (resale margin, rebate, MDF, referral fee and cap): a rate the type, a vertical
 * or a segment sets stands for the entry tier, and each tier reached adds its uplift over the
 * entry tier. A rate the user typed (an override) is the rate the case uses; a tier that pays
 * more applies its own rate from the month it is reached.
 * Net cash flow = gross profit - costs. Money due after the horizon (late rebates and
 * referral fees, what customers still owe for resold goods) is left out.
 */
import type { AssumptionKey, Assumptions } from '../assumption-registry.ts';
import type { Billing } from '../schema/partner-type.ts';
import type { Tier } from '../schema/vendor.ts';
import { METRIC_MEASURES, type MetricMeasure } from '../program-keys.ts';
import { marketplaceRole, perStream, STREAM_KINDS, STREAMS } from '../stream-kinds.ts';
import { benefitUse, tierProgress, type ProgramModel, type TierStanding } from './program.ts';
import { publishedContent } from './tiers.ts';
import { COST_ITEMS, type CostItem, type StreamKind } from './types.ts';

export interface SimLane {
  /** Partner type id: which metrics it can produce and which benefits it can use. */
  type: string;
  weight: number;
  assumptions: Assumptions;
  streams: readonly StreamKind[];
  programFeePinned: boolean;
  /** Keys the user typed (the request's overrides): their values win over the entry tier's. */
  overridden: readonly AssumptionKey[];
  /** How the partner bills the product: yearly (the default) or a twelfth a month. */
  billing?: Billing | undefined;
}

export interface SimOptions {
  horizon: number;
  tiers: readonly Tier[];
  program: ProgramModel;
  /** false: stay at the entry tier all along (to value the tiers). */
  tierProgression?: boolean;
  /**
   * false: no tier standings (each gate's month and value), which only the case's own tiers
   * read (`tierTimeline`); the reruns of sensitivity, break-even and scenarios read money.
   */
  standings?: boolean;
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
  /** Per lane: the index (into the tiers) of the tier it holds each month. */
  laneTiers: Int32Array[];
  /** Per lane: each tier's standing (when it is reached, what locks it). */
  standings: TierStanding[][];
  /** Cash waiting on customers at the end of the horizon (released in its last month). */
  workingCapitalAtEnd: number;
  /** Working arrays kept for a rerun with `reuse`; not part of the results. */
  readonly [SCRATCH]?: Scratch;
}

const zeros = (n: number): number[] => {
  const a: number[] = [];
  for (let i = 0; i < n; i++) a.push(0);
  return a;
};
const uncapped = (cap: number) => (cap > 0 ? cap : Infinity);

/** The referral fee on one deal: the rate on its first-year value, up to the cap (0: no cap). */
export const referralFee = (rate: number, dealValue: number, cap: number): number =>
  Math.min(rate * dealValue, uncapped(cap));

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

/**
 * Per lane: new customers, new-business and renewal bookings, what it owes for resold goods,
 * new own-IP subscribers, then one series per metric measure.
 */
const LANE_SERIES = 7 + METRIC_MEASURES.length;
/** Days in an average month, to turn payment terms into months. */
const DAYS_PER_MONTH = 365.25 / 12;

/** Working arrays a simulation keeps for reuse: LANE_SERIES series per lane and per-tier terms. */
interface Scratch {
  lanes: number[][];
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
function newSimulation(n: number): Simulation {
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
    laneTiers: [],
    standings: [],
    workingCapitalAtEnd: 0,
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
  /**
   * What the partner bills its customers this month for the product, new business and renewals:
   * the bookings for a lane billed yearly, a twelfth of each of the last 12 months' for one
   * billed monthly (SimLane.billing). Margins, rebates, MDF and marketplace fees are on these.
   */
  newBilled: number;
  renewalBilled: number;
  // Per tier held: the lane's rates.
  readonly margin: number[];
  readonly rebate: number[];
  readonly mdf: number[];
  readonly feePerDeal: number[];
  readonly mpShare: number[];
  readonly mpNet: number[];
  /** The same on renewals (the marketplace's renewal fee). */
  readonly mpNetRenewal: number[];
  // State carried from month to month.
  mdfBalance: number;
  managedCustomers: number;
  subscribers: number;
  /** New own-IP subscribers by month (for the marketplace fee on first-year subscriptions). */
  readonly newSubscribers: number[];
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
    put('resale', m.t, m.newBilled * v, m.renewalBilled * v);
  },
  rebate(m, put) {
    const paid = 3 * Math.ceil(m.t / 3) + 1;
    if (paid > m.horizon) return;
    const r = m.rebate[m.k]!;
    put('rebate', paid, m.newBilled * r, m.renewalBilled * r);
  },
  mdf(m, put) {
    m.mdfBalance += (m.newBilled + m.renewalBilled) * m.mdf[m.k]!;
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
      const share = m.mpShare[m.k]!;
      put(
        'marketplace',
        m.t,
        m.newBilled * share * m.mpNet[m.k]!,
        m.renewalBilled * share * m.mpNetRenewal[m.k]!,
      );
    } else if (m.marketplace === 'operates') {
      const share = m.a.marketplaceShare;
      put(
        'marketplace',
        m.t,
        m.newBilled * share * m.a.marketplaceFee,
        m.renewalBilled * share * m.a.marketplaceRenewalFee,
      );
    }
    // 'own-ip': the fee is charged on the IP subscriptions, in the ip step.
  },
  training(m, put) {
    put('training', m.t, m.customers * m.a.trainingRevenuePerCustomer, 0);
  },
  ip(m, put) {
    const keep = Math.pow(m.a.renewalRate, 1 / 12);
    m.subscribers = m.subscribers * keep + m.customers;
    const r = (m.subscribers * m.a.ipRevenuePerCustomerAnnual) / 12;
    put('ip', m.t, r, 0);
    // An ISV selling its own software through a marketplace pays the fee on it: a cost on
    // subscription revenue, so it recurs with it. Subscribers in their first 12 months pay
    // the first-year fee, the others the renewal fee.
    if (m.marketplace === 'own-ip') {
      m.newSubscribers[m.t] = m.customers;
      let firstYear = 0;
      for (let s = m.t, kept = 1; s >= 1 && s > m.t - 12; s--, kept *= keep)
        firstYear += m.newSubscribers[s]! * kept;
      const perSubscriber = m.a.ipRevenuePerCustomerAnnual / 12;
      const fee =
        firstYear * perSubscriber * m.a.marketplaceFee +
        (m.subscribers - firstYear) * perSubscriber * m.a.marketplaceRenewalFee;
      put('marketplace', m.t, 0, -fee * m.a.marketplaceShare);
    }
  },
};

/** The measures a lane's metrics count, month by month (unweighted: the type on its own). */
function measureLane(
  lane: SimLane,
  H: number,
  nc: readonly number[],
  nb: readonly number[],
  rb: readonly number[],
  out: Record<MetricMeasure, number[]>,
): void {
  const a = lane.assumptions;
  const managed = lane.streams.includes('managed');
  let firstDeal = -1;
  let bookings = 0;
  let newBookings = 0;
  let customers = 0;
  let underManagement = 0;
  for (let t = 0; t <= H; t++) {
    if (firstDeal < 0 && nc[t]! > 0) firstDeal = t;
    bookings += nb[t]! + rb[t]!;
    newBookings += nb[t]!;
    customers += nc[t]!;
    if (t >= 12) {
      bookings -= nb[t - 12]! + rb[t - 12]!;
      newBookings -= nb[t - 12]!;
      customers -= nc[t - 12]!;
    }
    out.bookings[t] = bookings;
    out['new-bookings'][t] = newBookings;
    out['new-customers'][t] = customers;
    // Hires count once their ramp is over: from month 1 + hireRampMonths (part-way for a
    // fractional ramp).
    const ramped = t < 1 ? 0 : Math.min(1, Math.max(0, t - a.hireRampMonths));
    out['certified-people'][t] = a.certifications + ramped * a.hires;
    out['published-content'][t] = publishedContent(t, firstDeal);
    if (managed) underManagement = underManagement * (1 - a.managedChurnMonthly) + nc[t]!;
    out['managed-customers'][t] = underManagement;
    out.satisfaction[t] = 0;
  }
}

/**
 * Run the model. Each lane (partner type) runs as that type would on its own, at full size,
 * climbing the tiers on its own metrics; its money and costs are then added in at its weight,
 * so a mix is exactly the weighted combination of its types' cases.
 *
 * Pass `reuse` (an earlier result with the same horizon) to overwrite it instead of
 * allocating: sensitivity and break-even run the case dozens of times and only read NPV.
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
  const progression = opts.tierProgression !== false;

  const sim = reuse && reuse.horizon === H ? reuse : newSimulation(n);
  let scratch = sim[SCRATCH];
  if (!scratch)
    Object.defineProperty(sim, SCRATCH, {
      value: (scratch = {
        lanes: [],
        terms: [],
        buffer: sim.net.buffer as ArrayBuffer,
      }),
    });
  else new Float64Array(scratch.buffer).fill(0);
  sim.workingCapitalAtEnd = 0;
  sim.laneTiers = [];
  sim.standings = [];
  while (scratch.lanes.length < LANE_SERIES * lanes.length) scratch.lanes.push(zeros(n));
  while (scratch.terms.length < 8) scratch.terms.push([]);
  const { bookings, newCustomers, revenue, grossProfit, recurringGrossProfit, costs } = sim;
  const [margin, rebate, mdf, feePerDeal, mpShare, mpNet, mpNetRenewal, programMonthly] =
    scratch.terms as [
      number[],
      number[],
      number[],
      number[],
      number[],
      number[],
      number[],
      number[],
    ];
  const e = tiers[0]!.benefits;

  for (let l = 0; l < lanes.length; l++) {
    const lane = lanes[l]!;
    const a = lane.assumptions;
    const w = lane.weight;
    const base = LANE_SERIES * l;
    const nc = scratch.lanes[base]!;
    const nb = scratch.lanes[base + 1]!;
    const rb = scratch.lanes[base + 2]!;
    const owed = scratch.lanes[base + 3]!;
    const newSubscribers = scratch.lanes[base + 4]!;
    const measures = {} as Record<MetricMeasure, number[]>;
    METRIC_MEASURES.forEach((m, i) => (measures[m] = scratch.lanes[base + 5 + i]!));
    const monthly = lane.billing === 'monthly';
    const billedNew = monthly ? scratch.lanes[base + 5 + METRIC_MEASURES.length]! : nb;
    const billedRenewal = monthly ? scratch.lanes[base + 6 + METRIC_MEASURES.length]! : rb;

    // Volume, which no tier changes: the type on its own, before its weight.
    const N = a.newCustomersPerMonth;
    const f = Math.max(1, a.monthsToFirstDeal);
    const rampSteps = a.monthsToSteadyState + 1;
    nc[0] = nb[0] = rb[0] = 0;
    for (let t = 1; t <= H; t++) {
      const c = N * Math.min(1, Math.max(0, t - f + 1) / rampSteps);
      nc[t] = c;
      nb[t] = c * a.dealValue;
      rb[t] = t > 12 ? a.renewalRate * (nb[t - 12]! + rb[t - 12]!) : 0;
      newCustomers[t]! += w * c;
      bookings[t]! += w * (nb[t]! + rb[t]!);
    }
    // Billed monthly: each year's contract is billed a twelfth a month over its 12 months, so a
    // month bills a twelfth of each of the last 12 months' bookings (what falls after the horizon
    // is not earned within it).
    if (monthly) {
      billedNew[0] = billedRenewal[0] = 0;
      let sumNew = 0;
      let sumRenewal = 0;
      for (let t = 1; t <= H; t++) {
        sumNew += nb[t]!;
        sumRenewal += rb[t]!;
        if (t > 12) {
          sumNew -= nb[t - 12]!;
          sumRenewal -= rb[t - 12]!;
        }
        billedNew[t] = sumNew / 12;
        billedRenewal[t] = sumRenewal / 12;
      }
    }

    // Terms by tier, for what this type can use (see the header).
    const has = (s: StreamKind) => lane.streams.includes(s);
    const marketplace = marketplaceRole(lane.streams);
    const typed = (key: AssumptionKey) => lane.overridden.includes(key);
    const usable = (b: Parameters<typeof benefitUse>[1]) =>
      benefitUse(opts.program, b, lane.type).usable;
    const canDiscount = usable('discount');
    const canRebate = usable('rebate');
    const canMdf = usable('mdfRate');
    const canRefer = usable('referralFee');
    const canOffer = usable('privateOffers');
    const takes: boolean[] = [];
    const pays: boolean[] = [];
    for (let k = 0; k < T; k++) {
      const b = tiers[k]!.benefits;
      // A benefit the type cannot use pays it nothing: its rate stays the entry tier's.
      const rate = (key: AssumptionKey, ok: boolean, tierRate: number, entryRate: number) =>
        ok ? tierRateAt(k, a[key], typed(key), tierRate, entryRate) : a[key];
      margin[k] = rate('resaleMargin', canDiscount, b.discount, e.discount);
      rebate[k] = rate('rebateRate', canRebate, b.rebate, e.rebate);
      mdf[k] = rate('mdfRate', canMdf, b.mdfRate, e.mdfRate);
      const feeRate = rate('referralFeeRate', canRefer, b.referralFee, e.referralFee);
      // A cap of 0 means no cap: compared and raised as an unlimited one.
      const cap = canRefer
        ? tierRateAt(
            k,
            uncapped(a.referralFeeCap),
            typed('referralFeeCap'),
            uncapped(b.referralFeeCap),
            uncapped(e.referralFeeCap),
          )
        : uncapped(a.referralFeeCap);
      feePerDeal[k] = Math.min(feeRate * a.dealValue, cap);
      const offers = canOffer && b.marketplace.privateOffers;
      const feeRebate = canOffer ? b.marketplace.feeRebate : e.marketplace.feeRebate;
      mpShare[k] = marketplace === 'resells' && offers ? a.marketplaceShare : 0;
      mpNet[k] = margin[k]! - a.marketplaceFee * (1 - feeRebate);
      mpNetRenewal[k] = margin[k]! - a.marketplaceRenewalFee * (1 - feeRebate);
      programMonthly[k] = (lane.programFeePinned ? a.programFeeAnnual : b.programFeeAnnual) / 12;
      // A tier is taken when it costs nothing more, or raises a rate this case earns on.
      const raises =
        (has('resale') && margin[k]! > margin[0]!) ||
        (has('rebate') && rebate[k]! > rebate[0]!) ||
        (has('mdf') && mdf[k]! > mdf[0]!) ||
        (has('referral') && feePerDeal[k]! > feePerDeal[0]!) ||
        (marketplace === 'resells' && (mpShare[k]! > mpShare[0]! || mpNet[k]! > mpNet[0]!));
      pays[k] = k === 0 || raises;
      takes[k] = k === 0 || programMonthly[k]! <= programMonthly[0]! || raises;
    }

    // Tiers: the type's own metrics, month by month (the one rule, in program.ts).
    measureLane(lane, H, nc, billedNew, billedRenewal, measures);
    const { held, standings } = tierProgress(opts.program, tiers, lane.type, measures, H, {
      progression,
      takes,
      pays,
      standings: opts.standings,
    });
    sim.laneTiers.push(held);
    sim.standings.push(standings);

    // Money, at the terms of the tier held, added in at the lane's weight.
    const resells = has('resale');
    const gapMonths = Math.max(0, a.customerPaymentDays - a.vendorPaymentDays) / DAYS_PER_MONTH;
    const month: LaneMonth = {
      a,
      horizon: H,
      marketplace,
      marketing: a.marketingMonthly,
      t: 0,
      k: 0,
      customers: 0,
      newBookings: 0,
      renewalBookings: 0,
      newBilled: 0,
      renewalBilled: 0,
      margin,
      rebate,
      mdf,
      feePerDeal,
      mpShare,
      mpNet,
      mpNetRenewal,
      mdfBalance: 0,
      managedCustomers: 0,
      subscribers: 0,
      newSubscribers,
    };
    const marginOf = perStream((s) => {
      const key = STREAMS[s].margin;
      return key === null ? 1 : a[key];
    });
    const put: Put = (kind, t, fromNew, fromRenewals) => {
      const m = w * marginOf[kind];
      const recurring = STREAMS[kind].recurring;
      revenue[kind][t]! += w * (fromNew + fromRenewals);
      grossProfit[kind][t]! += (fromNew + fromRenewals) * m;
      if (recurring === 'all') recurringGrossProfit[t]! += (fromNew + fromRenewals) * m;
      else if (recurring === 'renewals') recurringGrossProfit[t]! += fromRenewals * m;
    };
    const steps = lane.streams.map((s) => STREAM_STEPS[s]);

    costs.onboarding[0]! += w * a.onboardingCost;
    costs.practiceBuild[0]! += w * a.practiceBuildCost;
    costs.launchMarketing[0]! += w * a.launchMarketingCost;
    costs.certifications[0]! +=
      w * a.certifications * (a.certificationFee + a.certificationHours * a.loadedHourlyCost);
    // Hires certify as they join (the tiers count them once ramped): their exams and study time
    // are costed in month 1, as the people certified up front are in month 0.
    if (H >= 1)
      costs.certifications[1]! +=
        w * a.hires * (a.certificationFee + a.certificationHours * a.loadedHourlyCost);
    owed[0] = 0;
    let tiedUp = 0;
    for (let t = 1; t <= H; t++) {
      const k = held[t]!;
      month.t = t;
      month.k = k;
      month.customers = nc[t]!;
      month.newBookings = nb[t]!;
      month.renewalBookings = rb[t]!;
      month.newBilled = billedNew[t]!;
      month.renewalBilled = billedRenewal[t]!;
      for (const step of steps) step(month, put);
      // Each resold order (a new contract or a renewal; renewals are worth the first year's
      // value, so their count is their value over it) costs its handling, except marketplace
      // deals, which the marketplace bills and collects.
      if (resells && a.costPerOrder > 0) {
        const renewing = a.dealValue > 0 ? rb[t]! / a.dealValue : 0;
        costs.costToServe[t]! += w * a.costPerOrder * (1 - mpShare[k]!) * (nc[t]! + renewing);
      }
      if (resells && gapMonths > 0) {
        // Purchases of the trailing gapMonths (a fraction of the oldest month) wait on customers.
        owed[t] = (1 - mpShare[k]!) * (1 - margin[k]!) * (billedNew[t]! + billedRenewal[t]!);
        let waiting = 0;
        let left = gapMonths;
        for (let s = t; s >= 1 && left > 0; s--, left--) waiting += owed[s]! * Math.min(1, left);
        costs.workingCapital[t]! += w * (waiting - tiedUp);
        tiedUp = waiting;
      }
      if (t === H) sim.workingCapitalAtEnd += w * tiedUp;
      costs.salesCapacity[t]! += (w * a.salesFte * a.salesCostAnnual) / 12;
      costs.hires[t]! += (w * a.hires * a.hireCostAnnual) / 12;
      costs.programFees[t]! += w * programMonthly[k]!;
      costs.lab[t]! += w * a.labCostMonthly;
      costs.marketing[t]! += w * a.marketingMonthly;
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
  return sim;
}

/** The lane with the largest weight (the first of equals): whose tiers a mix's summary shows. */
export const primaryLane = (lanes: readonly Pick<SimLane, 'weight'>[]): number =>
  lanes.reduce((best, l, i) => (l.weight > lanes[best]!.weight ? i : best), 0);

/** Sim lanes from resolved lanes, with some assumptions replaced (sensitivity, scenarios, break-even). */
export function withAssumptions<L extends SimLane>(
  lanes: readonly L[],
  change: (a: Assumptions) => Assumptions,
): SimLane[] {
  return lanes.map((l) => ({
    type: l.type,
    weight: l.weight,
    streams: l.streams,
    programFeePinned: l.programFeePinned,
    overridden: l.overridden,
    billing: l.billing,
    assumptions: change(l.assumptions),
  }));
}
