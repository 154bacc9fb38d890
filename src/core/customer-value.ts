/**
 * What one customer is worth to the partner, in the words a case's footnote uses: for each
 * stream the case earns on, what it earns on a customer: the deal its margin is taken on, its
 * project work, a monthly fee, a referral fee, a course, a subscription. A consultancy's case is
 * stated as "$20,000 of project work per customer", never as the licence deal it does not sell.
 */
import type { AssumptionKey, Assumptions } from './assumption-registry.ts';
import { referralFee } from './business-case/simulate.ts';
import type { CaseResult } from './business-case/types.ts';
import { marketplaceRole, STREAMS, type StreamKind } from './stream-kinds.ts';
import type { ResultWords } from './wording.ts';

/** An ISV's marketplace stream is the fee it pays on its own software (simulate.ts). */
const paysMarketplaceFee = (streams: readonly StreamKind[]) =>
  marketplaceRole(streams) === 'own-ip';

/**
 * The per-customer inputs of these streams, in stream order (what the scenarios move). An ISV's
 * marketplace fee adds no deal of its own beside `ip`.
 */
export function perCustomerKeys(streams: readonly StreamKind[]): AssumptionKey[] {
  const keys = streams
    .filter((s) => !(s === 'marketplace' && paysMarketplaceFee(streams)))
    .map((s) => STREAMS[s].perCustomer);
  return [...new Set(keys)];
}

/**
 * Whether the renewal rate moves anything this case earns: the renewals of resold, rebated or
 * marketplace business, and own-software subscriptions. A managed fee churns by its own rate and
 * a project or a course does not renew, so a consultancy's footnote states no renewal rate.
 */
export const earnsOnRenewals = (streams: readonly StreamKind[]): boolean =>
  streams.some((s) => STREAMS[s].recurring === 'renewals' || s === 'ip');

/**
 * Whether a case's words state its renewal rate: it earns on renewals, and some of its gross
 * profit recurs (the footnote, the case slide and the appendix ask the same question).
 */
export const statesRenewals = (r: Pick<CaseResult, 'streams' | 'summary'>): boolean =>
  earnsOnRenewals(r.streams) && (r.summary.recurringShare ?? 0) >= 0.005;

type Words = Pick<ResultWords, 'money' | 'percent'>;

/** What a customer brings in one stream, in words; undefined for one that brings nothing of its own. */
function streamTerm(
  kind: StreamKind,
  streams: readonly StreamKind[],
  a: Assumptions,
  w: Words,
): string | undefined {
  const deal = `a first-year deal of ${w.money(a.dealValue)}`;
  switch (kind) {
    case 'resale':
    case 'rebate':
    case 'mdf':
      return deal;
    case 'marketplace':
      if (paysMarketplaceFee(streams)) return undefined;
      // Selling through a marketplace: the deal; running one: the fee it keeps.
      return marketplaceRole(streams) === 'resells'
        ? deal
        : `a ${w.percent(a.marketplaceFee)} fee on a first-year deal of ${w.money(a.dealValue)}`;
    case 'services':
      return `${w.money(a.servicesAttachRatio * a.dealValue)} of project work per customer`;
    case 'managed':
      return `a monthly fee of ${w.money(a.managedFeeMonthly)} per customer`;
    case 'referral': {
      const fee = a.referralFeeRate * a.dealValue;
      const paid = referralFee(a.referralFeeRate, a.dealValue, a.referralFeeCap);
      return `a referral fee of ${w.money(paid)} per customer (${w.percent(a.referralFeeRate)} of a ${w.money(a.dealValue)} deal${paid < fee ? `, capped` : ''})`;
    }
    case 'training':
      return `${w.money(a.trainingRevenuePerCustomer)} of training per customer`;
    case 'ip':
      return `${w.money(a.ipRevenuePerCustomerAnnual)} a year of your own software per customer`;
  }
}

/** "a first-year deal of $36,000", "$4,000 of training per customer": one per stream, in order, each once. */
export function customerValueTerms(
  streams: readonly StreamKind[],
  a: Assumptions,
  w: Words,
): string[] {
  const terms = streams.flatMap((s) => streamTerm(s, streams, a, w) ?? []);
  return [...new Set(terms)];
}
