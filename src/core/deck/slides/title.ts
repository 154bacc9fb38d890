/** The co-branded title slide: vendor and prospect, the partnership, the case in one sentence. */
import { article } from '../../business-case/summary-sentence.ts';
import type { SequenceSlide } from '../../schema/template.ts';
import type { Block } from '../model.ts';
import { MARGIN, BODY_W } from '../layout.ts';
import { text } from '../blocks.ts';
import { capitalize, titleOf, type Ctx, type BuiltSlide } from '../context.ts';

export function titleSlide(ctx: Ctx, spec: SequenceSlide): BuiltSlide {
  const t = ctx.theme;
  const logoH = t.logo.box.h * 1.6;
  const logoW = (t.logo.box.w / t.logo.box.h) * logoH;
  const blocks: Block[] = [
    {
      type: 'image',
      box: { x: MARGIN + 0.1, y: 0.6, w: logoW, h: logoH },
      data: t.logo.data,
      alt: t.logo.alt,
    },
    text(
      ctx,
      [ctx.vendor.name, `× ${ctx.prospect.company}`],
      { x: MARGIN, y: 2.0, w: BODY_W, h: 2.3 },
      { max: 40, min: 18, bold: true, font: 'heading', color: t.colours.primary },
    ),
    text(
      ctx,
      [
        `${capitalize(article(ctx.mixLabel))} ${ctx.mixLabel} partnership${ctx.vertical ? ` in ${ctx.vertical.name.toLowerCase()}` : ''}${ctx.segment ? ` for ${ctx.segment.name.toLowerCase()} customers` : ''}`,
      ],
      { x: MARGIN, y: 4.4, w: BODY_W, h: 0.8 },
      { max: 22, min: 12, color: t.colours.secondary },
    ),
    text(
      ctx,
      [ctx.result.sentence],
      { x: MARGIN, y: 5.25, w: BODY_W, h: 1.0 },
      { max: 16, min: 10 },
    ),
  ];
  const prepared = [
    ctx.prospect.contact
      ? `Prepared for ${ctx.prospect.contact}, ${ctx.prospect.company}`
      : `Prepared for ${ctx.prospect.company}`,
    ctx.prospect.region,
  ]
    .filter(Boolean)
    .join(' · ');
  blocks.push(
    text(
      ctx,
      [prepared],
      { x: MARGIN, y: 6.3, w: BODY_W, h: 0.5 },
      { max: 14, min: 9, color: t.colours.muted, maxLines: 1 },
    ),
  );
  return {
    title: titleOf(ctx, spec, '{vendor} × {prospect}'),
    blocks,
    notes: `Open with why you are here: ${ctx.vendor.name} wants ${ctx.prospect.company} as ${article(ctx.mixLabel)} ${ctx.mixLabel} partner, and this deck is built on ${ctx.prospect.company}'s economics, not a generic program pitch. ${ctx.primary.summary} Ask who else should see the business case (${ctx.primary.decisionMakers.map((d) => d.role).join(', ')}).`,
  };
}
