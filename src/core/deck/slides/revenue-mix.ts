/** How the partner makes money today: its revenue streams, shares and margins. */
import { formatPercent, formatPercentRange } from '../../format.ts';
import type { SequenceSlide } from '../../schema/template.ts';
import { MARGIN, BODY_Y, BODY_H, BODY_W } from '../layout.ts';
import { text, table } from '../blocks.ts';
import { titleOf, type Ctx, type BuiltSlide } from '../context.ts';

export function revenueMixSlide(ctx: Ctx, spec: SequenceSlide): BuiltSlide {
  const multi = ctx.types.length > 1;
  const rows = ctx.types.flatMap((t) =>
    t.revenueStreams.map((r) => [
      ...(multi ? [t.name] : []),
      r.name,
      formatPercent(r.share.value),
      formatPercentRange(r.grossMargin.min, r.grossMargin.max),
    ]),
  );
  const header = [
    ...(multi ? ['Partner type'] : []),
    'Revenue stream',
    'Share of revenue',
    'Gross margin',
  ];
  return {
    title: titleOf(ctx, spec, 'How you make money today'),
    blocks: [
      text(
        ctx,
        [ctx.types.map((t) => t.summary).join(' ')],
        { x: MARGIN, y: BODY_Y, w: BODY_W, h: 1.0 },
        { max: 18, min: 10 },
      ),
      table(
        ctx,
        header,
        rows,
        { x: MARGIN, y: BODY_Y + 1.15, w: BODY_W, h: BODY_H - 1.15 },
        multi ? [2.5, 4.5, 2, 2] : [6, 2.5, 2.5],
      ),
    ],
    notes: `Check this against ${ctx.prospect.company}'s own mix: ask what share of revenue each line is and where the margin is. Typical figures for a ${ctx.primary.name.toLowerCase()}, each cited in the sources: ${ctx.primary.revenueStreams.map((r) => `${r.name} ${formatPercent(r.share.value)} of revenue at ${formatPercentRange(r.grossMargin.min, r.grossMargin.max)} gross margin`).join('; ')}.`,
  };
}
