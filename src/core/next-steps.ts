/**
 * The vendor's next steps as a deck states them for its own case. A step may name what the case
 * plans with prose tokens (prose-tokens.ts): "Get {assumption.certifications} of your people
 * certified". A step is only worth a prospect's time when it asks for or offers something real,
 * so one whose token states nothing in this case (a plan that certifies no one, a tier with no
 * vouchers, a plan that aims no higher than the entry tier) is left out rather than shown as
 * "certify 0 people" or a vague "the people your plan needs". Keep a clause that may be zero in
 * a step of its own. A step may also be for partners who earn certain streams only
 * (`whenEarning`): registering a deal is a step for one who resells or refers, not for a training
 * partner paid for its courses.
 */
import { bindProse, tokenStatesNothing, TOKEN, type ProseContext } from './prose-tokens.ts';
import type { NextStep } from './schema/vendor.ts';
import { earnsAny } from './when-earning.ts';

/** The text of a step, whoever it is for. */
export const stepText = (step: NextStep): string => (typeof step === 'string' ? step : step.step);

/** Whether the case earns one of the streams a step is for (a plain step is for everyone). */
const forThisCase = (step: NextStep, ctx: ProseContext): boolean =>
  typeof step === 'string' ||
  (earnsAny(ctx.result.streams, step.whenEarning) &&
    !(ctx.type !== undefined && step.exceptTypes?.includes(ctx.type)));

/** The steps this case shows: bound to its values, without those whose token states zero. */
export function caseNextSteps(steps: readonly NextStep[], ctx: ProseContext): string[] {
  return steps
    .filter((step) => forThisCase(step, ctx))
    .map(stepText)
    .filter((step) => ![...step.matchAll(TOKEN)].some((m) => tokenStatesNothing(m[1]!, ctx)))
    .map((step) => bindProse(step, ctx));
}
