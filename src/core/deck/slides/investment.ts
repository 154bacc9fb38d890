/** What it takes: the investment by item and the ramp timeline. */
import { resultWords } from '../../wording.ts';
import { COST_LABELS, COST_ITEMS } from '../../business-case/types.ts';
import type { SequenceSlide } from '../../schema/template.ts';
import { MARGIN, BODY_Y, BODY_H, BODY_W } from '../layout.ts';
import { text, table } from '../blocks.ts';
import { titleOf, type Ctx, type BuiltSlide } from '../context.ts';

export function investmentSlide(ctx: Ctx, spec: SequenceSlide): BuiltSlide {
  const s = ctx.result.summary;
  const a = ctx.result.assumptions;
  const w = resultWords(ctx.money);
  const rows = COST_ITEMS.filter((k) => s.costsByItem[k] > 0.5).map((k) => [
    COST_LABELS[k],
    w.money(s.costsByItem[k]),
  ]);
  rows.push([`Total over ${ctx.years} years`, w.money(s.totalCosts)]);
  const reached = ctx.result.tiers.filter((t) => t.reachedMonth !== null && t.reachedMonth > 0);
  const steps = [
    `Certify ${w.count(a.certifications, 'person', 'people')}: ${w.money(a.certificationFee)} and about ${w.number(a.certificationHours, 0)} hours each.`,
    ...(a.hires
      ? [
          `Hire ${w.count(a.hires, 'person', 'people')}, productive after ${w.months(a.hireRampMonths)}.`,
        ]
      : ['No new hires: the practice starts with the people you have.']),
    `First deal in ${w.month(a.monthsToFirstDeal)}; ${w.customers(a.newCustomersPerMonth, 'new customer')} a month by ${w.month(a.monthsToFirstDeal + a.monthsToSteadyState)}.`,
    ...reached.map(
      (t) => `${t.name} tier ${w.tierReached(t.reachedMonth, a.horizonMonths).prose}.`,
    ),
  ];
  return {
    title: titleOf(ctx, spec, 'What it takes'),
    blocks: [
      table(
        ctx,
        ['Investment', 'Amount'],
        rows,
        { x: MARGIN, y: BODY_Y, w: BODY_W * 0.45, h: BODY_H },
        [3, 2],
      ),
      text(
        ctx,
        ['Ramp timeline'],
        { x: MARGIN + BODY_W * 0.5, y: BODY_Y, w: BODY_W * 0.5, h: 0.5 },
        { max: 18, min: 12, bold: true, color: ctx.theme.colours.secondary, maxLines: 1 },
      ),
      text(
        ctx,
        steps,
        { x: MARGIN + BODY_W * 0.5, y: BODY_Y + 0.6, w: BODY_W * 0.5, h: BODY_H - 0.6 },
        { max: 18, min: 10, bullets: true },
      ),
    ],
    notes: `Be straight about the cost: ${w.money(s.totalCosts)} over ${ctx.years} years, most of it ${COST_ITEMS.slice()
      .sort((x, y) => s.costsByItem[y] - s.costsByItem[x])
      .slice(0, 2)
      .map((k) => COST_LABELS[k].toLowerCase())
      .join(
        ' and ',
      )}. Ask who would get certified first and whether the ramp matches their sales cycle.`,
  };
}
