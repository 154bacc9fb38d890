/** What it takes: the investment by item and how the first months go. */
import { resultWords } from '../../wording.ts';
import { COST_ITEMS, COST_LABELS } from '../../business-case/types.ts';
import { costLabel } from '../../result-display.ts';
import type { SequenceSlide } from '../../schema/template.ts';
import { cards, table, text } from '../blocks.ts';
import { body } from '../layout.ts';
import { primaryTiers } from '../../tier-view.ts';
import {
  capitalize,
  horizonYears,
  lowerFirst,
  titleOf,
  type BuiltSlide,
  type Ctx,
} from '../context.ts';

/** The ramp, step by step: only steps that happen (no "certify 0 people"), one card a month. */
function rampSteps(ctx: Ctx): { heading: string; body: string }[] {
  const a = ctx.result.assumptions;
  const w = resultWords(ctx.money);
  const at = (m: number) => Math.max(0, Math.round(m));
  const steps: { at: number; body: string }[] = [];
  const hours = `about ${w.number(a.certificationHours, 0)} hours of study`;
  if (a.certifications > 0)
    steps.push({
      at: 0,
      // Vouchers or a free exam: say so rather than "$0".
      body: `Certify ${a.certifications === 1 ? 'one person' : w.count(a.certifications, 'person', 'people')}: ${
        a.certificationFee > 0 ? `${w.money(a.certificationFee)} and ` : ''
      }${hours}${a.certifications === 1 ? '' : ' each'}${a.certificationFee > 0 ? '' : ', no exam fee'}.`,
    });
  // People in full-time equivalents (FTE): "0.1 FTE" reads right where "0.1 people" does not.
  const fte = (n: number) => `${w.number(n, 2)} FTE`;
  // The type's own name for that time (an influencer's is time on content), else the generic one.
  const sales = costLabel(ctx.result, 'salesCapacity');
  if (a.salesFte > 0)
    steps.push({
      at: Math.min(1, at(a.monthsToFirstDeal)),
      body: `${sales === COST_LABELS.salesCapacity ? 'Sales and pre-sales' : sales}: ${fte(a.salesFte)}, from before the first deal.`,
    });
  steps.push({
    at: 0,
    body:
      a.hires <= 0
        ? 'No delivery hires: you start with the people you have.'
        : `Delivery: ${fte(a.hires)}, certified as they join and productive ${a.hireRampMonths > 0 ? `after ${w.months(a.hireRampMonths)}` : 'at once'}.`,
  });
  steps.push({
    at: at(a.monthsToFirstDeal),
    body: `First deal; ${w.customers(a.newCustomersPerMonth, 'new customer')} a month by ${w.month(a.monthsToFirstDeal + a.monthsToSteadyState)}.`,
  });
  for (const t of primaryTiers(ctx.result, ctx.primary.id).tiers)
    if (t.reachedMonth !== null && t.reachedMonth > 0)
      steps.push({ at: at(t.reachedMonth), body: `${t.name} tier reached.` });
  // Steps in the same month share a card.
  const merged: { at: number; body: string }[] = [];
  for (const s of steps.sort((x, y) => x.at - y.at)) {
    const same = merged.find((m) => m.at === s.at);
    if (same) same.body = `${same.body} ${s.body}`;
    else merged.push({ ...s });
  }
  return merged.slice(0, 5).map((m) => ({ heading: capitalize(w.month(m.at)), body: m.body }));
}

export function investmentSlide(ctx: Ctx, spec: SequenceSlide): BuiltSlide {
  const w = resultWords(ctx.money);
  const s = ctx.result.summary;
  const years = horizonYears(ctx);
  const items = COST_ITEMS.filter((k) => s.costsByItem[k] > 0.5).sort(
    (x, y) => s.costsByItem[y] - s.costsByItem[x],
  );
  // Working capital is not spent: it is what customers still owe when the case ends, and says so.
  const rows = items.map((k) => [
    k === 'workingCapital'
      ? `Working capital (customers still owe it at ${w.month(ctx.result.assumptions.horizonMonths)})`
      : costLabel(ctx.result, k),
    w.money(s.costsByItem[k]),
  ]);
  rows.push([`Total over ${years}`, w.money(s.totalCosts)]);
  const g = ctx.grid;
  const b = body(g);
  const headH = 0.45;
  const head = (label: string, start: number, n: number) =>
    text(ctx, [label], body(g, start, n, b.y, b.y + headH), {
      max: ctx.style.type.small + 4,
      min: ctx.style.type.small,
      bold: true,
      color: ctx.theme.colours.secondary,
      maxLines: 1,
    });
  const top = items.slice(0, 2).map((k) => lowerFirst(costLabel(ctx.result, k)));
  const steps = rampSteps(ctx);
  return {
    title: titleOf(
      ctx,
      spec,
      `You invest ${w.money(s.totalCosts)} over ${years}${top.length ? `, most of it in ${top.join(' and ')}` : ''}`,
    ),
    blocks: [
      head('The investment', 0, 5),
      table(ctx, ['Item', 'Amount'], rows, body(g, 0, 5, b.y + headH + 0.05), {
        align: ['left', 'right'],
        totalRow: true,
        max: ctx.style.type.body - 2,
      }),
      head('How the first months go', 5, 7),
      ...cards(
        ctx,
        steps.map((st) => ({ heading: st.heading, body: [st.body] })),
        body(g, 5, 7, b.y + headH + 0.05),
        {
          columns: 1,
          bar: ctx.theme.colours.accent,
          max: ctx.style.type.body - 2,
          gap: 0.12,
          headingBeside: 1.3,
        },
      ),
    ],
    notes: `Be straight about the cost: ${w.money(s.totalCosts)} over ${years}${top.length ? `, most of it ${top.join(' and ')}` : ''}. Ask who would get certified first and whether the ramp matches their sales cycle.`,
  };
}
