import { z } from 'zod';
import { Figure } from './common.ts';
import {
  ASSUMPTION_KEYS,
  ASSUMPTIONS,
  assumptionProblem,
  type AssumptionKey,
} from '../assumption-registry.ts';

// The registry itself lives in src/core/assumption-registry.ts (no zod, so browser scripts can
// read it; import it from there); these are the YAML schemas built from it.

/** A cited default for one assumption, bounded by the registry. */
const boundedFigure = (key: AssumptionKey) =>
  Figure.superRefine((f, ctx) => {
    const problem = assumptionProblem(key, f.value);
    if (problem)
      ctx.addIssue({ code: 'custom', message: problem, path: ['value'], input: f.value });
  }).describe(`${ASSUMPTIONS[key].label}: ${ASSUMPTIONS[key].help}`);

/** `businessCase.defaults` in a partner type: any subset of the assumptions, each cited. */
export const AssumptionDefaults = z
  .strictObject(
    Object.fromEntries(ASSUMPTION_KEYS.map((k) => [k, boundedFigure(k).optional()])) as {
      [K in AssumptionKey]: z.ZodOptional<ReturnType<typeof boundedFigure>>;
    },
  )
  .describe(
    'Default business-case assumptions for this partner type; each cited or marked as an assumption.',
  );
export type AssumptionDefaults = z.infer<typeof AssumptionDefaults>;

/** Multipliers applied on top of type defaults by a vertical or a segment (1 = unchanged). */
export const AssumptionModifiers = z
  .strictObject(
    Object.fromEntries(
      ASSUMPTION_KEYS.map((k) => [
        k,
        Figure.refine((f) => f.value > 0 && f.value <= 10, {
          error: 'a multiplier above 0 and at most 10 (1 = unchanged)',
          path: ['value'],
        })
          .describe(`Multiplier on ${ASSUMPTIONS[k].label}`)
          .optional(),
      ]),
    ) as { [K in AssumptionKey]: z.ZodOptional<typeof Figure> },
  )
  .describe(
    'Multipliers on business-case assumptions (1.2 = 20% more); each cited or marked as an assumption.',
  );
export type AssumptionModifiers = z.infer<typeof AssumptionModifiers>;
