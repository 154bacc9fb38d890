/** The market opportunity: cited facts, the product, and the vertical and segment talking points. */
import type { SequenceSlide } from '../../schema/template.ts';
import { cards, shape, text } from '../blocks.ts';
import { body } from '../layout.ts';
import type { Block } from '../model.ts';
import { titleOf, type BuiltSlide, type Ctx } from '../context.ts';

const WHITE = 'FFFFFF';

export function opportunitySlide(ctx: Ctx, spec: SequenceSlide): BuiltSlide {
  const g = ctx.grid;
  const c = ctx.theme.colours;
  const cite = (id: string | undefined) => {
    const i = ctx.sources.findIndex((s) => s.id === id);
    return i >= 0 ? ` [${i + 1}]` : '';
  };
  const facts = ctx.vendor.opportunity.map((f) => `${f.statement}${cite(f.source)}`);
  const local = [
    ...(ctx.vertical
      ? [
          {
            heading: `In ${ctx.vertical.name.toLowerCase()}`,
            body: ctx.vertical.talkingPoints.slice(0, 2),
          },
        ]
      : []),
    ...(ctx.segment
      ? [
          {
            heading: `With ${ctx.segment.name.toLowerCase()} customers`,
            body: ctx.segment.talkingPoints.slice(0, 2),
          },
        ]
      : []),
  ];
  const product = ctx.vendor.products.find((p) => p.id === ctx.result.lanes[0]?.product);
  const left = body(g, 0, product ? 8 : 12);
  // With a vertical or segment: two facts on top and its talking points below; else four facts.
  const shown = local.length ? 2 : 4;
  const factsBox = local.length ? { ...left, h: (left.h - g.gutter) * 0.42 } : left;
  const blocks: Block[] = cards(
    ctx,
    facts.slice(0, shown).map((f) => ({ body: [f] })),
    factsBox,
    { columns: 2, bar: c.accent, max: ctx.style.type.body },
  );
  if (local.length)
    blocks.push(
      ...cards(
        ctx,
        local,
        { ...left, y: factsBox.y + factsBox.h + g.gutter, h: left.h - factsBox.h - g.gutter },
        { columns: local.length, max: ctx.style.type.body - 2, bullets: true, bar: c.secondary },
      ),
    );
  if (product) {
    const side = body(g, 8, 4);
    const pad = 0.25;
    const inner = { x: side.x + pad, w: side.w - 2 * pad };
    const nameH = 0.95;
    blocks.push(
      shape(side, c.primary),
      text(
        ctx,
        [product.name],
        { ...inner, y: side.y + pad, h: nameH },
        {
          max: ctx.style.type.body + 4,
          min: 14,
          bold: true,
          font: 'heading',
          color: WHITE,
          maxLines: 2,
          inset: { x: 0, y: 0 },
        },
      ),
      text(
        ctx,
        [product.category, product.description],
        { ...inner, y: side.y + pad + nameH + 0.1, h: side.h - 2 * pad - nameH - 0.1 },
        { max: ctx.style.type.body - 2, min: 10, color: WHITE, inset: { x: 0, y: 0 }, paraGap: 10 },
      ),
    );
  }
  const more = facts.slice(shown);
  return {
    title: titleOf(
      ctx,
      spec,
      `Most IT is bought through partners, and ${product ? product.name : 'this category'} opens new work for you`,
    ),
    blocks,
    notes: `Every figure here is cited; the numbers in brackets point at the sources in the appendix. ${more.length ? `Also worth saying: ${more.join(' ')} ` : ''}${ctx.vertical ? `In ${ctx.vertical.name}: ${ctx.vertical.talkingPoints.join(' ')} ` : ''}${ctx.segment ? `For ${ctx.segment.name}: ${ctx.segment.talkingPoints.join(' ')} ` : ''}Ask which of ${ctx.prospectInNotes === 'the prospect' ? 'their' : `${ctx.prospectInNotes}'s`} customers face this today.`,
  };
}
