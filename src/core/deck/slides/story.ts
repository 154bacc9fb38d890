/** The recruiting story's key messages (content/stories); left out when there is none. */
import type { SequenceSlide } from '../../schema/template.ts';
import { MARGIN, BODY_Y, BODY_H, BODY_W } from '../layout.ts';
import { text } from '../blocks.ts';
import { titleOf, type Ctx, type BuiltSlide } from '../context.ts';

export function storySlide(ctx: Ctx, spec: SequenceSlide): BuiltSlide {
  const story = ctx.story!;
  return {
    title: titleOf(ctx, spec, story.title),
    blocks: [
      text(
        ctx,
        story.keyMessages,
        { x: MARGIN, y: BODY_Y, w: BODY_W, h: BODY_H },
        { max: 24, min: 11, bullets: true },
      ),
    ],
    notes: `${story.summary} From the story '${story.title}' (content/stories/${story.id}.mdx).`,
  };
}
