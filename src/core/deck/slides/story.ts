/** The recruiting story (content/stories): its slide bullets set as cards; its speaker notes for the recruiter. */
import type { SequenceSlide } from '../../schema/template.ts';
import { cards } from '../blocks.ts';
import { body } from '../layout.ts';
import { titleOf, vendorNamed, type BuiltSlide, type Ctx } from '../context.ts';

export function storySlide(ctx: Ctx, spec: SequenceSlide): BuiltSlide {
  const story = ctx.story!;
  const messages = story.keyMessages.map((m) => vendorNamed(ctx, m));
  return {
    title: titleOf(ctx, spec, vendorNamed(ctx, story.title)),
    blocks: cards(
      ctx,
      messages.map((m) => ({ body: [m] })),
      body(ctx.grid),
      {
        columns: messages.length <= 3 ? messages.length : messages.length === 4 ? 2 : 3,
        bar: ctx.theme.colours.primary,
        max: ctx.style.type.body + 8,
        valign: 'middle',
      },
    ),
    notes: [story.summary, ...story.speakerNotes].join(' '),
  };
}
