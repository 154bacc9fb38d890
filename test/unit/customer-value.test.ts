// What a customer is worth, as a case's footnote states it (src/core/customer-value.ts): for each
// stream the partner earns on, what it earns on a customer, so a training partner's or a
// consultancy's deck never rests on a product deal it does not earn on.
import { describe, expect, it } from 'vitest';
import { runCase } from '../../src/core/business-case/run-case.ts';
import {
  customerValueTerms,
  earnsOnRenewals,
  perCustomerKeys,
} from '../../src/core/customer-value.ts';
import { formatMoney, formatPercent } from '../../src/core/format.ts';
import { resultWords } from '../../src/core/wording.ts';
import { dataset } from '../fixtures/business-case-dataset.ts';

const money = { currency: 'USD', locale: 'en-US' };
const terms = (type: string, overrides: Record<string, number> = {}) => {
  const r = runCase(dataset, { mix: [{ type, weight: 1 }], overrides }, { scenarios: false });
  return {
    terms: customerValueTerms(r.streams, r.assumptions, resultWords(money)),
    a: r.assumptions,
  };
};
const $ = (n: number) => formatMoney(n, money);
const pct = (n: number) => formatPercent(n);

describe('what a customer is worth, in the footnote', () => {
  it('a training partner: its revenue per customer, not the product deal', () => {
    const { terms: t, a } = terms('training-partner');
    expect(t).toEqual([`${$(a.trainingRevenuePerCustomer)} of training per customer`]);
  });

  it('an ISV listing its own software: the subscription; the marketplace fee it pays adds nothing', () => {
    expect(perCustomerKeys(['ip', 'marketplace'])).toEqual(['ipRevenuePerCustomerAnnual']);
    const { terms: t, a } = terms('listing-isv');
    expect(t).toEqual([
      `${$(a.ipRevenuePerCustomerAnnual)} a year of your own software per customer`,
    ]);
  });

  it('a managed service provider: the deal it resells, its project work and its monthly fee, once each', () => {
    const { terms: t, a } = terms('managed-service-provider');
    expect(t).toEqual([
      `a first-year deal of ${$(a.dealValue)}`,
      `${$(a.servicesAttachRatio * a.dealValue)} of project work per customer`,
      `a monthly fee of ${$(a.managedFeeMonthly)} per customer`,
    ]);
  });

  it('a reseller: the deal once, though its margin, rebate and MDF are all taken on it', () => {
    const { terms: t, a } = terms('reseller');
    expect(t[0]).toBe(`a first-year deal of ${$(a.dealValue)}`);
    expect(t.filter((x) => x.startsWith('a first-year deal'))).toHaveLength(1);
  });

  it('a referral partner: the fee it is paid, and that a cap cut it', () => {
    const { terms: t, a } = terms('referral-partner', { referralFeeCap: 0 });
    expect(t).toEqual([
      `a referral fee of ${$(a.referralFeeRate * a.dealValue)} per customer (${pct(a.referralFeeRate)} of a ${$(a.dealValue)} deal)`,
    ]);
    const capped = terms('referral-partner', { referralFeeCap: 100, referralFeeRate: 0.1 });
    expect(capped.terms).toEqual([
      `a referral fee of $100 per customer (10% of a ${$(capped.a.dealValue)} deal, capped)`,
    ]);
  });

  it('a marketplace: the fee it keeps; a reseller selling through one: the deal', () => {
    const { terms: t, a } = terms('cloud-marketplace');
    expect(t).toEqual([`a ${pct(a.marketplaceFee)} fee on a first-year deal of ${$(a.dealValue)}`]);
    expect(perCustomerKeys(['marketplace'])).toEqual(['dealValue']);
    const isvReselling = terms('software-vendor');
    expect(isvReselling.terms).toContain(`a first-year deal of ${$(isvReselling.a.dealValue)}`);
    expect(perCustomerKeys(['ip', 'marketplace', 'resale'])).toEqual([
      'ipRevenuePerCustomerAnnual',
      'dealValue',
    ]);
  });
});

describe('whether a renewal rate belongs in the footnote', () => {
  it('only where renewals earn: resold, rebated or marketplace renewals and subscriptions, not retainers, projects or courses', () => {
    expect(earnsOnRenewals(['services', 'managed'])).toBe(false);
    expect(earnsOnRenewals(['training'])).toBe(false);
    expect(earnsOnRenewals(['referral'])).toBe(false);
    expect(earnsOnRenewals(['resale', 'services'])).toBe(true);
    expect(earnsOnRenewals(['ip'])).toBe(true);
    expect(earnsOnRenewals(['marketplace'])).toBe(true);
  });
});
