/** The appendix: the sources every cited figure comes from. */
import type { SequenceSlide } from '../../schema/template.ts';
import { sharedSize, text, type TextOptions } from '../blocks.ts';
import { body } from '../layout.ts';
import { titleOf, type BuiltSlide, type Ctx } from '../context.ts';

export function sourcesSlide(ctx: Ctx, spec: SequenceSlide): BuiltSlide {
  const g = ctx.grid;
  const b = body(g);
  const items = ctx.sources.map(
    // A title that ends in its own mark ("…maximize revenue?") takes no full stop after it.
    (s, i) =>
      `[${i + 1}] ${s.title}${/[.?!]$/.test(s.title) ? '' : '.'} ${s.url.replace(/^https?:\/\//, '')}`,
  );
  const noteH = 0.45;
  // Two columns of about the same length of text.
  const total = items.reduce((a, i) => a + i.length, 0);
  let half = 0;
  for (let acc = 0; half < items.length && acc + items[half]!.length / 2 <= total / 2; half++)
    acc += items[half]!.length;
  const columns = [items.slice(0, half), items.slice(half)].filter((c) => c.length);
  const boxes = [0, 6].map((start) => body(g, start, 6, b.y, b.y + b.h - noteH - 0.1));
  const opts: TextOptions = { max: ctx.style.type.body - 4, min: 8, paraGap: 6 };
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
    ],
    notes: `Every market figure and revenue share in this deck comes from these sources; the rest are assumptions to adjust with ${ctx.prospectInNotes}. Offer to send the links.`,
  };
}
