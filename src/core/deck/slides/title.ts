/** The co-branded title slide: the brand band with the prospect's name set large, the partnership, the case in one sentence. */
import type { SequenceSlide } from '../../schema/template.ts';
import { text } from '../blocks.ts';
import {
  GENERIC_PROSPECT,
  pluralNoun,
  titleOf,
  withArticle,
  type BuiltSlide,
  type Ctx,
} from '../context.ts';
import { coverFrame, inBand, underBand, WHITE } from './cover.ts';

export function titleSlide(ctx: Ctx, spec: SequenceSlide): BuiltSlide {
  const t = ctx.style.type;
  const single = ctx.types.length === 1;
  const where = [
    ctx.vertical ? `in ${ctx.vertical.name.toLowerCase()}` : '',
    ctx.segment ? `for ${ctx.segment.name.toLowerCase()} customers` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const partnership = single
    ? // "Partnering with Veridane as a referral partner", never "a referral partner partnership".
      `Partnering with ${ctx.vendor.name} as ${withArticle(ctx.mixLabel)}${where ? `, ${where}` : ''}`
    : `A partnership with ${ctx.vendor.name} for a firm that is ${ctx.mixLabel}${where ? `, ${where}` : ''}`;
  const under = underBand(ctx);
  const left = { ...under, w: under.w * 0.64 };
  const right = { ...under, x: under.x + under.w * 0.68, w: under.w * 0.32 };
  // A ready deck (no company named yet) is set for the kind of partner it is for, not for
  // "Your company", and says it was prepared for no one.
  const generic = ctx.prospect.company === GENERIC_PROSPECT;
  const audience = generic && single ? `For ${pluralNoun(ctx.mixLabel)}` : ctx.prospect.company;
  const prepared = [
    ctx.prospect.contact
      ? `Prepared for ${ctx.prospect.contact}`
      : generic
        ? ''
        : `Prepared for ${ctx.prospectInSentence}`,
    ctx.prospect.region ?? '',
  ].filter(Boolean);
  return {
    title: titleOf(ctx, spec, `${ctx.vendor.name} × ${audience}`),
    blocks: [
      ...coverFrame(ctx),
      text(ctx, [`A partnership proposal from ${ctx.vendor.name}`], inBand(ctx, 0.3, 0.5), {
        max: t.body,
        min: 12,
        color: WHITE,
        maxLines: 1,
      }),
      text(ctx, [audience], inBand(ctx, 0.8, 1.95), {
        max: Math.round(t.figure * 1.1),
        min: 24,
        bold: true,
        font: 'heading',
        color: WHITE,
        maxLines: 2,
        valign: 'middle',
      }),
      text(ctx, [partnership], inBand(ctx, 2.85, 0.8), {
        max: t.body + 2,
        min: 12,
        color: WHITE,
        maxLines: 2,
      }),
      text(ctx, [ctx.result.sentence], left, { max: t.body - 2, min: 11 }),
      ...(prepared.length
        ? [
            text(ctx, prepared, right, {
              max: t.body - 4,
              min: 10,
              color: ctx.theme.colours.muted,
              align: 'right',
            }),
          ]
        : []),
    ],
    notes: `Open with why you are here: ${ctx.vendor.name} wants ${ctx.prospectInNotes} as ${single ? withArticle(ctx.mixLabel) : 'a partner'}, and this deck is built on its own economics, not a generic program pitch. ${ctx.primary.summary} Ask who else should see the business case (${ctx.primary.decisionMakers.map((d) => d.role).join(', ')}).`,
  };
}
