import { z } from 'zod';
import { Fact, Figure, Fraction, HexColour, Id, Source, Text } from './common.ts';
import { BENEFIT_KEYS, METRIC_MEASURES } from '../program-keys.ts';
import { STREAM_KINDS } from '../stream-kinds.ts';

export const MATURITY_STAGES = ['emerging', 'growth', 'mature', 'sunset'] as const;
export const MaturityStage = z
  .enum(MATURITY_STAGES)
  .describe('Where the product is in its life: emerging, growth, mature or sunset.');
export type MaturityStage = z.infer<typeof MaturityStage>;

/**
 * A next step a prospect takes to join: a sentence, or a sentence shown only to partners whose
 * business case earns one of the streams named (registering a deal means nothing to a training
 * partner paid for courses).
 */
const WhenEarning = z
  .array(z.enum(STREAM_KINDS))
  .min(1, 'at least one stream kind')
  .describe(
    'Shown only when the business case earns one of these stream kinds (e.g. [resale, referral]).',
  );

export const NextStep = z
  .union([
    Text,
    z
      .strictObject({
        step: Text.describe('The step, as the deck shows it.'),
        whenEarning: WhenEarning.optional(),
        exceptTypes: z
          .array(Id)
          .min(1, 'at least one partner type id')
          .optional()
          .describe(
            'Partner types that never see this step (a distributor does not register deals: its resellers do).',
          ),
      })
      .refine((s) => s.whenEarning !== undefined || s.exceptTypes !== undefined, {
        error:
          'a step written as a group needs `whenEarning` or `exceptTypes` (else write it as text)',
      }),
  ])
  .describe(
    'A step: its text, or { step, whenEarning, exceptTypes } for a step only some partners take.',
  );
export type NextStep = z.infer<typeof NextStep>;

/** One product the vendor asks partners to take on. */
export const Product = z
  .strictObject({
    id: Id.describe("Product id, referenced from partner types' `fit.products`."),
    name: Text.describe('Product name as customers know it.'),
    category: Text.describe('Market category, e.g. "Endpoint security".'),
    maturity: MaturityStage,
    pricingModel: z
      .enum(['subscription', 'consumption', 'perpetual', 'hardware'])
      .describe('How customers pay for it.'),
    firstYearDealValue: z
      .number()
      .positive('an amount above 0')
      .describe("Typical first-year list value of one customer deal, in the vendor's currency."),
    renewalRate: Fraction.describe('Share of customers who renew each year (0.9 = 90%).'),
    description: Text.describe('One sentence on what it does for a customer.'),
  })
  .describe("A product in the vendor's line.");
export type Product = z.infer<typeof Product>;

/** What the business case counts for a metric: the engine's measures of a partner's activity. */
export { METRIC_MEASURES, BENEFIT_KEYS };
export const MetricMeasure = z
  .enum(METRIC_MEASURES)
  .describe(
    'What the business case counts: `bookings` (list value sold, new and renewals, last 12 months), `new-bookings` (first-year value of new customers, last 12 months), `new-customers` (last 12 months), `certified-people`, `published-content`, `managed-customers` (customers under management now) or `satisfaction` (treated as met).',
  );
export type MetricMeasure = z.infer<typeof MetricMeasure>;

/** A metric the vendor records, and which partner types can produce it. */
export const ProgramMetric = z
  .strictObject({
    id: Id.describe('Metric id, used by tier gates and benefits.'),
    name: Text.describe('Name partners know it by, e.g. "Resale revenue".'),
    description: Text.describe('What counts, over which period.'),
    unit: z.enum(['currency', 'count', 'score']).describe('How it is measured.'),
    evidence: Text.optional().describe(
      'What the vendor records it from (e.g. deal registrations).',
    ),
    counts: MetricMeasure.optional().describe('What the business case counts for it.'),
    producedBy: z
      .union([z.literal('all'), z.array(Id).min(1)])
      .optional()
      .describe('Partner type ids that can produce it, or `all`.'),
    sumOf: z
      .array(
        z.strictObject({
          metric: Id.describe('Id of another metric.'),
          weight: z.number().positive().optional().describe('Credit per unit (default 1).'),
        }),
      )
      .min(1)
      .optional()
      .describe('A composite metric: the weighted sum of other metrics (instead of `counts`).'),
  })
  .refine((m) => (m.counts === undefined) !== (m.sumOf === undefined), {
    error: 'either `counts` (with `producedBy`) or `sumOf`, exactly one of them',
  })
  .refine((m) => m.counts === undefined || m.producedBy !== undefined, {
    error: '`producedBy`: the partner types that can produce it (or `all`)',
    path: ['producedBy'],
  })
  .describe('A metric the vendor records about partners.');
export type ProgramMetric = z.infer<typeof ProgramMetric>;

/** One requirement of a tier: a metric at or above a minimum. */
export const TierGate = z
  .strictObject({
    metric: Id.describe("Id of a metric in the program's `metrics`."),
    min: z.number().min(0).describe('Least value to reach and keep the tier.'),
  })
  .describe('A gate: every gate of a tier must be met to reach it.');
export type TierGate = z.infer<typeof TierGate>;

/** What the tier requires: gates on metrics the vendor records, all of them to be met. */
export const TierRequirements = z
  .array(TierGate)
  .describe('Gates to reach or keep the tier, all of them: deliberately more than revenue.');
export type TierRequirements = z.infer<typeof TierRequirements>;

