/** The sources every cited figure comes from. */
import type { SequenceSlide } from '../../schema/template.ts';
import { MARGIN, BODY_Y, BODY_H, BODY_W, BODY_BOTTOM } from '../layout.ts';
import { text } from '../blocks.ts';
import { titleOf, type Ctx, type BuiltSlide } from '../context.ts';

export function sourcesSlide(ctx: Ctx, spec: SequenceSlide): BuiltSlide {
  const items = ctx.sources.map((s, i) => `[${i + 1}] ${s.title}: ${s.url}`);
  return {
    title: titleOf(ctx, spec, 'Sources'),
    blocks: [
      text(
        ctx,
        items.length
          ? items
          : ["Figures are the vendor's own or marked as assumptions in the playbook."],
        { x: MARGIN, y: BODY_Y, w: BODY_W, h: BODY_H - 0.6 },
        { max: 14, min: 8 },
      ),
      text(
        ctx,
        ['Figures without a source are assumptions: adjust them with the prospect.'],
        { x: MARGIN, y: BODY_BOTTOM - 0.5, w: BODY_W, h: 0.5 },
        { max: 12, min: 8, color: ctx.theme.colours.muted, maxLines: 1 },
      ),
    ],
    notes: `Every market figure and revenue share in this deck comes from these sources or is marked as an assumption in the ${ctx.primary.name} playbook. Offer to send the links.`,
  };
}
