/** Who decides at the partner, what each cares about and what each will be shown. */
import type { SequenceSlide } from '../../schema/template.ts';
import { MARGIN, BODY_Y, BODY_H, BODY_W } from '../layout.ts';
import { table } from '../blocks.ts';
import { titleOf, type Ctx, type BuiltSlide } from '../context.ts';

export function decisionMakersSlide(ctx: Ctx, spec: SequenceSlide): BuiltSlide {
  const rows = ctx.primary.decisionMakers.map((d) => [
    d.role,
    d.caresAbout.join('; '),
    d.needsToSee.join('; '),
  ]);
  return {
    title: titleOf(ctx, spec, 'What each of your decision makers gets'),
    blocks: [
      table(
        ctx,
        ['Who', 'Cares about', 'What we will show them'],
        rows,
        { x: MARGIN, y: BODY_Y, w: BODY_W, h: BODY_H },
        [2.2, 4.5, 4.5],
      ),
    ],
    notes: `Name the people at ${ctx.prospect.company} for each role and agree who sees what. ${ctx.primary.decisionMakers.map((d) => `${d.role}: show ${d.needsToSee.join(', ').toLowerCase()}.`).join(' ')}`,
  };
}
