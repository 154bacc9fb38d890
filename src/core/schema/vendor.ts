import { z } from 'zod';
import { Fact, Fraction, HexColour, Id, Source, Text } from './common.ts';

export const MATURITY_STAGES = ['emerging', 'growth', 'mature', 'sunset'] as const;
export const MaturityStage = z
  .enum(MATURITY_STAGES)
  .describe('Where the product is in its life: emerging, growth, mature or sunset.');
export type MaturityStage = z.infer<typeof MaturityStage>;

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

/** What a partner must show to hold a tier: deliberately more than revenue. */
export const TierRequirements = z
  .strictObject({
    annualRevenue: z
      .number()
      .min(0)
      .describe("Yearly sales or influenced revenue of the vendor's line."),
    certifiedStaff: z.int().min(0).describe('People holding a current certification.'),
    referralsOrInfluencedDeals: z
      .int()
      .min(0)
      .describe('Deals registered or influenced in the last 12 months.'),
    customerSatisfaction: z
      .number()
      .min(0)
      .max(100)
      .describe('Minimum customer-satisfaction score (0-100).'),
    publishedContent: z
      .int()
      .min(0)
      .describe('Case studies, reference architectures or articles published.'),
  })
  .describe('Requirements to reach or keep the tier.');
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
    opportunity: z
      .array(Fact)
      .describe('Market figures for the opportunity slide and home page, each sourced.'),
    nextSteps: z.array(Text).min(1).describe('What a prospect does next to join.'),
    sources: z.array(Source).describe('Sources cited by this file.'),
  })
  .describe('The vendor whose partner program the kit recruits for.');
export type Vendor = z.infer<typeof Vendor>;
