/**
 * A play's economics: what every partner in it earns from the same customers, each from the
 * business-case engine, then the money they pass to each other and the marketplace's fee.
 *
 * - Every partner works on the same customers and deal: the keys in JOINT_KEYS are the
 *   play's own `assumptions` where it sets them, else the lead partner's resolved case.
 * - Each partner's case runs on the streams it earns from in the play (its role's `streams`,
 *   some of its type's), for the play's product, vertical and segment, with its role's own
 *   assumptions. Earnings are gross profit on the joint customers over the case's horizon,
 *   before each partner's practice costs (its own business case carries those).
 * - Shares are taken from the payer's engine figures month by month: services or managed
 *   revenue, or the contract (first-year value at `rate`, renewals at `renewalRate`).
 * - Marketplace fees are charged on the contract (renewals at `renewalFee` when set) and
 *   come off the earnings of the partner that pays them, or the vendor's.
 */
import type { AssumptionKey, Assumptions } from '../assumption-registry.ts';
import { MAIN_ONLY, runCase } from '../business-case/run-case.ts';
import type { CaseRequest, CaseResult, MonthRow, StreamKind } from '../business-case/types.ts';
import { partnerTypeById, type Dataset } from '../dataset.ts';
import type { Credit, Play, PlayRole, PlayShare } from '../schema/plays.ts';

/** Values every partner of a play shares: the customers, the deal and the case's horizon. */
export const JOINT_KEYS = [
  'newCustomersPerMonth',
  'monthsToFirstDeal',
  'monthsToSteadyState',
  'dealValue',
  'renewalRate',
  'horizonMonths',
  'discountRateAnnual',
] as const satisfies readonly AssumptionKey[];

export interface PlayPartner {
  type: string;
  name: string;
  role: string;
  does: string;
  credit: Credit[];
  lead: boolean;
  streams: StreamKind[];
  /** Gross profit on the play's customers over the horizon, from the engine. */
  grossProfit: number;
  grossProfitByStream: Partial<Record<StreamKind, number>>;
  sharesPaid: number;
  sharesReceived: number;
  marketplaceFees: number;
  /** grossProfit - sharesPaid + sharesReceived - marketplaceFees. */
  net: number;
  /** Net in the case's first year (months 0 to 12). */
  netYear1: number;
  /** Net per joint customer won over the horizon. */
  perCustomer: number | null;
  /** Highest tier the engine reaches on the play's customers alone. */
  tierReached: string;
  /** The request behind this partner's figures (its business-case page takes it as a link). */
  request: CaseRequest;
}

export interface PlayShareResult extends PlayShare {
  amount: number;
  amountYear1: number;
}

export interface PlayEconomics {
  id: string;
  horizonMonths: number;
  /** Joint customers won over the horizon. */
  customers: number;
  dealValue: number;
  /** Contract value over the horizon (first-year and renewals). */
  bookings: number;
  partners: PlayPartner[];
  shares: PlayShareResult[];
  marketplace?: { paidBy: string; amount: number; amountYear1: number } | undefined;
}

const YEAR_1 = 12;

/**
 * A dataset whose copy of the role's type earns only from the role's streams, and takes the
 * deal (value and renewal rate) from the product, vertical and segment rather than from the
 * type's own defaults: the deal belongs to the play, not to one partner.
 */
function roleDataset(d: Dataset, role: PlayRole): Dataset {
  const type = partnerTypeById(d, role.type);
  if (!type) throw new Error(`play role names unknown partner type "${role.type}"`);
  const { dealValue: _deal, renewalRate: _renewal, ...defaults } = type.businessCase.defaults;
  const variant = {
    ...type,
    businessCase: { ...type.businessCase, streams: role.streams, defaults },
  };
  return { ...d, partnerTypes: d.partnerTypes.map((t) => (t.id === type.id ? variant : t)) };
}

const valuesOf = (a: Play['assumptions'] | undefined): Partial<Assumptions> =>
  Object.fromEntries(Object.entries(a ?? {}).flatMap(([k, f]) => (f ? [[k, f.value]] : [])));

/** The contract month by month: first-year value of new customers, and renewals. */
function contractSeries(result: CaseResult) {
  const dv = result.assumptions.dealValue;
  return result.monthly.map((m) => {
    const first = m.newCustomers * dv;
    return { first, renewal: Math.max(0, m.bookings - first) };
  });
}

function shareSeries(share: PlayShare, payer: CaseResult): number[] {
  const on = share.on;
  if (on === 'contract')
    return contractSeries(payer).map(
      (c) => share.rate.value * c.first + (share.renewalRate?.value ?? 0) * c.renewal,
    );
  return payer.monthly.map((m: MonthRow) => share.rate.value * m.revenue[on]);
}

const sum = (xs: readonly number[], to = Infinity) =>
  xs.reduce((s, x, t) => (t <= to ? s + x : s), 0);

