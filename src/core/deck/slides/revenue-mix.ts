/** How the partner makes money today: its revenue streams, their shares and margins. */
import { formatPercentRange } from '../../format.ts';
import { resultWords } from '../../wording.ts';
import { mixLines } from '../../revenue-mix.ts';
import type { SequenceSlide } from '../../schema/template.ts';
import { cards, table, text } from '../blocks.ts';
import { RESALE_TALK } from '../resale-talk.ts';
import { body } from '../layout.ts';
import type { ChartBlock } from '../model.ts';
import {
  pluralNoun,
  joinAnd,
  lowerLabel,
  possessive,
  streamViews,
  titleOf,
  typeNoun,
  withArticle,
  type BuiltSlide,
  type Ctx,
} from '../context.ts';

/**
 * "Referral fees bring", "Sponsorships and sponsored content bring", "Product and licence resale
 * brings", "Transaction fees on software sold bring": plural when any of the things joined ends in
 * a plural, read before a preposition ("on software sold") or a parenthesis.
 */
export const pluralSubject = (name: string): boolean => {
  const head = name
    .replace(/\s*\([^)]*\)/g, '')
    .split(/\s+(?:on|of|for|from|with|in|to|after|through)\s+/)[0]!
    .trim();
  return head
    .split(/,\s*|\s+and\s+/)
    .some((part) => /[^s]s$/i.test(part.trim().split(/\s+/).at(-1) ?? ''));
};

/**
 * What the line adds, in the small card beside the margins: the two largest streams by name and
 * the rest as a count, so a partner with five streams reads a whole sentence, never one cut off.
 */
export function adds(labels: readonly string[]): string {
  if (labels.length <= 3)
    return `More ${joinAnd(labels)}: the business case that follows counts ${labels.length > 1 ? 'them' : 'it'} month by month.`;
  const rest = labels.length - 2;
  return `More ${labels[0]}, ${labels[1]} and ${rest} more ${rest > 1 ? 'streams' : 'stream'}, counted month by month in the business case that follows.`;
}

type Stream = Ctx['primary']['revenueStreams'][number];

/**
 * What the slide may say of where its figures come from: a share or margin with a source is
 * cited in the appendix, one without is the data's estimate. Most published research gives
 * margins, few give a typical firm's revenue split, so "cited" is said only of what is.
 */
export function mixProvenance(streams: readonly Stream[], plural: string, noun: string): string {
  const figures = streams.flatMap((r) => [r.share, r.grossMargin]);
  const cited = figures.filter((f) => f.source).length;
  if (cited === figures.length) return `Typical figures for ${plural}, cited in the appendix.`;
  if (cited === 0)
    return `Estimates for ${withArticle(`typical ${noun}`)}: check them against your own.`;
  return `Figures for ${withArticle(`typical ${noun}`)}: ${cited} of ${figures.length} cited in the appendix, the rest estimates.`;
}

/** A figure in the notes, marked when it is an estimate rather than cited. */
const marked = (words: string, figure: { source?: string }) =>
  figure.source ? words : `${words} (estimate)`;

