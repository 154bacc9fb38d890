/** What the partner earns: the lead slide of decks for partners who do not resell. */
import { resultWords } from '../../wording.ts';
import { STREAM_LABELS } from '../../business-case/types.ts';
import type { SequenceSlide } from '../../schema/template.ts';
import { MARGIN, BODY_Y, BODY_H, BODY_W } from '../layout.ts';
import { figures, text } from '../blocks.ts';
import { titleOf, streamsWithMoney, type Ctx, type BuiltSlide } from '../context.ts';

export function earningsSlide(ctx: Ctx, spec: SequenceSlide): BuiltSlide {
  const s = ctx.result.summary;
  const w = resultWords(ctx.money);
  const streams = streamsWithMoney(ctx);
  const items = [
    ...streams.slice(0, 3).map((k) => ({
      label: `${STREAM_LABELS[k]} over ${ctx.years} years`,
      value: w.money(s.revenueByStream[k]),
    })),
    {
      label: `Gross profit over ${ctx.years} years`,
      value: w.money(s.grossProfit),
    },
    {
      label: 'Year 1 gross profit',
      value: w.money(ctx.result.yearly[0]?.grossProfit ?? 0),
    },
  ];
  const a = ctx.result.assumptions;
  const entry = ctx.result.tiers[0];
  const lines: string[] = [];
  if (ctx.result.streams.includes('referral') && entry)
    lines.push(
      `Referral fees: ${w.percent(entry.benefits.referralFee)} of a referred customer's first-year value${entry.benefits.referralFeeCap ? `, up to ${w.money(entry.benefits.referralFeeCap)} a referral` : ''}, paid ${w.months(a.referralLagMonths)} after the sale.`,
    );
  if (ctx.result.streams.includes('services'))
    lines.push(
      `Your own services: about ${w.money(a.servicesAttachRatio * a.dealValue)} of project work per customer, priced and delivered by you.`,
    );
  if (ctx.result.streams.includes('training'))
    lines.push(`Training: ${w.money(a.trainingRevenuePerCustomer)} of courses per new customer.`);
  if (ctx.result.streams.includes('ip'))
    lines.push(
      `Your own IP: ${w.money(a.ipRevenuePerCustomerAnnual)} a customer a year alongside ${ctx.vendor.name}.`,
    );
  lines.push(
    `No stock, no credit risk and no price list to defend: you are paid for advice, delivery and trust, not for moving product.`,
  );
  return {
    title: titleOf(ctx, spec, 'What you earn with {vendor}'),
    blocks: [
      ...figures(ctx, items, { x: MARGIN, y: BODY_Y + 0.1, w: BODY_W, h: 1.5 }),
      text(
        ctx,
        lines,
        { x: MARGIN, y: BODY_Y + 1.9, w: BODY_W, h: BODY_H - 1.9 },
        { max: 20, min: 11, bullets: true },
      ),
    ],
    notes: `Lead with their money, in their terms. ${ctx.result.sentence} Over ${ctx.years} years the practice earns ${w.money(s.grossProfit)} of gross profit, ${w.money(ctx.result.yearly[0]?.grossProfit ?? 0)} in year 1. Keep to fees, billable work and client outcomes; what puts them off: ${ctx.primary.alienatedBy[0] ?? 'margin talk'}`,
  };
}
