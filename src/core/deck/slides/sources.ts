/** The appendix: the sources every cited figure comes from. */
import type { SequenceSlide } from '../../schema/template.ts';
import { sharedSize, text, type TextOptions } from '../blocks.ts';
import { body } from '../layout.ts';
import {
  joinAnd,
  lowerLabel,
  titleOf,
  typeNoun,
  withArticle,
  type BuiltSlide,
  type Ctx,
} from '../context.ts';
import { ASSUMPTIONS } from '../../assumption-registry.ts';
import { sensitivityDrivers } from '../../business-case/sensitivity.ts';
import { perCustomerKeys, statesRenewals } from '../../customer-value.ts';
import { RESALE_TALK } from '../resale-talk.ts';

/**
 * Where each input the case turns on comes from, as a finance lead asks it: cited (with the
 * source's number in this appendix), the vendor's own price list or program, the prospect's own
 * figure, or an estimate to adjust together. The cost of capital is the case's frame, not an input.
 */
export function inputOrigins(ctx: Ctx): string[] {
  const r = ctx.result;
  const cited: string[] = [];
  const vendors: string[] = [];
  const theirs: string[] = [];
  const estimates: string[] = [];
  // The inputs this case turns on: not the deal value where no stream earns on it (a training
  // partner's courses), nor renewals where nothing renews, as the headline's footnote says it.
  const perCustomer = perCustomerKeys(r.streams);
  const renews = statesRenewals(r);
  for (const key of sensitivityDrivers(r.lanes)) {
    if (key === 'discountRateAnnual') continue;
    if (key === 'dealValue' && !perCustomer.includes('dealValue')) continue;
    if (key === 'renewalRate' && !renews) continue;
    const label = lowerLabel(ASSUMPTIONS[key].label);
    // A deck that may not talk resale names no discount, rebate or MDF input (resale-talk.ts).
    if (!ctx.reselling && RESALE_TALK.test(label)) continue;
    const p = r.provenance[key];
    const last = p.steps.at(-1);
    const at = last?.source ? ctx.sources.findIndex((s) => s.id === last.source) : -1;
    if (at >= 0) cited.push(`${label} [${at + 1}]`);
    else if (p.from === 'product' || p.from === 'tier') vendors.push(label);
    else if (p.from === 'override') theirs.push(label);
    else estimates.push(label);
  }
  return [
    cited.length ? `Cited: ${joinAnd(cited)}.` : '',
    vendors.length
      ? `${ctx.vendor.name}'s own figures (its price list, renewals and program): ${joinAnd(vendors)}.`
      : '',
    theirs.length ? `Your own figures: ${joinAnd(theirs)}.` : '',
    estimates.length
      ? `Estimates for ${ctx.types.length > 1 ? `a firm that is ${ctx.mixLabel}` : withArticle(`typical ${typeNoun(ctx.primary.name)}`)}, to adjust together: ${joinAnd(estimates)}.`
      : '',
  ].filter(Boolean);
}

export function sourcesSlide(ctx: Ctx, spec: SequenceSlide): BuiltSlide {
  const g = ctx.grid;
  const b = body(g);
  const items = ctx.sources.map(
    // A title that ends in its own mark ("…maximize revenue?") takes no full stop after it.
    (s, i) =>
      `[${i + 1}] ${s.title}${/[.?!]$/.test(s.title) ? '' : '.'} ${s.url.replace(/^https?:\/\//, '')}`,
  );
  // Under the sources, where the business case's inputs come from; the rest of the slide lists
  // the sources in two columns.
  const origins = inputOrigins(ctx);
  const headH = 0.4;
  const noteH = origins.length ? 1.9 : 0.45;
  // Two columns of about the same length of text.
  const total = items.reduce((a, i) => a + i.length, 0);
  let half = 0;
  for (let acc = 0; half < items.length && acc + items[half]!.length / 2 <= total / 2; half++)
    acc += items[half]!.length;
  const columns = [items.slice(0, half), items.slice(half)].filter((c) => c.length);
  const boxes = [0, 6].map((start) => body(g, start, 6, b.y, b.y + b.h - noteH - 0.1));
  // A short list is set larger (up to the cards' size) rather than left in a corner of the slide.
  const opts: TextOptions = { max: ctx.style.type.body - 2, min: 8, paraGap: 6 };
  // Both columns at one size.
  const size = sharedSize(
    ctx,
    columns.map((list, i) => ({ paragraphs: list, box: boxes[i]! })),
    opts,
  );
  const column = (list: string[], i: number) =>
    text(ctx, list, boxes[i]!, { ...opts, max: size, min: Math.min(size, opts.min) });
  return {
    title: titleOf(
      ctx,
      spec,
      items.length
        ? 'Every market figure in this deck comes from these sources'
        : `The figures are ${ctx.vendor.name}'s own or marked as assumptions`,
    ),
    blocks: [
      ...columns.map(column),
      ...(origins.length
        ? [
            text(
              ctx,
              ["Where the business case's inputs come from"],
              { ...b, y: b.y + b.h - noteH, h: headH },
              {
                max: ctx.style.type.small + 2,
                min: ctx.style.type.small,
                bold: true,
                color: ctx.theme.colours.secondary,
                maxLines: 1,
              },
            ),
            text(
              ctx,
              origins,
              { ...b, y: b.y + b.h - noteH + headH, h: noteH - headH },
              // The sources' size, or the deck's small text where a long list set them smaller.
              { max: Math.max(size, ctx.style.type.small), min: 8, paraGap: 4 },
            ),
          ]
        : [
            text(
              ctx,
              ['Figures without a source are assumptions we can adjust together.'],
              { ...b, y: b.y + b.h - noteH, h: noteH },
              {
                max: ctx.style.type.small,
                min: 9,
                color: ctx.theme.colours.muted,
                valign: 'bottom',
                maxLines: 1,
              },
            ),
          ]),
    ],
    notes: `Every market figure in this deck comes from these sources, and so does every share, margin and input marked as cited; the rest are estimates to adjust with ${ctx.prospectInNotes}. Offer to send the links.`,
  };
}
