/** Who decides at the partner, what each cares about and what each will be shown. */
import type { SequenceSlide } from '../../schema/template.ts';
import { cards } from '../blocks.ts';
import { body } from '../layout.ts';
import { titleOf, type BuiltSlide, type Ctx } from '../context.ts';

const NUMBERS = [
  'No one',
  'One person',
  'Two people',
  'Three people',
  'Four people',
  'Five people',
];

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
          `Cares about: ${d.caresAbout.join('; ')}.`,
          `We show them: ${d.needsToSee.join('; ')}.`,
        ],
      })),
      body(ctx.grid),
      {
        columns: people.length,
        bar: ctx.theme.colours.secondary,
        max: ctx.style.type.body - 2,
        paraGap: 10,
      },
    ),
    notes: `Name the people at ${ctx.prospectInNotes} for each role and agree who sees what. ${ctx.primary.decisionMakers.map((d) => `${d.role}: show ${d.needsToSee.join(', ').toLowerCase()}.`).join(' ')}`,
  };
}
