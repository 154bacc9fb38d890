// What a customer is worth, as a case's footnote states it (src/core/customer-value.ts): the deal
// a partner's margin or fee is taken on, or its own revenue per customer, for the streams it
// earns on, so a training partner's deck never rests on a product deal it does not earn on.
import { describe, expect, it } from 'vitest';
import { runCase } from '../../src/core/business-case/run-case.ts';
import { customerValueTerms, perCustomerKeys } from '../../src/core/customer-value.ts';
import { formatMoney } from '../../src/core/format.ts';
import { resultWords } from '../../src/core/wording.ts';
import { dataset } from '../fixtures/business-case-dataset.ts';

const money = { currency: 'USD', locale: 'en-US' };
const terms = (type: string) => {
  const r = runCase(dataset, { mix: [{ type, weight: 1 }] }, { scenarios: false });
  return {
    terms: customerValueTerms(r.streams, r.assumptions, resultWords(money)),
    a: r.assumptions,
  };
};
const $ = (n: number) => formatMoney(n, money);

describe('what a customer is worth, in the footnote', () => {
  it('a training partner: its revenue per customer, not the product deal', () => {
    const { terms: t, a } = terms('training-partner');
    expect(t).toEqual([`${$(a.trainingRevenuePerCustomer)} of training per customer`]);
  });

  it('an ISV listing its own software: the subscription; its marketplace fee adds no deal of its own', () => {
    expect(perCustomerKeys(['ip', 'marketplace'])).toEqual(['ipRevenuePerCustomerAnnual']);
    const { terms: t, a } = terms('listing-isv');
    expect(t).toEqual([
      `${$(a.ipRevenuePerCustomerAnnual)} a year of your own software per customer`,
    ]);
  });

  it('a managed service provider: the deal it resells and its monthly fee, once each', () => {
    const { terms: t, a } = terms('managed-service-provider');
    expect(t).toEqual([
      `a first-year deal of ${$(a.dealValue)}`,
      `a monthly fee of ${$(a.managedFeeMonthly)} per customer`,
    ]);
  });

  it('a reseller and a marketplace: the deal', () => {
    expect(terms('reseller').terms).toEqual([
      `a first-year deal of ${$(terms('reseller').a.dealValue)}`,
    ]);
    expect(perCustomerKeys(['marketplace'])).toEqual(['dealValue']);
    expect(perCustomerKeys(['ip', 'marketplace', 'resale'])).toEqual([
      'ipRevenuePerCustomerAnnual',
      'dealValue',
    ]);
  });
});
