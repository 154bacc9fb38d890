/** What it takes: the investment by item and the ramp timeline. */
import { formatMoney, formatNumber } from '../../format.ts';
import { COST_LABELS, COST_ITEMS } from '../../business-case/types.ts';
import type { SequenceSlide } from '../../schema/template.ts';
import { MARGIN, BODY_Y, BODY_H, BODY_W } from '../layout.ts';
import { text, table } from '../blocks.ts';
import { plural, titleOf, type Ctx, type BuiltSlide } from '../context.ts';

export function investmentSlide(ctx: Ctx, spec: SequenceSlide): BuiltSlide {
  const s = ctx.result.summary;
  const a = ctx.result.assumptions;
  const rows = COST_ITEMS.filter((k) => s.costsByItem[k] > 0.5).map((k) => [
    COST_LABELS[k],
    formatMoney(s.costsByItem[k], ctx.money),
  ]);
  rows.push([`Total over ${ctx.years} years`, formatMoney(s.totalCosts, ctx.money)]);
  const reached = ctx.result.tiers.filter((t) => t.reachedMonth !== null && t.reachedMonth > 0);
  const steps = [
    `Certify ${plural(a.certifications, 'person', 'people')}: ${formatMoney(a.certificationFee, ctx.money)} and about ${formatNumber(a.certificationHours, 'en-US', 0)} hours each.`,
    ...(a.hires
      ? [
          `Hire ${plural(a.hires, 'person', 'people')}, productive after ${plural(a.hireRampMonths, 'month')}.`,
        ]
      : ['No new hires: the practice starts with the people you have.']),
    `First deal in month ${a.monthsToFirstDeal}; ${formatNumber(a.newCustomersPerMonth)} new customer${a.newCustomersPerMonth === 1 ? '' : 's'} a month by month ${a.monthsToFirstDeal + a.monthsToSteadyState}.`,
    ...reached.map((t) => `${t.name} tier in month ${t.reachedMonth}.`),
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
    notes: `Be straight about the cost: ${formatMoney(s.totalCosts, ctx.money)} over ${ctx.years} years, most of it ${COST_ITEMS.slice()
      .sort((x, y) => s.costsByItem[y] - s.costsByItem[x])
      .slice(0, 2)
      .map((k) => COST_LABELS[k].toLowerCase())
      .join(
        ' and ',
      )}. Ask who would get certified first and whether the ramp matches their sales cycle.`,
  };
}