export const TierBenefits = z
  .strictObject({
    discount: Fraction.describe(
      "Discount off list when reselling (the partner's front-end margin).",
    ),
    rebate: Fraction.describe('Back-end rebate on resold value.'),
    mdfRate: Fraction.describe('Market development funds accrued on resold value.'),
    referralFee: Fraction.describe('Fee on the first-year value of a referred customer.'),
    referralFeeCap: z.number().min(0).describe('Most paid for one referral (0 = no cap).'),
    coSell: z.boolean().describe('Vendor account teams sell alongside the partner.'),
    nfrLicences: z.int().min(0).describe('Not-for-resale licences for demos and internal use.'),
    trainingVouchers: z.int().min(0).describe('Free certification exam vouchers a year.'),
    marketplace: z
      .strictObject({
        privateOffers: z.boolean().describe('Partner may sell through marketplace private offers.'),
        feeRebate: Fraction.describe('Share of the marketplace fee the vendor pays back.'),
      })
      .describe('Marketplace terms.'),
    programFeeAnnual: z.number().min(0).describe('What the tier costs the partner a year.'),
  })
  .describe('What the tier gives the partner.');
export type TierBenefits = z.infer<typeof TierBenefits>;

export const BenefitKey = z.enum(BENEFIT_KEYS);
export type BenefitKey = z.infer<typeof BenefitKey>;

/** What a partner type needs to be able to use a benefit. */
export const ProgramBenefit = z
  .strictObject({
    benefit: BenefitKey.describe('Which benefit of the tiers.'),
    needs: z
      .array(Id)
      .describe('Metric ids: a type that produces any of them can use it (empty: every type).'),
    why: Text.describe('What using it takes, in a sentence a partner understands.'),
  })
  .describe('Who can use a benefit.');
export type ProgramBenefit = z.infer<typeof ProgramBenefit>;

export const Program = z
  .strictObject({
    metrics: z
      .array(ProgramMetric)
      .min(1)
      .describe('Metrics the vendor records, and which types can produce each.'),
    benefits: z
      .array(ProgramBenefit)
      .describe(
        'What each benefit needs before a type can use it; benefits not listed are usable by every type.',
      ),
  })
  .describe(
    'The program as data: metrics, who can produce them, and who can use each benefit. Tier gates name these metrics; the business case and the program audit read them.',
  );
export type Program = z.infer<typeof Program>;

export const Tier = z
  .strictObject({
    id: Id.describe('Tier id.'),
    name: Text.describe('Tier name shown to partners.'),
    summary: Text.describe('One line on who this tier is for.'),
    requirements: TierRequirements,
    benefits: TierBenefits,
  })
  .describe('A program tier; list tiers from entry to top.');
export type Tier = z.infer<typeof Tier>;

const bandFigure = (what: string) =>
  Figure.refine((f) => f.value >= 0, { error: 'a number of 0 or more', path: ['value'] }).describe(
    `${what}; cite a source or say why it is an assumption.`,
  );

/** The results a partner's finance lead accepts: every default case is checked against them. */
export const Plausibility = z
  .strictObject({
    paybackMonthsMin: bandFigure(
      'Earliest believable payback, in months (sooner means almost nothing is at risk)',
    ).optional(),
    paybackMonthsMax: bandFigure('Latest payback a partner waits for, in months').optional(),
    roiMax: bandFigure(
      'Highest believable return on investment over the horizon, as a fraction (5 = 500%)',
    ).optional(),
    irrAnnualMax: bandFigure(
      'Highest believable yearly IRR, as a fraction (3 = 300%); above it the page says "not meaningful"',
    ).optional(),
    minInvestmentShare: bandFigure(
      'Least peak cash need, as a share of gross profit, for an IRR to mean anything (0.05 = 5%)',
    ).optional(),
  })
  .refine(
    (p) =>
      !p.paybackMonthsMin ||
      !p.paybackMonthsMax ||
      p.paybackMonthsMin.value < p.paybackMonthsMax.value,
    { error: '`paybackMonthsMin` below `paybackMonthsMax`', path: ['paybackMonthsMax'] },
  )
  .describe(
    'Plausibility bands for business cases (defaults: payback 3 to 30 months, ROI at most 500%, IRR at most 300% a year). `partnerkit validate` warns for any default case outside them.',
  );
export type Plausibility = z.infer<typeof Plausibility>;

export const Vendor = z
  .strictObject({
    name: Text.describe('Vendor name.'),
    tagline: Text.describe('One line on what the vendor sells.'),
    website: z.url().describe('Vendor website.'),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'a three-letter ISO 4217 code like "USD"')
      .describe('Currency every figure is shown in.'),
    locale: z.string().min(2).describe('Locale for number formats, e.g. "en-US".'),
    brand: z
      .strictObject({
        primary: HexColour.describe('Main brand colour.'),
        secondary: HexColour.describe('Second brand colour.'),
        accent: HexColour.describe('Accent for highlights.'),
        text: HexColour.describe('Body text colour.'),
      })
      .describe('Brand colours used on the site and in decks.'),
    products: z
      .array(Product)
      .min(1, 'at least one product')
      .describe('Products partners can take on.'),
    tiers: z.array(Tier).min(1, 'at least one tier').describe('Program tiers, entry tier first.'),
    program: Program.optional(),
    opportunity: z
      .array(
        Fact.extend({ whenEarning: WhenEarning.optional() }).describe(
          'A sourced statement; with `whenEarning`, a deck shows it first to partners who earn one of those streams, and not to others.',
        ),
      )
      .describe('Market figures for the opportunity slide and home page, each sourced.'),
    nextSteps: z.array(NextStep).min(1).describe('What a prospect does next to join.'),
    plausibility: Plausibility.optional(),
    sources: z.array(Source).describe('Sources cited by this file.'),
  })
  .describe('The vendor whose partner program the kit recruits for.');
export type Vendor = z.infer<typeof Vendor>;
