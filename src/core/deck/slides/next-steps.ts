/** Next steps: the numbered ask, as a row of steps. */
import type { SequenceSlide } from '../../schema/template.ts';
import { cards } from '../blocks.ts';
import { body } from '../layout.ts';
import { titleOf, type BuiltSlide, type Ctx } from '../context.ts';

const COUNT = ['No', 'One', 'Two', 'Three', 'Four', 'Five', 'Six'];

export function nextStepsSlide(ctx: Ctx, spec: SequenceSlide): BuiltSlide {
  const steps = ctx.vendor.nextSteps.slice(0, 6);
  const n = COUNT[steps.length] ?? String(steps.length);
  return {
    title: titleOf(
      ctx,
      spec,
      steps.length === 1
        ? `One step gets you started with ${ctx.vendor.name}`
        : `${n} steps get you started with ${ctx.vendor.name}`,
    ),
    blocks: cards(
      ctx,
      steps.map((s, i) => ({ heading: String(i + 1), body: [s] })),
      body(ctx.grid),
      {
        columns: steps.length <= 5 ? steps.length : 3,
        headingColor: ctx.theme.colours.accent,
        bar: ctx.theme.colours.primary,
        max: ctx.style.type.body - 2,
      },
    ),
    notes: `Agree the first step and a date before you leave. Offer to rerun the business case with ${ctx.prospectInNotes === 'the prospect' ? 'their' : `${ctx.prospectInNotes}'s`} own numbers.`,
  };
}
