/** Turn a simulation's arrays into the rows and key figures of a case. */
import type { Tier } from '../schema/vendor.ts';
import { annualise, irr, npvMonthly, paybackFromCumulative } from './finance.ts';
import type { Simulation } from './simulate.ts';
import { COST_ITEMS, STREAM_KINDS, type CaseSummary, type CostRecord, type MonthRow, type StreamRecord, type YearRow } from './types.ts';

const streamRecord = (f: (s: (typeof STREAM_KINDS)[number]) => number) => {
  const r = {} as StreamRecord;
  for (const s of STREAM_KINDS) r[s] = f(s);
  return r;
};
const costRecord = (f: (c: (typeof COST_ITEMS)[number]) => number) => {
  const r = {} as CostRecord;
  for (const c of COST_ITEMS) r[c] = f(c);
  return r;
};
const sumRange = (a: readonly number[], from: number, to: number) => {
  let s = 0;
  for (let t = from; t <= to; t++) s += a[t]!;
  return s;
};

/** NPV of the case's net cash at a yearly rate (month 0 undiscounted). */
export const caseNpv = (sim: Simulation, discountRateAnnual: number): number => npvMonthly(discountRateAnnual, sim.net);

/** Key figures; break-even customers is added by the caller (it needs more simulations). */
export function summarise(sim: Simulation, discountRateAnnual: number): Omit<CaseSummary, 'breakEvenCustomers'> {
  const H = sim.horizon;
  const revenueByStream = streamRecord((s) => sumRange(sim.revenue[s], 0, H));
  const grossProfitByStream = streamRecord((s) => sumRange(sim.grossProfit[s], 0, H));
  const costsByItem = costRecord((c) => sumRange(sim.costs[c], 0, H));
  const revenue = STREAM_KINDS.reduce((s, k) => s + revenueByStream[k], 0);
  const grossProfit = sumRange(sim.grossProfitTotal, 0, H);
  const totalCosts = sumRange(sim.costTotal, 0, H);
  const recurringGrossProfit = sumRange(sim.recurringGrossProfit, 0, H);
  const rate = irr(sim.net);
  return {
    npv: caseNpv(sim, discountRateAnnual),
    irrAnnual: annualise(rate.rate),
    irrMonthly: rate.rate,
    irrAmbiguous: rate.ambiguous,
    paybackMonth: paybackFromCumulative(sim.cumulative),
    roi: totalCosts > 0 ? (grossProfit - totalCosts) / totalCosts : null,
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

export function monthlyRows(sim: Simulation, tiers: readonly Tier[]): MonthRow[] {
  const rows: MonthRow[] = [];
  for (let t = 0; t <= sim.horizon; t++) {
    const revenue = streamRecord((s) => sim.revenue[s][t]!);
    rows.push({
      month: t,
      revenue,
      revenueTotal: STREAM_KINDS.reduce((s, k) => s + revenue[k], 0),
      grossProfit: sim.grossProfitTotal[t]!,
      costs: sim.costTotal[t]!,
      costItems: costRecord((c) => sim.costs[c][t]!),
      net: sim.net[t]!,
      cumulative: sim.cumulative[t]!,
      bookings: sim.bookings[t]!,
      newCustomers: sim.newCustomers[t]!,
      tier: tiers[sim.tier[t]!]!.id,
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
    const revenue = streamRecord((s) => sumRange(sim.revenue[s], from, to));
    rows.push({
      year,
      fromMonth: from,
      toMonth: to,
      revenue,
      revenueTotal: STREAM_KINDS.reduce((s, k) => s + revenue[k], 0),
      grossProfitByStream: streamRecord((s) => sumRange(sim.grossProfit[s], from, to)),
      grossProfit: sumRange(sim.grossProfitTotal, from, to),
      costItems: costRecord((c) => sumRange(sim.costs[c], from, to)),
      costs: sumRange(sim.costTotal, from, to),
      net: sumRange(sim.net, from, to),
      cumulative: sim.cumulative[to]!,
      bookings: sumRange(sim.bookings, from, to),
      newCustomers: sumRange(sim.newCustomers, from, to),
    });
  }
  return rows;
}
