/**
 * How one partner type stands in the vendor's program: for each tier, its gates and when its
 * default business case meets them; for each benefit, whether the type can use it. The program
 * audit reads the program only through this module.
 *
 * It is the business case's own reading of the program (`typeProgramStanding` over
 * `tierProgress`), so the audit and every case agree.
 */
import { typeProgramStanding } from '../business-case/tier-standing.ts';
import { partnerTypeById, type Dataset } from '../dataset.ts';
import type { Tier } from '../schema/vendor.ts';
import { BENEFIT_KEYS, type BenefitKey } from '../program-keys.ts';

export type {
  GateWhy,
  TypeBenefitUse,
  TypeTierStanding,
  TypeProgramStanding,
} from '../business-case/tier-standing.ts';
import type { TypeProgramStanding } from '../business-case/tier-standing.ts';

/** The benefits a tier gives, in the order tables list them. */
export const BENEFITS = BENEFIT_KEYS;
export type Benefit = BenefitKey;

export const BENEFIT_LABELS: Record<Benefit, string> = {
  discount: 'Resale discount',
  rebate: 'Rebate',
  mdfRate: 'Market development funds (MDF)',
  referralFee: 'Referral fee',
  coSell: 'Co-selling with vendor account teams',
  nfrLicences: 'Not-for-resale licences',
  trainingVouchers: 'Certification vouchers',
  privateOffers: 'Marketplace private offers',
};

/** How a type stands in the program at its default business case (over the case's horizon). */
export function programStanding(d: Dataset, typeId: string): TypeProgramStanding {
  const type = partnerTypeById(d, typeId);
  if (!type) throw new Error(`unknown partner type "${typeId}"`);
  // The business case's own reading of the program (tierProgress), so the audit and every case
  // agree; a benefit the program sets no rule for is open to every type.
  const s = typeProgramStanding(d, typeId);
  return {
    ...s,
    benefits: s.benefits.map((b) => ({ ...b, why: b.why || 'Open to every partner type.' })),
  };
}

/** A benefit's value at a tier, for tables: a rate, a count, yes or no. */
export function benefitAt(tier: Tier, benefit: Benefit): number | boolean {
  const b = tier.benefits;
  return benefit === 'privateOffers' ? b.marketplace.privateOffers : b[benefit];
}
