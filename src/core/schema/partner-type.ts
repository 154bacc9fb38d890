import { z } from 'zod';
import { FractionFigure, FractionRange, Id, Source, Text } from './common.ts';
import { AssumptionDefaults } from './assumptions.ts';
import { MaturityStage } from './vendor.ts';
import { STREAM_KINDS } from '../stream-kinds.ts';
import { COST_ITEMS } from '../cost-items.ts';

export const JOURNEY_ROLES = ['influence', 'transact', 'retain'] as const;
/** Jay McBain's three-part channel: who influences, who transacts, who retains. */
export const JourneyRole = z.enum(JOURNEY_ROLES).describe('influence, transact or retain.');
export type JourneyRole = z.infer<typeof JourneyRole>;

export { STREAM_KINDS };
/** The revenue streams the business-case engine can model. */
export const StreamKind = z.enum(STREAM_KINDS).describe('Which engine stream models it.');
export type StreamKind = z.infer<typeof StreamKind>;
export const Billing = z
  .enum(['yearly', 'monthly'])
  .describe(
    "How the partner bills its customers for the vendor's product: `yearly` (each year's contract when it is sold or renewed) or `monthly` (a twelfth each month, as cloud resellers bill subscriptions).",
  );
export type Billing = z.infer<typeof Billing>;

export const RevenueStream = z
  .strictObject({
    name: Text.describe('How the partner names this stream, e.g. "Managed services".'),
    kind: StreamKind.optional().describe(
      "Engine stream that models it in the business case; leave out for streams outside the vendor's line.",
    ),
    share: FractionFigure.describe("Typical share of the partner's total revenue."),
    grossMargin: FractionRange.describe('Typical gross-margin range.'),
  })
  .describe('One way this partner type makes money.');
export type RevenueStream = z.infer<typeof RevenueStream>;

export const DecisionMaker = z
  .strictObject({
    role: Text.describe('Job title, e.g. "Owner / CEO".'),
    caresAbout: z.array(Text).min(1).describe('What this person is measured on.'),
    needsToSee: z.array(Text).min(1).describe('The evidence that moves this person.'),
  })
  .describe('A person who decides or vetoes.');

export const Objection = z
  .strictObject({
    id: Id.describe('Objection id, unique within the type.'),
    objection: Text.describe('What the partner says, in their words.'),
    response: Text.describe("The answer, in the partner's economics."),
  })
  .describe('An objection and its response.');

export const Kpi = z
  .strictObject({
    name: Text.describe('KPI name.'),
    why: Text.describe('Why this partner type watches it.'),
  })
  .describe('A metric the partner runs its business on.');

export const Collaboration = z
  .strictObject({
    with: Id.describe('Id of the other partner type.'),
    how: Text.describe('How the two work together in a deal.'),
  })
  .describe('How this type works with another type.');

export const PartnerType = z
  .strictObject({
    id: Id.describe('Type id; must equal the file name without .yaml.'),
    name: Text.describe('Name recruiters use.'),
    aliases: z.array(Text).describe('Other names for this type.'),
    summary: Text.describe('One line on how this type makes money.'),
    journeyRoles: z
      .array(JourneyRole)
      .min(1, 'at least one journey role')
      .describe('Where it acts in the buyer journey.'),
    transacts: z
      .boolean()
      .describe('Whether it buys and resells (takes title or bills the customer).'),
    revenueStreams: z.array(RevenueStream).min(1).describe('How it makes money.'),
    values: z.array(Text).min(1).describe('What it values in a vendor.'),
    alienatedBy: z
      .array(Text)
      .min(1)
      .describe(
        'What puts it off; for non-transacting types, margin-and-rebate talk belongs here.',
      ),
    decisionMakers: z.array(DecisionMaker).min(1).describe('Who decides and what each needs.'),
    qualifyingQuestions: z
      .array(Text)
      .min(1)
      .describe('Questions that tell a recruiter whether this prospect fits.'),
    objections: z.array(Objection).min(1).describe('Objections with responses.'),
    kpis: z.array(Kpi).min(1).describe('The KPIs it runs its business on.'),
    fit: z
      .strictObject({
        products: z.array(Id).describe("Ids of the vendor's products that fit this type."),
        maturity: z
          .array(MaturityStage)
          .min(1)
          .describe('Product maturity stages that fit this type.'),
      })
      .describe('Which products and maturity stages fit it.'),
    collaboratesWith: z.array(Collaboration).describe('Other partner types it works with.'),
    businessCase: z
      .strictObject({
        streams: z
          .array(StreamKind)
          .min(1)
          .describe('Engine streams the case models for this type.'),
        defaults: AssumptionDefaults,
        streamNames: z
          .partialRecord(StreamKind, Text)
          .optional()
          .describe(
            "What this type calls a stream in its own words, shown instead of the stream's generic label in its case, charts and deck (a consultancy's `managed` stream is its retained advisory, not 'Managed services').",
          ),
        costNames: z
          .partialRecord(z.enum(COST_ITEMS), Text)
          .optional()
          .describe(
            "What this type calls a cost in its own words, shown instead of the cost's generic label in its case and deck (an influencer's `salesCapacity` is the time it spends making content, not 'Sales and pre-sales capacity').",
          ),
        billing: Billing.optional().describe(
          "How the partner bills the product (default `yearly`). `monthly` spreads each year's contract over its 12 months: the resale margin, rebates, MDF, marketplace fees, the revenue the tiers count and the cash tied up follow what is billed, and what falls after the horizon is not counted.",
        ),
        targetTier: Id.optional().describe(
          "The tier this type's default plan aims for (a tier id in data/vendor.yaml); `partnerkit validate` warns when the default case does not end the horizon holding it.",
        ),
      })
      .describe('Business-case defaults for this type.'),
    sources: z.array(Source).describe('Sources cited by this file.'),
  })
  .describe('A partner type: how it makes money and how to recruit it.');
export type PartnerType = z.infer<typeof PartnerType>;
