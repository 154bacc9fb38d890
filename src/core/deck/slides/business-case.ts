/** The business case in two native charts: revenue by stream per year, and cumulative cash by month. */
import { resultWords } from '../../wording.ts';
import { customerValueTerms, statesRenewals } from '../../customer-value.ts';
import type { SequenceSlide } from '../../schema/template.ts';
import { text } from '../blocks.ts';
import { body } from '../layout.ts';
import type { ChartBlock } from '../model.ts';
import { joinAnd, moneyUnit, streamViews, titleOf, type BuiltSlide, type Ctx } from '../context.ts';

/** Monthly categories labelled once a year ("Start", "Year 1"...), or every quarter on a short horizon. */
function monthLabels(months: number): string[] {
  const yearly = months > 24;
  return Array.from({ length: months + 1 }, (_, m) => {
    if (m === 0) return 'Start';
    if (m % 12 === 0) return `Year ${m / 12}`;
    if (!yearly && m % 3 === 0) return `Month ${m}`;
    return '';
  });
}

export function businessCaseSlide(ctx: Ctx, spec: SequenceSlide): BuiltSlide {
  const r = ctx.result;
  const w = resultWords(ctx.money);
  const c = ctx.theme.colours;
  const g = ctx.grid;
  const small = ctx.style.type.small;
  const views = streamViews(ctx);
  const shown = views.length
    ? views
    : [{ label: 'Revenue', kinds: [], yearly: r.yearly.map(() => 0), total: 0 }];
  const cumulative = r.monthly.map((m) => Math.round(m.cumulative));
  // One unit for both charts: the larger of the two decides.
  const unit = moneyUnit(ctx.money, [
    ...r.yearly.map((y) => y.revenueTotal),
    ...cumulative,
    ...shown.flatMap((v) => v.yearly),
  ]);
  const b = body(g);
  const headH = 0.45;
  const noteH = 0.5;
  const chartTop = b.y + headH;
  const chartBottom = b.y + b.h - noteH - 0.05;
  const left = body(g, 0, 6, chartTop, chartBottom);
  const right = body(g, 6, 6, chartTop, chartBottom);
  const revenue: ChartBlock = {
    type: 'chart',
    box: left,
    kind: 'bar',
    // A stacked bar with one series makes PowerPoint repair the file (pptxgenjs #1357): stack only two or more.
    stacked: shown.length > 1,
    title: 'Revenue by stream, per year',
    categories: r.yearly.map((y) => `Year ${y.year}`),
    series: shown.map((v) => ({ name: v.label, values: v.yearly.map(Math.round) })),
    colors: c.chart.slice(0, Math.max(1, shown.length)),
    valueFormat: unit.excel,
    showLegend: shown.length > 1,
    fontSize: small,
  };
  const cash: ChartBlock = {
    type: 'chart',
    box: right,
    kind: 'line',
    stacked: false,
    title: 'Cumulative cash, by month',
    categories: monthLabels(r.monthly.length - 1),
    series: [{ name: 'Cumulative net cash', values: cumulative }],
    colors: [c.chart[1] ?? c.secondary],
    valueFormat: unit.excel,
    showLegend: false,
    tickEvery: 3,
    fontSize: small,
  };
  const head = (label: string, at: { x: number; w: number }) =>
    text(
      ctx,
      [label],
      { ...at, y: b.y, h: headH },
      {
        max: small + 4,
        min: small,
        bold: true,
        color: c.secondary,
        maxLines: 1,
      },
    );
  const last = r.yearly.at(-1);
  const a = r.assumptions;
  // Renewals only where the case earns on them (a one-off referral fee does not renew).
  const renews = statesRenewals(r);
  // Cash still owed by customers at the end is collected after the case and left out of the cash
  // line: a finance reader should not have to ask why cash trails gross profit.
  const waiting = r.summary.workingCapitalAtEnd >= 0.5 ? r.summary.workingCapitalAtEnd : 0;
  const payback = r.summary.paybackMonth;
  const title = `Revenue reaches ${unit.format(last?.revenueTotal ?? 0)} in year ${last?.year ?? 1}${
    payback === null
      ? ', but cumulative cash stays below zero'
      : payback === 0
        ? ' and cash is positive from the start'
        : `; cumulative cash turns positive in month ${payback}`
  }`;
  return {
    title: titleOf(ctx, spec, title),
    blocks: [
      head(revenue.title, left),
      revenue,
      head(
        payback === null || payback === 0
          ? cash.title
          : `${cash.title}: positive from month ${payback}`,
        right,
      ),
      cash,
      text(
        ctx,
        [
          `${ctx.money.currency}, as you earn it (${ctx.reselling ? 'margin, fees and services' : 'your fees and income'}, not list price). Assumes ${w.customers(a.newCustomersPerMonth, 'new customer')} a month at steady state${renews ? ` and ${w.percent(a.renewalRate)} renewals` : ''}${waiting ? `; cash leaves out the ${w.money(waiting)} your customers still owe at the end` : ''}; sources in the appendix.`,
        ],
        { ...b, y: b.y + b.h - noteH, h: noteH },
        { max: small, min: 9, color: c.muted, valign: 'bottom' },
      ),
    ],
    notes: `${r.sentence} The case assumes ${joinAnd([
      `${w.customers(a.newCustomersPerMonth, 'new customer')} a month at steady state`,
      ...customerValueTerms(r.streams, a, w),
      `the first deal in ${w.month(a.monthsToFirstDeal)}`,
      ...(renews ? [`${w.percent(a.renewalRate)} renewals`] : []),
    ])}. The charts are native and editable: change the numbers with ${ctx.prospectInNotes} in the room.`,
  };
}
