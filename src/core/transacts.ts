/**
 * How a type that transacts takes part in the sale, in a recruiter's words: a reseller buys and
 * resells; a marketplace bills the customer as the operator's agent and never buys to resell
 * (its playbook says resale talk alienates it), so "Resells" would contradict its own page.
 */
import type { PartnerType } from './schema/partner-type.ts';

export type TransactLabel = 'Resells' | 'Bills the customer' | 'Does not resell';

export function transactLabel(
  type: Pick<PartnerType, 'transacts' | 'revenueStreams' | 'businessCase'>,
): TransactLabel {
  if (!type.transacts) return 'Does not resell';
  const resells =
    type.businessCase.streams.includes('resale') ||
    type.revenueStreams.some((s) => s.kind === 'resale');
  return resells ? 'Resells' : 'Bills the customer';
}
