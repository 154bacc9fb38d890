/** Who the partner will work with: the partner types it teams up with, and how. */
import type { SequenceSlide } from '../../schema/template.ts';
import { MARGIN, BODY_Y, BODY_H, BODY_W } from '../layout.ts';
import { text } from '../blocks.ts';
import { titleOf, type Ctx, type BuiltSlide } from '../context.ts';

export function collaborationSlide(ctx: Ctx, spec: SequenceSlide): BuiltSlide {
  const items = ctx.types.flatMap((t) =>
    t.collaboratesWith.map((c) => `${ctx.typeName(c.with)}: ${c.how}`),
  );
  return {
    title: titleOf(ctx, spec, 'Who you will work with'),
    blocks: [
      text(
        ctx,
        items.length ? items : [`${ctx.vendor.name}'s partner team and account managers.`],
        { x: MARGIN, y: BODY_Y, w: BODY_W, h: BODY_H },
        { max: 20, min: 10, bullets: true },
      ),
    ],
    notes: `Partners win more together: show where ${ctx.prospect.company} fits in a deal and who brings or delivers the rest. Offer introductions to partners of these types in their region${ctx.prospect.region ? ` (${ctx.prospect.region})` : ''}.`,
  };
}
