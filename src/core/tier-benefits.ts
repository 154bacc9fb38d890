/**
 * The tier benefits a deck's tier table can show. Plain data, no zod: the deck model (which the
 * build's deck workers load without the schema library) reads it; src/core/schema/template.ts
 * builds its YAML enum from it.
 */
export const TIER_BENEFITS = [
  'discount',
  'rebate',
  'mdfRate',
  'referralFee',
  'coSell',
  'nfrLicences',
  'trainingVouchers',
  'privateOffers',
  'programFeeAnnual',
] as const;
export type TierBenefit = (typeof TIER_BENEFITS)[number];

/** Benefits that are margin-and-rebate talk: never in a deck for partners who do not resell. */
export const RESALE_BENEFITS: readonly TierBenefit[] = ['discount', 'rebate', 'mdfRate'];