/** Run every partner's case for a play and settle the money between them. */
export function playEconomics(d: Dataset, play: Play): PlayEconomics {
  const lead = play.roles.find((r) => r.type === play.lead) ?? play.roles[0]!;
  const shared = valuesOf(play.assumptions);
  const base = {
    product: play.product,
    ...(play.vertical ? { vertical: play.vertical } : {}),
    ...(play.segment ? { segment: play.segment } : {}),
  };
  const run = (role: PlayRole, joint: Partial<Assumptions>) => {
    const request: CaseRequest = {
      mix: [{ type: role.type, weight: 1 }],
      ...base,
      overrides: { ...shared, ...joint, ...valuesOf(role.assumptions) },
    };
    return { request, result: runCase(roleDataset(d, role), request, MAIN_ONLY) };
  };
  const first = run(lead, {});
  const joint = Object.fromEntries(
    JOINT_KEYS.map((k) => [k, first.result.assumptions[k]]),
  ) as Partial<Assumptions>;
  const runs = new Map(
    play.roles.map((r) => [
      r.type,
      r === lead
        ? {
            ...first,
            request: { ...first.request, overrides: { ...first.request.overrides, ...joint } },
          }
        : run(r, joint),
    ]),
  );

  const shares: PlayShareResult[] = play.shares.map((s) => {
    const series = shareSeries(s, runs.get(s.from)!.result);
    return { ...s, amount: sum(series), amountYear1: sum(series, YEAR_1) };
  });
  const contract = contractSeries(first.result);
  const mp = play.marketplace;
  const fees = mp
    ? contract.map((c) => mp.fee.value * c.first + (mp.renewalFee ?? mp.fee).value * c.renewal)
    : undefined;

  const partners = play.roles.map((role): PlayPartner => {
    const { request, result } = runs.get(role.type)!;
    const paid = shares.filter((s) => s.from === role.type);
    const received = shares.filter((s) => s.to === role.type);
    const pays = fees && mp?.paidBy === role.type ? fees : undefined;
    const sharesPaid = paid.reduce((s, x) => s + x.amount, 0);
    const sharesReceived = received.reduce((s, x) => s + x.amount, 0);
    const marketplaceFees = pays ? sum(pays) : 0;
    const net = result.summary.grossProfit - sharesPaid + sharesReceived - marketplaceFees;
    const netYear1 =
      result.yearly[0]!.grossProfit -
      paid.reduce((s, x) => s + x.amountYear1, 0) +
      received.reduce((s, x) => s + x.amountYear1, 0) -
      (pays ? sum(pays, YEAR_1) : 0);
    const reached = result.tiers.filter((t) => t.reachedMonth !== null);
    const customers = result.summary.newCustomers;
    return {
      type: role.type,
      name: partnerTypeById(d, role.type)!.name,
      role: role.role,
      does: role.does,
      credit: role.credit,
      lead: role === lead,
      streams: role.streams,
      grossProfit: result.summary.grossProfit,
      grossProfitByStream: Object.fromEntries(
        role.streams.map((s) => [s, result.summary.grossProfitByStream[s]]),
      ),
      sharesPaid,
      sharesReceived,
      marketplaceFees,
      net,
      netYear1,
      perCustomer: customers > 0 ? net / customers : null,
      tierReached: reached.at(-1)?.name ?? '',
      request,
    };
  });

  return {
    id: play.id,
    horizonMonths: first.result.assumptions.horizonMonths,
    customers: first.result.summary.newCustomers,
    dealValue: first.result.assumptions.dealValue,
    bookings: first.result.summary.bookings,
    partners,
    shares,
    marketplace:
      mp && fees
        ? { paidBy: mp.paidBy, amount: sum(fees), amountYear1: sum(fees, YEAR_1) }
        : undefined,
  };
}

/** The plays a partner type is part of, in the file's order. */
export const playsWithType = (d: Dataset, typeId: string): Play[] =>
  (d.plays?.plays ?? []).filter((p) => p.roles.some((r) => r.type === typeId));

/** What each credit means, in a partner manager's words. */
export const CREDIT_LABELS: Record<Credit, { label: string; meaning: string }> = {
  sourced: { label: 'Sourced', meaning: 'brought the opportunity' },
  influenced: { label: 'Influenced', meaning: 'shaped the customer’s decision' },
  delivered: { label: 'Delivered', meaning: 'implemented or trained' },
  managed: { label: 'Managed', meaning: 'runs it for the customer' },
  transacted: { label: 'Transacted', meaning: 'billed the customer' },
};

/**
 * A play as a deck shows it to one partner type: plain text and figures, computed where the
 * whole dataset is at hand (the build, the CLI) and handed to the browser's deck builder as
 * JSON, which has only the types of its own deck.
 */
export interface PlayCard {
  id: string;
  name: string;
  /** The vendor product the play is for (its id). */
  product: string;
  customerNeed: string;
  trigger: string;
  leadName: string;
  leadWhy: string;
  horizonMonths: number;
  customers: number;
  dealValue: number;
  /** Every partner of the play, in the play's order; `self` marks the deck's own type. */
  partners: {
    type: string;
    name: string;
    role: string;
    credit: string[];
    net: number;
    perCustomer: number | null;
    self: boolean;
  }[];
}

/** The plays a type is part of, as cards for its deck (in the file's order). */
export function playCards(d: Dataset, typeId: string): PlayCard[] {
  return playsWithType(d, typeId).map((play) => {
    const e = playEconomics(d, play);
    return {
      id: play.id,
      name: play.name,
      product: play.product,
      customerNeed: play.customerNeed,
      trigger: play.trigger,
      leadName: partnerTypeById(d, play.lead)?.name ?? play.lead,
      leadWhy: play.leadWhy,
      horizonMonths: e.horizonMonths,
      customers: e.customers,
      dealValue: e.dealValue,
      partners: e.partners.map((p) => ({
        type: p.type,
        name: p.name,
        role: p.role,
        credit: p.credit.map((c) => CREDIT_LABELS[c].label),
        net: p.net,
        perCustomer: p.perCustomer,
        self: p.type === typeId,
      })),
    };
  });
}
