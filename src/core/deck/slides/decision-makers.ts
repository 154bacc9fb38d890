/** Who decides at the partner, what each cares about and what each will be shown. */
import type { SequenceSlide } from '../../schema/template.ts';
import { cards } from '../blocks.ts';
import { body } from '../layout.ts';
import { titleOf, vendorNamed, type BuiltSlide, type Ctx } from '../context.ts';

const NUMBERS = [
  'No one',
  'One person',
  'Two people',
  'Three people',
  'Four people',
  'Five people',
];

/** "gross margin dollars; not adding a line...": one sentence, not a list of capitalised cells. */
const items = (xs: readonly string[]) =>
  xs
    .map((x) => (/^[A-Z](?![A-Z])/.test(x) ? x.charAt(0).toLowerCase() + x.slice(1) : x))
    .join('; ');

export function decisionMakersSlide(ctx: Ctx, spec: SequenceSlide): BuiltSlide {
  const people = ctx.primary.decisionMakers.slice(0, 4);
  const count = NUMBERS[people.length] ?? `${people.length} people`;
  return {
    title: titleOf(
      ctx,
      spec,
      people.length === 1
        ? 'One person decides, and sees the evidence they ask for'
        : `${count} decide, and each sees the evidence they ask for`,
    ),
    blocks: cards(
      ctx,
      people.map((d) => ({
        heading: d.role,
        body: [
          // The partner reads this slide: what matters to each of its people, and what the
          // vendor brings them, not the recruiter's "cares about / we show them".
          vendorNamed(ctx, `What matters: ${items(d.caresAbout)}.`),
          vendorNamed(ctx, `What we bring: ${items(d.needsToSee)}.`),
        ],
      })),
      body(ctx.grid),
      {
        columns: people.length,
        bar: ctx.theme.colours.secondary,
        // Two or three short cards in a full-height row read as empty boxes at the body size less
        // two: give the words the room (each card still shrinks to fit its longest text).
        max: people.length <= 2 ? ctx.style.type.body + 2 : ctx.style.type.body,
        paraGap: 12,
      },
    ),
    notes: `Name the people at ${ctx.prospectInNotes} for each role and agree who sees what. ${ctx.primary.decisionMakers.map((d) => `${d.role}: show ${d.needsToSee.join(', ').toLowerCase()}.`).join(' ')}`,
  };
}
