/** How the vendor looks after the partner's clients and reputation: what the type values. */
import type { SequenceSlide } from '../../schema/template.ts';
import { cards } from '../blocks.ts';
import { body } from '../layout.ts';
import {
  pluralNoun,
  titleOf,
  typeNoun,
  vendorNamed,
  type BuiltSlide,
  type Ctx,
} from '../context.ts';

export function clientsAndReputationSlide(ctx: Ctx, spec: SequenceSlide): BuiltSlide {
  const values = ctx.primary.values.slice(0, 6);
  const noun = pluralNoun(typeNoun(ctx.primary.name));
  return {
    title: titleOf(
      ctx,
      spec,
      `We build the partnership around what ${noun} told us matters to their clients and reputation`,
    ),
    blocks: cards(
      ctx,
      values.map((v) => ({ body: [vendorNamed(ctx, v)] })),
      body(ctx.grid),
      {
        columns: values.length <= 3 ? values.length : values.length === 4 ? 2 : 3,
        bar: ctx.theme.colours.accent,
      },
    ),
    notes: `Their reputation with their clients is their business. Walk through these commitments and ask which matters most. Steer clear of what puts ${noun} off: ${ctx.primary.alienatedBy.join(' ')}`,
  };
}
