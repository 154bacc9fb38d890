/** What the partner earns: the lead slide of decks for partners who do not resell. */
import { resultWords } from '../../wording.ts';
import { streamLabel } from '../../result-display.ts';
import { STREAM_LABELS } from '../../business-case/types.ts';
import type { SequenceSlide } from '../../schema/template.ts';
import { cards, figures } from '../blocks.ts';
import { body } from '../layout.ts';
import type { StreamKind } from '../../stream-kinds.ts';
import {
  joinAnd,
  RESALE_INCOME,
  streamViews,
  titleOf,
  horizonYears,
  type BuiltSlide,
  type CardLine,
  type Ctx,
} from '../context.ts';

/** What a partner that does not resell is paid for, in its own streams' terms. */
function paidFor(streams: readonly StreamKind[]): string {
  const parts = [
    ...(streams.includes('training') ? ['the classes you teach'] : []),
    ...(streams.includes('services') || streams.includes('managed') ? ['advice and delivery'] : []),
    ...(streams.includes('referral') ? ['the introductions you make'] : []),
  ];
  return parts.length ? joinAnd(parts) : 'the work you do';
}

/** How the partner is paid, one card per way, in its own terms. */
function paymentLines(ctx: Ctx): CardLine[] {
  const w = resultWords(ctx.money);
  const a = ctx.result.assumptions;
  const entry = ctx.result.tiers[0];
  const streams = ctx.result.streams;
  const lines: CardLine[] = [];
  if (streams.includes('referral') && entry)
    lines.push({
      heading: 'Referral fees',
      body: `${w.percent(entry.benefits.referralFee)} of a referred customer’s first-year value${entry.benefits.referralFeeCap ? `, up to ${w.money(entry.benefits.referralFeeCap)} a referral` : ''}, paid ${w.months(a.referralLagMonths)} after the sale.`,
    });
  if (streams.includes('services'))
    lines.push({
      heading: 'Your own services',
      body: `About ${w.money(a.servicesAttachRatio * a.dealValue)} of project work per customer, priced and delivered by you.`,
    });
  if (streams.includes('managed')) {
    // A type that names the stream in its own words (a consultancy's retained advisory) is not
    // told it runs the product.
    const own = streamLabel(ctx.result, 'managed');
    lines.push(
      own === STREAM_LABELS.managed
        ? {
            heading: 'Managed services',
            body: `Monthly fees for running the product for your customers, renewed with them.`,
          }
        : {
            heading: own,
            body: `About ${w.money(a.managedFeeMonthly)} a month per customer, billed by you and renewed with them.`,
          },
    );
  }
  if (streams.includes('training'))
    lines.push({
      heading: 'Training',
      body: `${w.money(a.trainingRevenuePerCustomer)} of courses per new customer, at your own prices.`,
    });
  if (streams.includes('ip'))
    lines.push({
      heading: 'Your own product',
      body: `${w.money(a.ipRevenuePerCustomerAnnual)} of your licences a customer a year, sold alongside ${ctx.vendor.name}.`,
    });
  if (ctx.reselling && streams.includes('resale') && entry)
    lines.push({
      heading: 'Resale margin',
      body: `You buy at ${w.percent(entry.benefits.discount)} off list from ${entry.name} and set your own price.`,
    });
  // A stream that costs the partner money (an ISV's marketplace fee) is a line here, never a
  // lead figure.
  const fee = ctx.result.summary.revenueByStream.marketplace;
  if (fee < -0.5)
    lines.push({
      heading: 'Marketplace fees',
      body: `${w.money(-fee)} over ${horizonYears(ctx)} on the deals sold through a cloud marketplace, already taken off the gross profit.`,
    });
  const resale = resaleIncome(ctx);
  if (!ctx.reselling && resale > 0.5)
    // A mostly non-reselling mix: its reselling part keeps its income, as one line, never as
    // "nothing to resell" beside it.
    lines.push({
      heading: 'Resale, as one line',
      body: `The part of your business that resells keeps its income on what it moves: ${w.money(resale)} over ${horizonYears(ctx)}, counted here as one line.`,
    });
  else if (!ctx.reselling)
    lines.push(
      streams.includes('ip')
        ? {
            heading: 'Nothing of ours to resell',
            body: 'Your licences and your price list: we never ask you to carry ours.',
          }
        : {
            heading: 'Nothing to resell',
            body: `No stock, no credit risk and no price list to defend: you are paid for ${paidFor(streams)}.`,
          },
    );
  return lines;
}

/** The merged resale income of a non-reselling deck (a mix's reselling part), 0 when none. */
const resaleIncome = (ctx: Ctx): number =>
  streamViews(ctx).find((v) => v.label === RESALE_INCOME)?.total ?? 0;

export function earningsSlide(ctx: Ctx, spec: SequenceSlide): BuiltSlide {
  const s = ctx.result.summary;
  const w = resultWords(ctx.money);
  const years = horizonYears(ctx);
  const views = streamViews(ctx).filter((v) => v.total > 0.5);
  // One stream that is all the gross profit (a referral partner's fees): a second tile with the
  // same number says nothing, so it shows what is left after the partner's own costs instead.
  const onlyStream = views.length === 1 && Math.abs(views[0]!.total - s.grossProfit) < 0.5;
  const tiles = [
    ...views.slice(0, 3).map((v) => ({
      label: `${v.label} over ${years}`,
      value: w.money(v.total),
    })),
    onlyStream
      ? {
          label: `Left after your ${w.money(s.totalCosts)} of costs`,
          value: w.money(s.grossProfit - s.totalCosts),
        }
      : { label: `Gross profit over ${years}`, value: w.money(s.grossProfit) },
  ];
  const lines = paymentLines(ctx);
  const g = ctx.grid;
  const top = body(g);
  const gp = w.money(s.grossProfit);
  return {
    title: titleOf(
      ctx,
      spec,
      ctx.reselling
        ? `You earn ${gp} of gross profit over ${years} with ${ctx.vendor.name}`
        : resaleIncome(ctx) > 0.5
          ? `You earn ${gp} of gross profit over ${years}; ${w.money(views.filter((v) => v.label !== RESALE_INCOME).reduce((a, v) => a + v.total, 0))} of your income needs no reselling`
          : `You earn ${gp} of gross profit over ${years}, without reselling anything`,
    ),
    blocks: [
      ...figures(ctx, tiles, { ...top, h: 1.7 }),
      ...cards(
        ctx,
        lines.map((l) => ({ heading: l.heading, body: [l.body] })),
        { ...top, y: top.y + 1.7 + g.gutter, h: top.h - 1.7 - g.gutter },
        { columns: lines.length <= 3 ? lines.length : 2, bar: ctx.theme.colours.secondary },
      ),
    ],
    notes: `Lead with their money, in their terms. ${ctx.result.sentence} Over ${years} the practice earns ${gp} of gross profit, ${w.money(ctx.result.yearly[0]?.grossProfit ?? 0)} in year 1. Keep to fees, billable work and client outcomes. What puts ${ctx.prospectInNotes === 'the prospect' ? 'firms like this' : ctx.prospectInNotes} off: ${ctx.primary.alienatedBy[0] ?? 'margin talk'}`,
  };
}
