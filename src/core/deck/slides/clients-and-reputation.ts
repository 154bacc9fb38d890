/** How the vendor looks after the partner's clients and reputation: what the type values. */
import type { SequenceSlide } from '../../schema/template.ts';
import { MARGIN, BODY_Y, BODY_H, BODY_W } from '../layout.ts';
import { text } from '../blocks.ts';
import { titleOf, type Ctx, type BuiltSlide } from '../context.ts';

export function clientsAndReputationSlide(ctx: Ctx, spec: SequenceSlide): BuiltSlide {
  const values = ctx.primary.values.slice(0, 6);
  return {
    title: titleOf(ctx, spec, 'How we look after your clients and your reputation'),
    blocks: [
      text(
        ctx,
        ['What firms like yours told us matters, and what we build the partnership around:'],
        { x: MARGIN, y: BODY_Y, w: BODY_W, h: 0.55 },
        { max: 18, min: 11, color: ctx.theme.colours.secondary, maxLines: 1 },
      ),
      text(
        ctx,
        values,
        { x: MARGIN, y: BODY_Y + 0.65, w: BODY_W, h: BODY_H - 0.65 },
        { max: 20, min: 11, bullets: true },
      ),
    ],
    notes: `Their reputation with their clients is their business. Walk through the commitments and ask which matters most. Steer clear of what puts ${ctx.primary.name.toLowerCase()}s off: ${ctx.primary.alienatedBy.join(' ')}`,
  };
}
