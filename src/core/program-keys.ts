/**
 * The names a partner program is built from, as plain data (no zod): the engine, the
 * calculator's browser script and the deck workers read them; src/core/schema/vendor.ts builds
 * its YAML enums from them.
 */

/** What the business case counts for a program metric (see business-case/program.ts). */
export const METRIC_MEASURES = [
  'bookings',
  'new-bookings',
  'new-customers',
  'certified-people',
  'published-content',
  'managed-customers',
  'satisfaction',
] as const;
export type MetricMeasure = (typeof METRIC_MEASURES)[number];

/** Benefits a tier gives (the keys of a tier's `benefits`), in the order decks and pages list them. */
export const BENEFIT_KEYS = [
  'discount',
  'rebate',
  'mdfRate',
  'referralFee',
  'coSell',
  'nfrLicences',
  'trainingVouchers',
  'privateOffers',
] as const;
export type BenefitKey = (typeof BENEFIT_KEYS)[number];
