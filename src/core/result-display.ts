/**
 * What the calculator shows, as text and plain numbers, from one engine result. Pure: the page
 * renders it at build time and the browser renders it again on every change, so both say the
 * same thing. Every number goes through `finite()`/`show()`: a NaN or an Infinity becomes
 * "—" in text and null (a gap) on a chart, never a word on screen.
 *
 * No business-case maths here: only picking, labelling and formatting the engine's output.
 */
import type { CaseResult, MonthRow, StreamKind } from './business-case/types.ts';
import { COST_LABELS, STREAM_LABELS, type CostItem } from './business-case/types.ts';
import { STREAMS } from './stream-kinds.ts';
import {
  ASSUMPTION_GROUPS,
  ASSUMPTIONS,
  isAssumptionKey,
  type AssumptionGroup,
  type Unit,
} from './assumption-registry.ts';
import { csvCustomers, csvMoney, DASH, finite, resultWords, type ResultWords } from './wording.ts';
import type { Money } from './format.ts';

export { DASH, finite };
/** A number for a chart: null (a gap) unless finite. */
export const chartNumber = (n: unknown): number | null => (finite(n) ? n : null);

/** The wording every view of a case uses (src/core/wording.ts). */
export type Fmt = ResultWords;
export const formatter = (m: Money): Fmt => resultWords(m);

/** The form group holding a stream's assumptions (its description says; rebates and MDF sit with resale). */
export const groupOfStream = (s: StreamKind): AssumptionGroup => STREAMS[s].group;

/** Groups always shown, whatever the streams. */
export const COMMON_GROUPS: readonly AssumptionGroup[] = [
  'horizon',
  'volume',
  'investment',
  'costs',
];

/** Form groups that matter for a case: horizon, volume and costs, plus those of its streams; in registry order. */
export function relevantGroups(streams: readonly StreamKind[]): AssumptionGroup[] {
  const wanted = new Set<AssumptionGroup>([...COMMON_GROUPS, ...streams.map(groupOfStream)]);
  return (Object.keys(ASSUMPTION_GROUPS) as AssumptionGroup[]).filter((g) => wanted.has(g));
}

export interface KeyFigure {
  id: 'npv' | 'irr' | 'payback' | 'roi' | 'grossProfit' | 'recurringShare' | 'breakEven';
  label: string;
  value: string;
  /** A short explanation under the figure ("" when there is none). */
  note: string;
}

/**
 * How the gross profit is reached, in sums a reader can check on the card: revenue less the cost
 * of what was sold. The partner's own costs of adding the line come off after it (ROI, NPV), so
 * they are named as such, not subtracted here (a finance reader does the sum first).
 */
function grossProfitNote(s: CaseResult['summary'], f: Fmt): string {
  const costOfSales = s.revenue - s.grossProfit;
  const own = `before the ${f.money(s.totalCosts)} the partner spends to add the line.`;
  return Math.abs(costOfSales) < 0.5
    ? `All of the ${f.money(s.revenue)} revenue, ${own}`
    : `${f.money(s.revenue)} revenue less ${f.money(costOfSales)} cost of sales, ${own}`;
}

export function keyFigures(r: CaseResult, f: Fmt): KeyFigure[] {
  const s = r.summary;
  const horizon = r.monthly.length - 1;
  const irr = f.irr(s);
  const payback = f.payback(s.paybackMonth, horizon);
  const breakEven = f.breakEven(s.breakEvenCustomers);
  return [
    {
      id: 'npv',
      label: 'Net present value',
      value: f.money(s.npv),
      note: `Over ${horizon} months, each month's cash valued today at a ${f.percent(r.assumptions.discountRateAnnual)} yearly cost of capital.`,
    },
    {
      id: 'irr',
      label: 'IRR (yearly)',
      value: irr.value,
      // A plain rate gets the comparison a finance reader makes first; every other IRR (none,
      // ambiguous, not meaningful) brings its own note, so the rate here is a number.
      note:
        irr.note ||
        `The yearly return on the cash the case puts in: ${(s.irrAnnual ?? 0) >= r.assumptions.discountRateAnnual ? 'above' : 'below'} the ${f.percent(r.assumptions.discountRateAnnual)} cost of capital.`,
    },
    { id: 'payback', label: 'Payback', value: payback.value, note: payback.note },
    {
      id: 'roi',
      label: 'Return on investment',
      value: f.roi(s.roi),
      note: 'Gross profit less costs, over costs, in plain sums over the case (no cost of capital).',
    },
    {
      id: 'grossProfit',
      label: 'Gross profit',
      value: f.money(s.grossProfit),
      note: grossProfitNote(s, f),
    },
    {
      id: 'recurringShare',
      label: 'Recurring share',
      value: s.recurringShare === null ? DASH : f.rate(s.recurringShare),
      note: 'Share of gross profit that recurs (renewals and monthly fees).',
    },
    {
      id: 'breakEven',
      label: 'Break-even customers',
      value: breakEven.value,
      note: breakEven.note,
    },
  ];
}

