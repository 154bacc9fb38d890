// The earnings offer's less common shapes (src/core/offer.ts): a type with many ways to earn
// (the cap becomes a term), no cap, one tier only, an entry tier that costs money and gives
// vouchers, co-selling from a higher tier.
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/core/dataset.ts';
import { earningsOffer } from '../../src/core/offer.ts';
import { dataset } from '../fixtures/business-case-dataset.ts';

type Type = Dataset['partnerTypes'][number];
const est = (value: number) => ({ value, assumption: 'Test.' });

/** The dataset with one type changed (a copy), and that type. */
function withType(id: string, change: (t: Type) => void, ds: Dataset = dataset) {
  const t = structuredClone(ds.partnerTypes.find((x) => x.id === id)!);
  change(t);
  return { ds: { ...ds, partnerTypes: ds.partnerTypes.map((p) => (p.id === id ? t : p)) }, t };
}

describe('earningsOffer, less common shapes', () => {
  it('four ways to earn: services, training and software tiles, the referral cap moved to the terms', () => {
    const { ds, t } = withType('referral-partner', (x) => {
      x.businessCase.streams = ['referral', 'services', 'training', 'ip'];
      Object.assign(x.businessCase.defaults, {
        servicesAttachRatio: est(0.5),
        servicesMargin: est(0.4),
        trainingRevenuePerCustomer: est(2000),
        ipRevenuePerCustomerAnnual: est(9000),
      });
    });
    const offer = earningsOffer(ds, t)!;
    expect(offer.figures.map((f) => f.id)).toEqual([
      'fee',
      'example',
      'paid',
      'services',
      'training',
      'ip',
    ]);
    // half of gadget's $50,000 first year in services
    expect(offer.figures.find((f) => f.id === 'services')).toMatchObject({
      value: '$25,000',
      note: 'of project work per customer, priced and delivered by you, at a 40% margin.',
    });
    expect(offer.figures.find((f) => f.id === 'ip')!.value).toBe('$9,000');
    expect(offer.terms[0]).toBe('Cap per referral: $25,000, rising to $60,000 at Gold.');
  });

  it('no cap: every referral pays its full fee', () => {
    const { ds, t } = withType('referral-partner', (x) => {
      x.businessCase.defaults.referralFeeCap = est(0);
    });
    const offer = earningsOffer(ds, t)!;
    expect(offer.figures.find((f) => f.id === 'cap')).toMatchObject({
      value: 'No cap',
      note: 'every referral pays its full fee.',
    });
    // 10% of $50,000, uncapped
    expect(offer.figures.find((f) => f.id === 'example')!.value).toBe('$5,000');
  });

  it('one tier only: no "rising to"; an entry tier with a fee, vouchers and co-selling', () => {
    const vendor = structuredClone(dataset.vendor);
    const entry = vendor.tiers[0]!;
    entry.benefits.programFeeAnnual = 1200;
    entry.benefits.trainingVouchers = 2;
    entry.benefits.nfrLicences = 0;
    entry.benefits.coSell = true;
    vendor.tiers = [entry];
    const ds = { ...dataset, vendor };
    const offer = earningsOffer(
      ds,
      ds.partnerTypes.find((x) => x.id === 'referral-partner')!,
    )!;
    expect(offer.figures.find((f) => f.id === 'fee')!.note).toBe(
      "of a referred customer's first-year value.",
    );
    expect(offer.figures.find((f) => f.id === 'cap')!.note).toBe('the most one referral pays.');
    expect(offer.terms).toContain(
      'Member, the entry tier, costs $1,200 a year and includes 2 exam vouchers.',
    );
    expect(offer.terms.join(' ')).not.toMatch(/co-sell/);
  });

  it('co-selling from the first tier that offers it', () => {
    const vendor = structuredClone(dataset.vendor);
    vendor.tiers[1]!.benefits.coSell = true;
    const ds = { ...dataset, vendor };
    const offer = earningsOffer(
      ds,
      ds.partnerTypes.find((x) => x.id === 'training-partner')!,
    )!;
    expect(offer.terms).toContain("From Silver, Test Vendor's account teams co-sell with you.");
  });
});
