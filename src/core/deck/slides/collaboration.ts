/** Who the partner will work with: the partner types it teams up with, and how. */
import type { SequenceSlide } from '../../schema/template.ts';
import { cards } from '../blocks.ts';
import { body } from '../layout.ts';
import {
  joinAnd,
  pluralNoun,
  titleOf,
  typeNoun,
  vendorNamed,
  type BuiltSlide,
  type Ctx,
} from '../context.ts';

export function collaborationSlide(ctx: Ctx, spec: SequenceSlide): BuiltSlide {
  // Each partner type once, never one the prospect already is (a mix that is 60% MSP is not told
  // it will hand work to an MSP).
  const own = new Set(ctx.types.map((t) => t.id));
  const seen = new Set<string>();
  const items = ctx.types
    .flatMap((t) => t.collaboratesWith)
    .filter((c) => !own.has(c.with) && !seen.has(c.with) && seen.add(c.with))
    .slice(0, 6);
  const names = items.map((c) => ctx.typeName(c.with));
  return {
    title: titleOf(
      ctx,
      spec,
      items.length
        ? // What the partner does, not a promise: nothing in the case says the deals are bigger.
          `You work alongside ${joinAnd(names.map((n) => pluralNoun(typeNoun(n))))}`
        : `You work alongside ${ctx.vendor.name}'s partner team`,
    ),
    blocks: cards(
      ctx,
      items.length
        ? items.map((c, i) => ({ heading: names[i]!, body: [vendorNamed(ctx, c.how)] }))
        : [
            {
              heading: `${ctx.vendor.name} partner team`,
              body: ['Your partner manager and our account teams work the deal with you.'],
            },
          ],
      body(ctx.grid),
      {
        columns: items.length <= 3 ? Math.max(1, items.length) : items.length === 4 ? 2 : 3,
        bar: ctx.theme.colours.secondary,
      },
    ),
    notes: `Partners win more together: show where ${ctx.prospectInNotes} fits in a deal and who brings or delivers the rest. Offer introductions to partners of these types in their region${ctx.prospect.region ? ` (${ctx.prospect.region})` : ''}.`,
  };
}
