/**
 * The tier benefits a deck's tier table can show. Plain data, no zod: the deck model (which the
 * build's deck workers load without the schema library) reads it; src/core/schema/template.ts
 * builds its YAML enum from it. The benefits are the program's (program-keys.ts), plus the fee.
 */
import { BENEFIT_KEYS } from './program-keys.ts';

export const TIER_BENEFITS = [...BENEFIT_KEYS, 'programFeeAnnual'] as const;
export type TierBenefit = (typeof TIER_BENEFITS)[number];

/** Benefits that are margin-and-rebate talk: never in a deck for partners who do not resell. */
export const RESALE_BENEFITS: readonly TierBenefit[] = ['discount', 'rebate', 'mdfRate'];
