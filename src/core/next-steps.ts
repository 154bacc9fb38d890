/**
 * The vendor's next steps as a deck states them for its own case. A step may name what the case
 * plans with prose tokens (prose-tokens.ts): "Get {assumption.certifications} of your people
 * certified". A step is only worth a prospect's time when it asks for or offers something real,
 * so one whose token states nothing in this case (a plan that certifies no one, a tier with no
 * vouchers, a plan that aims no higher than the entry tier) is left out rather than shown as
 * "certify 0 people" or a vague "the people your plan needs". Keep a clause that may be zero in
 * a step of its own.
 */
import { bindProse, tokenStatesNothing, TOKEN, type ProseContext } from './prose-tokens.ts';

/** The steps this case shows: bound to its values, without those whose token states zero. */
export function caseNextSteps(steps: readonly string[], ctx: ProseContext): string[] {
  return steps
    .filter((step) => ![...step.matchAll(TOKEN)].some((m) => tokenStatesNothing(m[1]!, ctx)))
    .map((step) => bindProse(step, ctx));
}