export interface Table {
  caption: string;
  head: string[];
  /** First cell of each row is its header. */
  rows: string[][];
}

export function scenarioTable(r: CaseResult, f: Fmt): Table {
  const cols = r.scenarios;
  const horizon = r.monthly.length - 1;
  const row = (label: string, cell: (s: (typeof cols)[number]) => string) => [
    label,
    ...cols.map(cell),
  ];
  return {
    caption: 'Scenarios: volume, deal size and ramp varied together',
    head: ['', ...cols.map((s) => s.label)],
    rows: [
      row('New customers', (s) => `×${f.number(s.multipliers.newCustomersPerMonth, 2)}`),
      row('Value per customer', (s) => `×${f.number(s.multipliers.valuePerCustomer, 2)}`),
      row('Ramp time', (s) => `×${f.number(s.multipliers.ramp, 2)}`),
      row('Net present value', (s) => f.money(s.summary.npv)),
      row('Gross profit', (s) => f.money(s.summary.grossProfit)),
      row('Costs', (s) => f.money(s.summary.totalCosts)),
      row('Payback', (s) => f.payback(s.summary.paybackMonth, horizon).value),
      row('IRR (yearly)', (s) => f.irr(s.summary).value),
    ],
  };
}

export { tierItems, tierWorth, type TierItem, type TierWorth } from './tier-view.ts';

/** The name the types of a case give a thing, when they all give the same one; `generic` otherwise. */
function agreedName(names: readonly string[], generic: string): string {
  const distinct = new Set(names);
  return distinct.size === 1 ? [...distinct][0]! : generic;
}

/**
 * A stream's label in this case. A stream that costs the partner money (an ISV pays the
 * marketplace's fee on the deals it lists) is named for what it is: "Marketplace fees".
 */
export function streamLabel(r: CaseResult, s: StreamKind): string {
  if (s === 'marketplace' && r.summary.revenueByStream[s] < 0) return 'Marketplace fees';
  // The type's own name for the stream (a consultancy's retained advisory), when every type of
  // the case that earns it agrees; the generic label otherwise.
  return agreedName(
    r.lanes.filter((l) => l.streams.includes(s)).map((l) => l.streamNames[s] ?? STREAM_LABELS[s]),
    STREAM_LABELS[s],
  );
}

/**
 * A cost's label in this case: the type's own name for it (an influencer's sales capacity is
 * the time it spends making content), when every type of the case agrees; the generic label
 * otherwise.
 */
export const costLabel = (r: CaseResult, item: CostItem): string =>
  agreedName(
    r.lanes.map((l) => l.costNames[item] ?? COST_LABELS[item]),
    COST_LABELS[item],
  );

/** The case's streams, what earns most first; a stream that costs money comes last. */
export const streamsByTotal = (r: CaseResult): StreamKind[] =>
  [...r.streams].sort((a, b) => r.summary.revenueByStream[b] - r.summary.revenueByStream[a]);

