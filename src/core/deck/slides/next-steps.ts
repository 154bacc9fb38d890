/** Next steps: the numbered ask. */
import type { SequenceSlide } from '../../schema/template.ts';
import { MARGIN, BODY_Y, BODY_H, BODY_W, BODY_BOTTOM } from '../layout.ts';
import { text } from '../blocks.ts';
import { titleOf, type Ctx, type BuiltSlide } from '../context.ts';

export function nextStepsSlide(ctx: Ctx, spec: SequenceSlide): BuiltSlide {
  return {
    title: titleOf(ctx, spec, 'Next steps'),
    blocks: [
      text(
        ctx,
        ctx.vendor.nextSteps,
        { x: MARGIN, y: BODY_Y, w: BODY_W, h: BODY_H - 0.8 },
        { max: 22, min: 11, bullets: 'numbered' },
      ),
      text(
        ctx,
        [`${ctx.vendor.name} · ${ctx.vendor.website}`],
        { x: MARGIN, y: BODY_BOTTOM - 0.6, w: BODY_W, h: 0.6 },
        { max: 14, min: 9, color: ctx.theme.colours.muted, maxLines: 1 },
      ),
    ],
    notes: `Agree the first step and a date before you leave. Offer to rerun the business case with ${ctx.prospect.company}'s own numbers, in the calculator or with \`npx partnerkit deck\`.`,
  };
}