export function revenueMixSlide(ctx: Ctx, spec: SequenceSlide): BuiltSlide {
  const w = resultWords(ctx.money);
  const g = ctx.grid;
  const small = ctx.style.type.small;
  const notes = `Check this against ${possessive(ctx.prospectInNotes)} own mix: ask what share of revenue each line is and where the margin is. ${ctx.types.map((t) => t.summary).join(' ')} Typical figures (estimates are marked; the rest are cited in the sources): ${ctx.types
    .flatMap((t) =>
      t.revenueStreams.map(
        (r) =>
          `${r.name} ${marked(w.percent(r.share.value), r.share)} of ${possessive(withArticle(typeNoun(t.name)))} revenue at ${marked(`${formatPercentRange(r.grossMargin.min, r.grossMargin.max)} gross margin`, r.grossMargin)}`,
      ),
    )
    .join('; ')}.`;
  if (ctx.types.length > 1) {
    // A deck that may not talk resale leaves out streams named for rebates or MDF.
    const rows = ctx.types.flatMap((t) =>
      t.revenueStreams
        .filter((r) => ctx.reselling || !RESALE_TALK.test(r.name))
        .map((r) => [
          t.name,
          r.name,
          w.percent(r.share.value),
          formatPercentRange(r.grossMargin.min, r.grossMargin.max),
        ]),
    );
    return {
      title: titleOf(
        ctx,
        spec,
        `A firm that is ${ctx.mixLabel} earns from ${rows.length} kinds of work today`,
      ),
      blocks: [
        table(
          ctx,
          ['Partner type', 'Revenue stream', 'Share of its revenue', 'Gross margin'],
          rows,
          body(g),
          { align: ['left', 'left', 'right', 'right'], spread: true },
        ),
      ],
      notes,
    };
  }
  const t = ctx.primary;
  const streams = [...t.revenueStreams].sort((a, b) => b.share.value - a.share.value);
  const top = streams[0]!;
  const noun = typeNoun(t.name);
  // The bars add up to 100%: what the cited streams leave is a bar of its own, last.
  const bars = mixLines(streams);
  const chart: ChartBlock = {
    type: 'chart',
    box: body(g, 0, 7, body(g).y + 0.5),
    kind: 'bar',
    horizontal: true,
    stacked: false,
    title: `Share of ${possessive(withArticle(noun))} revenue`,
    categories: bars.map((b) => b.name),
    series: [{ name: 'Share of revenue', values: bars.map((b) => b.share) }],
    colors: [ctx.theme.colours.primary],
    valueFormat: '0%',
    showLegend: false,
    showValues: true,
    fontSize: small + 2,
  };
  return {
    title: titleOf(
      ctx,
      spec,
      `${top.name} ${pluralSubject(top.name) ? 'bring' : 'brings'} ${w.percent(top.share.value)} of a typical ${possessive(noun)} revenue today`,
    ),
    blocks: [
      text(
        ctx,
        [`Share of a typical ${possessive(noun)} revenue`],
        body(g, 0, 7, body(g).y, body(g).y + 0.45),
        {
          max: small + 4,
          min: small,
          bold: true,
          color: ctx.theme.colours.secondary,
          maxLines: 1,
        },
      ),
      chart,
      text(ctx, ['Gross margin by stream'], body(g, 7, 5, body(g).y, body(g).y + 0.45), {
        max: small + 4,
        min: small,
        bold: true,
        color: ctx.theme.colours.secondary,
        maxLines: 1,
      }),
      table(
        ctx,
        ['Revenue stream', 'Gross margin'],
        streams.map((r) => [r.name, formatPercentRange(r.grossMargin.min, r.grossMargin.max)]),
        body(g, 7, 5, body(g).y + 0.5, body(g).y + 2.75),
        { align: ['left', 'right'] },
      ),
      ...cards(
        ctx,
        [
          {
            heading: `What a ${ctx.vendor.name} line adds`,
            // What the line adds is what it earns: a fee the partner pays (an ISV's marketplace
            // fee) is a cost, not something added.
            body: [
              adds(
                streamViews(ctx)
                  .filter((v) => v.total > 0)
                  .map((v) => lowerLabel(v.label)),
              ),
            ],
          },
        ],
        body(g, 7, 5, body(g).y + 2.75 + g.gutter, body(g).y + body(g).h - 0.5),
        { columns: 1, bar: ctx.theme.colours.secondary, max: ctx.style.type.body - 2 },
      ),
      text(
        ctx,
        [mixProvenance(streams, pluralNoun(noun), noun)],
        body(g, 7, 5, body(g).y + body(g).h - 0.45),
        { max: small, min: small - 2, color: ctx.theme.colours.muted },
      ),
    ],
    notes,
  };
}
