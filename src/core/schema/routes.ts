import { z } from 'zod';
import {
  citation,
  citationMessage,
  exactlyOneCitation,
  Figure,
  Id,
  Source,
  Text,
} from './common.ts';
import { MaturityStage } from './vendor.ts';

/** An incentive the vendor can pay, and why it fits a stage. */
export const Incentive = z
  .strictObject({
    id: Id.describe('Incentive id, referenced from `routes[].incentives`.'),
    name: Text.describe('Name partners know it by, e.g. "Proof-of-concept funding".'),
    what: Text.describe('What the vendor pays for, in one sentence.'),
    ...citation,
  })
  .refine(exactlyOneCitation, citationMessage)
  .describe('An incentive that fits a stage, sourced or marked as an assumption.');
export type Incentive = z.infer<typeof Incentive>;

export const EXIT_UNITS = ['count', 'percent', 'money', 'months'] as const;

/** A measurable condition for moving a product to its next stage. */
export const ExitCriterion = z
  .strictObject({
    measure: Text.describe('What is counted, e.g. "Referenceable customers in production".'),
    target: Figure.describe(
      'The level that marks the move, sourced or marked as an assumption (a percentage as a fraction: 0.9 = 90%).',
    ),
    unit: z
      .enum(EXIT_UNITS)
      .optional()
      .describe('How the target reads: count (default), percent, money or months.'),
  })
  .describe('A condition to reach before the product moves to its next stage.');
export type ExitCriterion = z.infer<typeof ExitCriterion>;

/** What a maturity stage asks of the channel, whatever the product. */
export const StagePlaybook = z
  .strictObject({
    stage: MaturityStage,
    summary: Text.describe(
      'What the channel must do at this stage, in a sentence a recruiter can say aloud.',
    ),
    source: Id.optional().describe('Id of the source the summary rests on, if any.'),
    incentives: z
      .array(Incentive)
      .min(1, 'at least one incentive')
      .describe('Incentives that fit this stage.'),
    exitCriteria: z
      .array(ExitCriterion)
      .min(1, 'at least one exit criterion')
      .describe('When a product leaves this stage (for sunset: when it stops being sold).'),
  })
  .describe('The channel guidance for one maturity stage.');
export type StagePlaybook = z.infer<typeof StagePlaybook>;

const RoutePartner = z
  .strictObject({
    type: Id.describe('Partner type id.'),
    why: Text.describe('Why this type belongs here, for the recruiter.'),
  })
  .describe('A partner type on the route, with the reason.');

const WaitingPartner = z
  .strictObject({
    type: Id.describe('Partner type id.'),
    until: Text.describe('What must be true before recruiting this type for the product.'),
  })
  .describe('A partner type that should wait, and until when.');

/** Which partner types take one product to market at its current stage. */
export const Route = z
  .strictObject({
    product: Id.describe('Id of a product in data/vendor.yaml.'),
    summary: Text.describe('The route in one sentence.'),
    lead: z
      .array(RoutePartner)
      .min(1, 'at least one partner type to lead')
      .describe('Types that lead: recruit them first for this product.'),
    assist: z.array(RoutePartner).describe('Types that help a lead partner win and deliver.'),
    wait: z
      .array(WaitingPartner)
      .describe('Types not to recruit for this product yet (or any more), and until when.'),
    incentives: z
      .array(Id)
      .optional()
      .describe("Ids of the stage's incentives this product uses; leave out for all of them."),
    exitCriteria: z
      .array(ExitCriterion)
      .min(1)
      .optional()
      .describe("This product's own exit criteria; leave out to use its stage's."),
  })
  .describe('The route to market of one product.');
export type Route = z.infer<typeof Route>;

export const RoutesFile = z
  .strictObject({
    stages: z
      .array(StagePlaybook)
      .min(1)
      .describe('Guidance per maturity stage: one entry for each stage a product is at.'),
    routes: z.array(Route).describe('One route per product in data/vendor.yaml.'),
    sources: z.array(Source).describe('Sources cited by this file.'),
  })
  .describe('Route to market per product: who leads, who assists, who waits.');
export type RoutesFile = z.infer<typeof RoutesFile>;
