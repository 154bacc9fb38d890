/**
 * What one customer is worth to the partner, in the words a case's footnote uses: the deal its
 * margin or fee is taken on, or its own revenue per customer (a monthly fee, a course, a
 * subscription), for the streams the case earns on. A training partner's case is stated as
 * "$4,000 of training per customer", never as the product deal it does not earn on.
 */
import type { AssumptionKey, Assumptions } from './assumption-registry.ts';
import { STREAMS, type StreamKind } from './stream-kinds.ts';
import type { ResultWords } from './wording.ts';

/**
 * The per-customer inputs of these streams, in stream order. An ISV's marketplace stream is the
 * fee it pays on its own software (simulate.ts), so it adds no deal of its own beside `ip`.
 */
export function perCustomerKeys(streams: readonly StreamKind[]): AssumptionKey[] {
  const feeOnOwnSoftware = streams.includes('ip') && !streams.includes('resale');
  const keys = streams
    .filter((s) => !(s === 'marketplace' && feeOnOwnSoftware))
    .map((s) => STREAMS[s].perCustomer);
  return [...new Set(keys)];
}

const PHRASES: Partial<Record<AssumptionKey, (money: string) => string>> = {
  dealValue: (m) => `a first-year deal of ${m}`,
  managedFeeMonthly: (m) => `a monthly fee of ${m} per customer`,
  trainingRevenuePerCustomer: (m) => `${m} of training per customer`,
  ipRevenuePerCustomerAnnual: (m) => `${m} a year of your own software per customer`,
};

/** "a first-year deal of $36,000", "$4,000 of training per customer": one per input, in order. */
export function customerValueTerms(
  streams: readonly StreamKind[],
  a: Assumptions,
  w: Pick<ResultWords, 'money'>,
): string[] {
  return perCustomerKeys(streams).map((k) => {
    const phrase = PHRASES[k];
    if (!phrase) throw new Error(`no words for what a customer is worth in ${k}`);
    return phrase(w.money(a[k]));
  });
}
