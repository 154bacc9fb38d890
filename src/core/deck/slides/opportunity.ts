/** The market opportunity: cited facts, the product, and the vertical and segment talking points. */
import type { SequenceSlide } from '../../schema/template.ts';
import type { Block } from '../model.ts';
import { MARGIN, BODY_Y, BODY_H, BODY_W } from '../layout.ts';
import { text } from '../blocks.ts';
import { titleOf, type Ctx, type BuiltSlide } from '../context.ts';

export function opportunitySlide(ctx: Ctx, spec: SequenceSlide): BuiltSlide {
  const cite = (id: string | undefined) => {
    const i = ctx.sources.findIndex((s) => s.id === id);
    return i >= 0 ? ` [${i + 1}]` : '';
  };
  const facts = ctx.vendor.opportunity.map((f) => `${f.statement}${cite(f.source)}`);
  const local = [...(ctx.vertical?.talkingPoints ?? []), ...(ctx.segment?.talkingPoints ?? [])];
  const product = ctx.vendor.products.find((p) => p.id === ctx.result.lanes[0]?.product);
  const blocks: Block[] = [
    text(
      ctx,
      facts,
      { x: MARGIN, y: BODY_Y, w: local.length || product ? BODY_W * 0.58 : BODY_W, h: BODY_H },
      { max: 20, min: 10, bullets: true },
    ),
  ];
  const side = [...(product ? [`${product.name}: ${product.description}`] : []), ...local];
  if (side.length)
    blocks.push(
      text(
        ctx,
        side,
        { x: MARGIN + BODY_W * 0.62, y: BODY_Y, w: BODY_W * 0.38, h: BODY_H },
        { max: 18, min: 9, bullets: true, color: ctx.theme.colours.secondary },
      ),
    );
  return {
    title: titleOf(ctx, spec, 'The opportunity'),
    blocks,
    notes: `Every figure here is cited; the numbers in brackets point at the sources slide. ${ctx.vertical ? `In ${ctx.vertical.name}: ${ctx.vertical.talkingPoints.join(' ')} ` : ''}${ctx.segment ? `For ${ctx.segment.name}: ${ctx.segment.talkingPoints.join(' ')} ` : ''}Ask which of their customers face this today.`,
  };
}