/** Columns of the monthly table and its CSV: one per stream of the case, then totals. */
export function monthlyColumns(
  r: CaseResult,
): { key: string; label: string; get: (m: MonthRow) => number | string; money: boolean }[] {
  const tierName = new Map(r.tiers.map((t) => [t.id, t.name]));
  return [
    { key: 'month', label: 'Month', get: (m) => m.month, money: false },
    ...r.streams.map((s) => ({
      key: s,
      label: streamLabel(r, s),
      get: (m: MonthRow) => m.revenue[s],
      money: true,
    })),
    { key: 'revenue', label: 'Revenue', get: (m) => m.revenueTotal, money: true },
    { key: 'grossProfit', label: 'Gross profit', get: (m) => m.grossProfit, money: true },
    { key: 'costs', label: 'Costs', get: (m) => m.costs, money: true },
    { key: 'net', label: 'Net cash', get: (m) => m.net, money: true },
    { key: 'cumulative', label: 'Cumulative cash', get: (m) => m.cumulative, money: true },
    { key: 'newCustomers', label: 'New customers', get: (m) => m.newCustomers, money: false },
    // One tier column per type: each type of a mix climbs the tiers on its own.
    ...r.lanes.map((lane, i) => ({
      key: r.lanes.length > 1 ? `tier-${lane.type}` : 'tier',
      label: r.lanes.length > 1 ? `Tier (${lane.name})` : 'Tier',
      get: (m: MonthRow) => tierName.get(m.tiers[i] ?? m.tier) ?? m.tier,
      money: false,
    })),
  ];
}

export function monthlyTable(r: CaseResult, f: Fmt): Table {
  const cols = monthlyColumns(r);
  return {
    caption: `Month by month, in ${r.currency}`,
    head: cols.map((c) => c.label),
    rows: r.monthly.map((m) =>
      cols.map((c) => {
        const v = c.get(m);
        if (typeof v === 'string') return v;
        return c.money ? f.money(v) : c.key === 'newCustomers' ? f.customers(v) : f.number(v, 0);
      }),
    ),
  };
}

/** Rows for the CSV: the same columns, money to the cent and customers to one decimal. */
export function monthlyCsvRows(r: CaseResult): {
  header: string[];
  rows: (string | number | null)[][];
} {
  const cols = monthlyColumns(r);
  return {
    header: cols.map((c) => (c.money ? `${c.label} (${r.currency})` : c.label)),
    rows: r.monthly.map((m) =>
      cols.map((c) => {
        const v = c.get(m);
        if (typeof v === 'string') return v;
        return c.money ? csvMoney(v) : c.key === 'newCustomers' ? csvCustomers(v) : v;
      }),
    ),
  };
}

export interface YearlyRevenue {
  labels: string[];
  series: { key: string; label: string; data: (number | null)[] }[];
}

export function revenueByYear(r: CaseResult): YearlyRevenue {
  return {
    labels: r.yearly.map((y) => `Year ${y.year}`),
    series: r.streams.map((s) => ({
      key: s,
      label: streamLabel(r, s),
      data: r.yearly.map((y) => chartNumber(y.revenue[s])),
    })),
  };
}

export function cumulativeCash(r: CaseResult): {
  labels: string[];
  data: (number | null)[];
  paybackMonth: number | null;
} {
  const p = r.summary.paybackMonth;
  return {
    labels: r.monthly.map((m) => String(m.month)),
    data: r.monthly.map((m) => chartNumber(m.cumulative)),
    paybackMonth: p !== null && finite(p) && p > 0 ? p : null,
  };
}

/** Tornado rows: NPV change from the base case when each driver is at its low and its high value. */
export function tornado(r: CaseResult): {
  labels: string[];
  low: (number | null)[];
  high: (number | null)[];
  lowValues: number[];
  highValues: number[];
  keys: string[];
} {
  const base = r.summary.npv;
  const rows = [...r.sensitivity].sort((a, b) => b.swing - a.swing);
  return {
    keys: rows.map((s) => s.key),
    labels: rows.map((s) => s.label),
    low: rows.map((s) => chartNumber(s.low.npv - base)),
    high: rows.map((s) => chartNumber(s.high.npv - base)),
    lowValues: rows.map((s) => s.low.value),
    highValues: rows.map((s) => s.high.value),
  };
}

/** The sensitivity table's rows: driver, low value, NPV change, high value, NPV change; largest swing first. */
export function tornadoRows(r: CaseResult, f: Fmt): string[][] {
  const rows = [...r.sensitivity].sort((a, b) => b.swing - a.swing);
  return rows.map((row) => [
    row.label,
    movedValue(row.key, row.low, f),
    f.money(row.low.npv - r.summary.npv),
    movedValue(row.key, row.high, f),
    f.money(row.high.npv - r.summary.npv),
  ]);
}

