/** The business case: revenue by stream, cumulative cash and the key figures. */
import { resultWords } from '../../wording.ts';
import { STREAM_LABELS } from '../../business-case/types.ts';
import type { SequenceSlide } from '../../schema/template.ts';
import type { ChartBlock } from '../model.ts';
import { MARGIN, BODY_Y, BODY_W } from '../layout.ts';
import { figures } from '../blocks.ts';
import {
  titleOf,
  keyFigures,
  streamsWithMoney,
  currencyFormat,
  type Ctx,
  type BuiltSlide,
} from '../context.ts';

export function businessCaseSlide(ctx: Ctx, spec: SequenceSlide): BuiltSlide {
  const r = ctx.result;
  const c = ctx.theme.colours;
  const w = resultWords(ctx.money);
  const streams = streamsWithMoney(ctx);
  const shown = streams.length ? streams : r.streams.slice(0, 1);
  const years = r.yearly.map((y) => `Year ${y.year}`);
  const revenueSeries = shown.map((k) => ({
    name: STREAM_LABELS[k],
    values: r.yearly.map((y) => Math.round(y.revenue[k])),
  }));
  const maxRevenue = Math.max(1, ...r.yearly.map((y) => Math.abs(y.revenueTotal)));
  const revenue: ChartBlock = {
    type: 'chart',
    box: { x: MARGIN, y: BODY_Y, w: BODY_W / 2 - 0.15, h: 3.75 },
    kind: 'bar',
    // A stacked bar with one series makes PowerPoint repair the file (pptxgenjs #1357): stack only two or more.
    stacked: revenueSeries.length > 1,
    title: 'Revenue by stream, per year',
    categories: years,
    series: revenueSeries,
    colors: c.chart.slice(0, Math.max(1, revenueSeries.length)),
    valueFormat: currencyFormat(ctx.money, maxRevenue),
    showLegend: revenueSeries.length > 1,
  };
  const cumulative = r.monthly.map((m) => Math.round(m.cumulative));
  const maxCum = Math.max(1, ...cumulative.map(Math.abs));
  const cash: ChartBlock = {
    type: 'chart',
    box: { x: MARGIN + BODY_W / 2 + 0.15, y: BODY_Y, w: BODY_W / 2 - 0.15, h: 3.75 },
    kind: 'line',
    stacked: false,
    title:
      r.summary.paybackMonth === null
        ? 'Cumulative cash'
        : `Cumulative cash: payback ${w.payback(r.summary.paybackMonth, r.assumptions.horizonMonths).prose}`,
    categories: r.monthly.map((m) => `M${m.month}`),
    series: [{ name: 'Cumulative net cash', values: cumulative }],
    colors: [c.chart[1] ?? c.secondary],
    valueFormat: currencyFormat(ctx.money, maxCum),
    showLegend: false,
    labelEvery: r.monthly.length > 25 ? 6 : 3,
  };
  const f = keyFigures(ctx);
  const tiles = figures(
    ctx,
    [
      {
        label: `Net present value (${w.percent(r.assumptions.discountRateAnnual)} a year)`,
        value: f.npv,
      },
      { label: 'Payback', value: f.payback },
      { label: 'Internal rate of return', value: f.irr },
      { label: `Return on investment, ${ctx.years} years`, value: f.roi },
      { label: `Gross profit, ${ctx.years} years`, value: f.grossProfit },
      { label: 'Recurring share of gross profit', value: f.recurringShare },
    ],
    { x: MARGIN, y: BODY_Y + 3.95, w: BODY_W, h: 1.5 },
  );
  const assumptions = r.assumptions;
  const scen = r.scenarios.map((sc) => `${sc.label} ${w.money(sc.summary.npv)}`).join(', ');
  return {
    title: titleOf(ctx, spec, 'Your business case'),
    blocks: [revenue, cash, ...tiles],
    notes: `${r.sentence} The case assumes ${w.customers(assumptions.newCustomersPerMonth, 'new customer')} a month at steady state, a first-year deal of ${w.money(assumptions.dealValue)}, the first deal in ${w.month(assumptions.monthsToFirstDeal)} and ${w.percent(assumptions.renewalRate)} renewals. NPV ${f.npv}, payback ${f.paybackProse}, IRR ${f.irrProse}, ROI ${f.roi}. Scenarios (NPV): ${scen}. The charts are native and editable: change the numbers with ${ctx.prospect.company} in the room.${r.notes.length ? ` Notes: ${r.notes.join(' ')}` : ''}`,
  };
}
