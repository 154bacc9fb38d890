/** The closing slide before the appendix: the ask (the first next step) on the brand band, and how to reach the vendor. */
import type { SequenceSlide } from '../../schema/template.ts';
import { text } from '../blocks.ts';
import { GENERIC_PROSPECT, titleOf, type BuiltSlide, type Ctx } from '../context.ts';
import { coverFrame, inBand, underBand, WHITE } from './cover.ts';

export function closingSlide(ctx: Ctx, spec: SequenceSlide): BuiltSlide {
  const t = ctx.style.type;
  const ask = ctx.vendor.nextSteps[0] ?? `Talk to the ${ctx.vendor.name} partner team.`;
  const under = underBand(ctx);
  const left = { ...under, w: under.w * 0.6 };
  const right = { ...under, x: under.x + under.w * 0.62, w: under.w * 0.38 };
  return {
    title: titleOf(ctx, spec, ask),
    blocks: [
      ...coverFrame(ctx),
      text(ctx, ['Your next step'], inBand(ctx, 0.3, 0.5), {
        max: t.body,
        min: 12,
        color: WHITE,
        maxLines: 1,
      }),
      text(ctx, [ask], inBand(ctx, 0.85, 2.6), {
        max: Math.round(t.figure * 0.75),
        min: 20,
        bold: true,
        font: 'heading',
        color: WHITE,
        valign: 'middle',
      }),
      text(ctx, [ctx.vendor.name, ctx.vendor.website.replace(/^https?:\/\//, '')], left, {
        max: t.body + 2,
        min: 12,
        bold: true,
        color: ctx.theme.colours.primary,
      }),
      // A ready deck was prepared for no one yet: no "Prepared for your company".
      ...(ctx.prospect.contact || ctx.prospect.company !== GENERIC_PROSPECT
        ? [
            text(
              ctx,
              [
                ctx.prospect.contact
                  ? `Prepared for ${ctx.prospect.contact}, ${ctx.prospect.company}`
                  : `Prepared for ${ctx.prospectInSentence}`,
              ],
              right,
              { max: t.body - 4, min: 10, color: ctx.theme.colours.muted, align: 'right' },
            ),
          ]
        : []),
    ],
    notes:
      `Close on one step and a date. ${ctx.vendor.nextSteps.length > 1 ? `The steps after it: ${ctx.vendor.nextSteps.slice(1).join(' ')}` : ''} The appendix lists the sources behind every market figure; offer to send them.`.replace(
        /\s+/g,
        ' ',
      ),
  };
}
