import { z } from 'zod';
import { Figure, FractionFigure, Id, Source, Text } from './common.ts';
import { AssumptionDefaults } from './assumptions.ts';
import { STREAM_KINDS, StreamKind } from './partner-type.ts';

/**
 * The credit a partner gets for its part in a deal. Every partner in a play gets its own
 * credit; none is split from another's (the research's "multi-credit, no split").
 */
export const CREDITS = ['sourced', 'influenced', 'delivered', 'managed', 'transacted'] as const;
export const Credit = z
  .enum(CREDITS)
  .describe(
    'sourced (brought the opportunity), influenced (shaped the decision), delivered (implemented), managed (runs it), transacted (billed the customer).',
  );
export type Credit = z.infer<typeof Credit>;

export const PlayRole = z
  .strictObject({
    type: Id.describe('Partner type id.'),
    role: Text.describe('Its part in one or two words, e.g. "Advise", "Implement", "Operate".'),
    does: Text.describe('What it does for the customer in this play.'),
    credit: z.array(Credit).min(1, 'at least one credit').describe('The credit it gets.'),
    streams: z
      .array(StreamKind)
      .min(1)
      .describe(
        "The streams it earns from in this play: some of its type's `businessCase.streams`.",
      ),
    assumptions: AssumptionDefaults.optional().describe(
      "This partner's own business-case values in the play (not the shared customers and deal).",
    ),
  })
  .describe('One partner type in a play.');
export type PlayRole = z.infer<typeof PlayRole>;

export const SHARE_BASES = ['contract', ...STREAM_KINDS] as const;

/** Money one partner passes to another for its part: a referral fee or a margin share. */
export const PlayShare = z
  .strictObject({
    from: Id.describe('Type id of the partner that pays.'),
    to: Id.describe('Type id of the partner that is paid.'),
    on: z
      .enum(SHARE_BASES)
      .describe(
        "What the share is a part of: `contract` (the customer's contract with the vendor), or one of the payer's streams in the play, e.g. `services` (its project revenue), `managed` (its monthly fees) or `resale` (its resale margin: a margin share).",
      ),
    rate: FractionFigure.describe(
      'The share (0.2 = 20%); for `contract`, of the first-year contract value.',
    ),
    renewalRate: FractionFigure.optional().describe(
      'For `contract` only: the share of each renewal (leave out for none).',
    ),
    why: Text.describe('What it pays for, in one sentence.'),
  })
  .describe('A referral fee or margin share between two partners of the play.');
export type PlayShare = z.infer<typeof PlayShare>;

export const PlayMarketplace = z
  .strictObject({
    fee: FractionFigure.describe(
      'Marketplace fee on the first-year contract value (0.035 = 3.5%).',
    ),
    renewalFee: FractionFigure.optional().describe('Fee on renewals, when it differs from `fee`.'),
    paidBy: Id.describe('Who pays the fee: `vendor`, or the type id of a partner in the play.'),
  })
  .describe('The contract is transacted through a cloud marketplace private offer.');
export type PlayMarketplace = z.infer<typeof PlayMarketplace>;

/** A customer need that takes several partner types together. */
export const Play = z
  .strictObject({
    id: Id.describe('Play id; its page is /plays/<id>/.'),
    name: Text.describe('Name of the play.'),
    customerNeed: Text.describe('The customer need, in the customer’s words.'),
    trigger: Text.describe('What tells a partner manager to start the play.'),
    product: Id.describe("Id of the vendor's product the deal is for."),
    vertical: Id.optional().describe('Vertical id, when the play is for one vertical.'),
    segment: Id.optional().describe('Segment id, when the play is for one segment.'),
    lead: Id.describe('Type id of the partner that leads (one of the roles).'),
    leadWhy: Text.describe('Why that partner leads.'),
    roles: z
      .array(PlayRole)
      .min(2, 'at least two partner types (a play takes several together)')
      .describe('The partner types in the play, each with its part and credit.'),
    assumptions: AssumptionDefaults.describe(
      'The shared customers and deal (volume, timing, deal value): every partner works on the same customers. What is not set follows the lead partner’s case.',
    ),
    shares: z.array(PlayShare).describe('Referral fees and margin shares between the partners.'),
    marketplace: PlayMarketplace.optional().describe(
      'Set when the deal is transacted through a marketplace private offer.',
    ),
    rulesOfEngagement: z
      .array(Text)
      .min(1)
      .describe('Who owns the customer, how leads are shared, how disputes are settled.'),
  })
  .describe('A partner-to-partner play.');
export type Play = z.infer<typeof Play>;

/**
 * Points a program could give per 100 of a deal for each kind of credit, so that every partner
 * that brought, shaped or runs a deal gets status for it (the research's 5 : 3 : 1 for sourced,
 * assisted and managed deals). The program audit suggests them as the fix for tiers only
 * transacting partners can climb.
 */
export const CreditWeights = z
  .strictObject({
    sourced: Figure.describe('Points per 100 of a deal the partner sourced.'),
    influenced: Figure.describe('Points per 100 of a deal the partner influenced (assisted).'),
    managed: Figure.optional().describe('Points per 100 of a deal the partner manages.'),
    delivered: Figure.optional().describe('Points per 100 of a deal the partner delivered.'),
    transacted: Figure.optional().describe('Points per 100 of a deal the partner transacted.'),
  })
  .superRefine((w, ctx) => {
    for (const [k, f] of Object.entries(w))
      if (f && f.value <= 0)
        ctx.addIssue({ code: 'custom', path: [k, 'value'], message: 'a weight above 0' });
  })
  .describe('Points per 100 of a deal for each kind of credit, sourced or an assumption.');
export type CreditWeights = z.infer<typeof CreditWeights>;

export const PlaysFile = z
  .strictObject({
    plays: z.array(Play).describe('Partner-to-partner plays.'),
    creditWeights: CreditWeights.optional().describe(
      'Points per 100 of a deal for each kind of credit; the program audit suggests them where the tiers lock a type out or leave it behind.',
    ),
    sources: z.array(Source).describe('Sources cited by this file.'),
  })
  .describe('Partner-to-partner plays: customer needs that take several partner types.');
export type PlaysFile = z.infer<typeof PlaysFile>;
