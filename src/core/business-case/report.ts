/** Turn a simulation's arrays into the rows and key figures of a case. */
import type { Tier } from '../schema/vendor.ts';
import { annualise, irr, npvMonthly, paybackFromCumulative } from './finance.ts';
import { DEFAULT_BANDS, irrCaveat, type Bands } from './bands.ts';
import type { Simulation } from './simulate.ts';
import { perStream, STREAM_KINDS } from '../stream-kinds.ts';
import {
  COST_ITEMS,
  type CaseSummary,
  type CostItem,
  type CostRecord,
  type MonthRow,
  type StreamKind,
  type StreamRecord,
  type YearRow,
} from './types.ts';

const sumRange = (a: ArrayLike<number>, from: number, to: number) => {
  let s = 0;
  for (let t = from; t <= to; t++) s += a[t]!;
  return s;
};
const streamsBetween = (
  r: Record<StreamKind, ArrayLike<number>>,
  from: number,
  to: number,
): StreamRecord => perStream((k) => sumRange(r[k], from, to));
const streamsAt = (r: Record<StreamKind, ArrayLike<number>>, t: number): StreamRecord =>
  perStream((k) => r[k][t]!);
const costsBetween = (
  r: Record<CostItem, ArrayLike<number>>,
  from: number,
  to: number,
): CostRecord => {
  const out = {} as CostRecord;
  for (const c of COST_ITEMS) out[c] = sumRange(r[c], from, to);
  return out;
};
const costsAt = (r: Record<CostItem, ArrayLike<number>>, t: number): CostRecord => {
  const out = {} as CostRecord;
  for (const c of COST_ITEMS) out[c] = r[c][t]!;
  return out;
};
const total = (r: StreamRecord) => {
  let s = 0;
  for (const k of STREAM_KINDS) s += r[k];
  return s;
};

/** NPV of the case's net cash at a yearly rate (month 0 undiscounted). */
export const caseNpv = (sim: Simulation, discountRateAnnual: number): number =>
  npvMonthly(discountRateAnnual, sim.net);

/** Key figures; break-even customers is added by the caller (it needs more simulations). */
export function summarise(
  sim: Simulation,
  discountRateAnnual: number,
  bands: Bands = DEFAULT_BANDS,
): Omit<CaseSummary, 'breakEvenCustomers'> {
  const H = sim.horizon;
  const revenueByStream = streamsBetween(sim.revenue, 0, H);
  const grossProfitByStream = streamsBetween(sim.grossProfit, 0, H);
  const costsByItem = costsBetween(sim.costs, 0, H);
  const revenue = total(revenueByStream);
  const grossProfit = sumRange(sim.grossProfitTotal, 0, H);
  const totalCosts = sumRange(sim.costTotal, 0, H);
  const recurringGrossProfit = sumRange(sim.recurringGrossProfit, 0, H);
  const rate = irr(sim.net);
  const irrAnnual = annualise(rate.rate);
  let lowest = 0;
  for (let t = 0; t <= H; t++) lowest = Math.min(lowest, sim.cumulative[t]!);
  const peakFunding = -lowest;
  const caveat = irrCaveat({ irrAnnual, peakFunding, grossProfit }, bands);
  return {
    npv: caseNpv(sim, discountRateAnnual),
    irrAnnual,
    irrMonthly: rate.rate,
    irrAmbiguous: rate.ambiguous,
    irrMeaningful: irrAnnual !== null && caveat === null,
    irrCaveat: caveat,
    peakFunding,
    workingCapitalAtEnd: sim.workingCapitalAtEnd,
    paybackMonth: paybackFromCumulative(sim.cumulative),
    roi: finiteOrNull(totalCosts > 0 ? (grossProfit - totalCosts) / totalCosts : null),
    revenue,
    grossProfit,
    totalCosts,
    netCash: sumRange(sim.net, 0, H),
    recurringGrossProfit,
    recurringShare: grossProfit > 0 ? recurringGrossProfit / grossProfit : null,
    revenueByStream,
    grossProfitByStream,
    costsByItem,
    bookings: sumRange(sim.bookings, 0, H),
    newCustomers: sumRange(sim.newCustomers, 0, H),
  };
}

/** Month rows; `tier` is the tier the primary lane (the heaviest type) holds, `tiers` every lane's. */
export function monthlyRows(sim: Simulation, tiers: readonly Tier[], primary = 0): MonthRow[] {
  const rows: MonthRow[] = [];
  for (let t = 0; t <= sim.horizon; t++) {
    const revenue = streamsAt(sim.revenue, t);
    rows.push({
      month: t,
      revenue,
      revenueTotal: total(revenue),
      grossProfit: sim.grossProfitTotal[t]!,
      costs: sim.costTotal[t]!,
      costItems: costsAt(sim.costs, t),
      net: sim.net[t]!,
      cumulative: sim.cumulative[t]!,
      bookings: sim.bookings[t]!,
      newCustomers: sim.newCustomers[t]!,
      tier: tiers[sim.laneTiers[primary]![t]!]!.id,
      tiers: sim.laneTiers.map((held) => tiers[held[t]!]!.id),
    });
  }
  return rows;
}

/** Years of 12 months; year 1 also holds month 0; a horizon that is not whole years ends with a short year. */
export function yearlyRows(sim: Simulation): YearRow[] {
  const rows: YearRow[] = [];
  for (let year = 1; 12 * (year - 1) < sim.horizon; year++) {
    const from = year === 1 ? 0 : 12 * (year - 1) + 1;
    const to = Math.min(12 * year, sim.horizon);
    const revenue = streamsBetween(sim.revenue, from, to);
    rows.push({
      year,
      fromMonth: from,
      toMonth: to,
      revenue,
      revenueTotal: total(revenue),
      grossProfitByStream: streamsBetween(sim.grossProfit, from, to),
      grossProfit: sumRange(sim.grossProfitTotal, from, to),
      costItems: costsBetween(sim.costs, from, to),
      costs: sumRange(sim.costTotal, from, to),
      net: sumRange(sim.net, from, to),
      cumulative: sim.cumulative[to]!,
      bookings: sumRange(sim.bookings, from, to),
      newCustomers: sumRange(sim.newCustomers, from, to),
    });
  }
  return rows;
}

/** A ratio over near-zero costs can overflow; report it as undefined rather than Infinity. */
function finiteOrNull(x: number | null): number | null {
  return x !== null && Number.isFinite(x) ? x : null;
}