/** How the sensitivity table and the CLI name the two moves. */
export const SENSITIVITY_HEAD = { low: 'At ×0.8', high: 'At ×1.2', driver: 'Driver (×0.8 / ×1.2)' };

/** A moved driver's value, marked when the move stopped at a bound or changed the tier reached. */
export function movedValue(
  key: string,
  p: CaseResult['sensitivity'][number]['low'],
  f: Fmt,
): string {
  const unit = isAssumptionKey(key) ? ASSUMPTIONS[key].unit : 'count';
  const marks: string[] = [];
  if (p.atBound) marks.push('its limit');
  if (p.tier) marks.push(`${p.tier.reached ? 'reaches' : 'misses'} ${p.tier.name}`);
  const value = formatAssumption(unit, p.value, f);
  return marks.length ? `${value} (${marks.join('; ')})` : value;
}

/** The revenue chart's data as table rows: stream, then its revenue in each year. */
export const revenueRows = (rev: YearlyRevenue, f: Fmt): string[][] =>
  rev.series.map((s) => [s.label, ...s.data.map((v) => f.money(v))]);

/** Text alternatives for the charts (aria-label) in a sentence or two. */
export function chartSummaries(
  r: CaseResult,
  f: Fmt,
): { revenue: string; cash: string; tornado: string } {
  const years = r.yearly;
  const last = years[years.length - 1];
  const top = last
    ? [...r.streams].sort((a, b) => last.revenue[b] - last.revenue[a])[0]
    : undefined;
  const revenue = `Stacked bars of yearly revenue by stream over ${years.length} years: ${years.map((y) => `year ${y.year} ${f.money(y.revenueTotal)}`).join(', ')}${top && last ? `; the largest stream in year ${last.year} is ${STREAM_LABELS[top].toLowerCase()}` : ''}.`;
  const low = r.monthly.reduce(
    (min, m) => (m.cumulative < min.cumulative ? m : min),
    r.monthly[0]!,
  );
  const end = r.monthly[r.monthly.length - 1]!;
  const p = r.summary.paybackMonth;
  const payback = f.payback(p, end.month);
  const cash = `Line of cumulative cash by month: lowest ${f.money(low.cumulative)} in ${f.month(low.month)}, ${f.money(end.cumulative)} by ${f.month(end.month)}; payback ${payback.prose}.`;
  const t = tornado(r);
  const tornadoText = t.labels.length
    ? `Tornado of the change in net present value when each driver is set low and high, largest first: ${t.labels
        .slice(0, 4)
        .map((l, i) => `${l} ${f.money(t.low[i])} to ${f.money(t.high[i])}`)
        .join('; ')}.`
    : 'No sensitivity drivers for this case.';
  return { revenue, cash, tornado: tornadoText };
}

/** An assumption's value in its unit: "$25,000", "15%", "9 months", "0.3×". */
export const formatAssumption = (unit: Unit, value: number, f: Fmt): string =>
  f.assumption(unit, value);

/** Where a field's value came from, in a few words; a typed value a tier pays more than says so. */
export function fieldSource(r: CaseResult, key: string, overridden: boolean, f: Fmt): string {
  if (!overridden)
    return isAssumptionKey(key) ? (PROVENANCE_WORDS[r.provenance[key].from] ?? '') : '';
  const s = r.superseded.find((x) => x.key === key);
  if (!s || !isAssumptionKey(key)) return PROVENANCE_WORDS.override!;
  const v =
    key === 'referralFeeCap' && s.value === 0
      ? 'no cap'
      : formatAssumption(ASSUMPTIONS[key].unit, s.value, f);
  return `Your value until ${f.month(s.month)}; from then ${s.tier} pays ${v}`;
}

/** Where a field's value came from, in a few words. */
export const PROVENANCE_WORDS: Record<string, string> = {
  fallback: 'Kit default',
  product: 'From the product',
  tier: 'From the entry tier',
  type: 'Partner-type default',
  vertical: 'Adjusted for the vertical',
  segment: 'Adjusted for the segment',
  override: 'Your value',
  mix: 'Weighted across the mix',
};
