/** The partner's objections and the answers. */
import type { SequenceSlide } from '../../schema/template.ts';
import { MARGIN, BODY_Y, BODY_H, BODY_W } from '../layout.ts';
import { table } from '../blocks.ts';
import { titleOf, type Ctx, type BuiltSlide } from '../context.ts';

export function objectionsSlide(ctx: Ctx, spec: SequenceSlide): BuiltSlide {
  const all = ctx.types.flatMap((t) => t.objections);
  const rows = all.map((o) => [`“${o.objection}”`, o.response]);
  return {
    title: titleOf(ctx, spec, 'Your questions, answered'),
    blocks: [
      table(
        ctx,
        ['You may ask', 'Our answer'],
        rows,
        { x: MARGIN, y: BODY_Y, w: BODY_W, h: BODY_H },
        [4, 7],
        { max: 14, min: 9 },
      ),
    ],
    notes: `Let them raise these first, then answer in their economics. ${all.map((o) => `If they say “${o.objection}”: ${o.response}`).join(' ')}`,
  };
}
