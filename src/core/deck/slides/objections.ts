/** The partner's objections and the answers. */
import type { SequenceSlide } from '../../schema/template.ts';
import { table } from '../blocks.ts';
import { body } from '../layout.ts';
import {
  pluralNoun,
  titleOf,
  typeNoun,
  vendorNamed,
  type BuiltSlide,
  type Ctx,
} from '../context.ts';

export function objectionsSlide(ctx: Ctx, spec: SequenceSlide): BuiltSlide {
  const seen = new Set<string>();
  const all = ctx.types
    .flatMap((t) => t.objections)
    .filter((o) => !seen.has(o.objection) && seen.add(o.objection))
    .slice(0, 5);
  const rows = all.map((o) => [`“${vendorNamed(ctx, o.objection)}”`, vendorNamed(ctx, o.response)]);
  const who = ctx.types.length > 1 ? 'partners like you' : pluralNoun(typeNoun(ctx.primary.name));
  return {
    title: titleOf(ctx, spec, `The questions ${who} ask first have straight answers`),
    blocks: [
      table(ctx, ['You may ask', 'Our answer'], rows, body(ctx.grid), {
        max: ctx.style.type.body - 2,
        min: 11,
        spread: true,
      }),
    ],
    notes: `Let them raise these first, then answer in their economics. ${all.map((o) => `If they say “${o.objection}”: ${o.response}`).join(' ')}`,
  };
}
