// "What you earn with <vendor>" (src/core/offer.ts): the terms a non-reselling partner hears
// first, from the vendor's tiers and the type's defaults, on the in-code dataset.
import { describe, expect, it } from 'vitest';
import { earningsOffer } from '../../src/core/offer.ts';
import type { Dataset } from '../../src/core/dataset.ts';
import { dataset, programmedDataset } from '../fixtures/business-case-dataset.ts';

const type = (id: string) => dataset.partnerTypes.find((t) => t.id === id)!;
const figure = (id: string, typeId: string) =>
  earningsOffer(dataset, type(typeId))!.figures.find((f) => f.id === id);

describe('earningsOffer', () => {
  it('a referral partner: the entry fee and the top tier’s, a worked example, the cap and when it is paid', () => {
    const offer = earningsOffer(dataset, type('referral-partner'))!;
    expect(offer.title).toBe('What you earn with Test Vendor');
    expect(offer.figures.map((f) => f.id)).toEqual(['fee', 'example', 'cap', 'paid']);
    expect(figure('fee', 'referral-partner')).toMatchObject({
      value: '10%',
      note: "of a referred customer's first-year value, rising to 15% at Gold.",
    });
    // gadget's first-year value is the example deal: 10% of it
    expect(figure('example', 'referral-partner')).toMatchObject({
      label: 'On a $50,000 deal',
      value: '$5,000',
    });
    expect(figure('example', 'referral-partner')!.note).toContain('Gadget');
    expect(figure('cap', 'referral-partner')).toMatchObject({
      value: '$25,000',
      note: 'rising to $60,000 at Gold.',
    });
    expect(figure('paid', 'referral-partner')!.value).toBe('3 months');
    expect(offer.terms).toContain(
      'Member, the entry tier, costs nothing to join and includes 1 NFR licence for a demo tenant.',
    );
  });

  it('the cap limits the example fee, and a typed default wins over the tier', () => {
    const t = structuredClone(type('referral-partner'));
    t.businessCase.defaults.referralFeeRate = { value: 0.4, assumption: 'Test.' };
    t.businessCase.defaults.dealValue = { value: 80000, assumption: 'Test.' };
    t.businessCase.defaults.referralLagMonths = { value: 0, assumption: 'Test.' };
    const changed = {
      ...dataset,
      partnerTypes: dataset.partnerTypes.map((p) => (p.id === t.id ? t : p)),
    };
    const offer = earningsOffer(changed, t)!;
    expect(offer.figures.find((f) => f.id === 'fee')!.value).toBe('40%');
    // 40% of $80,000 is $32,000, capped at the entry tier's $25,000
    expect(offer.figures.find((f) => f.id === 'example')!.value).toBe('$25,000');
    expect(offer.figures.find((f) => f.id === 'paid')!.value).toBe('At the sale');
  });

  it('a training partner: its courses per customer; no referral terms', () => {
    const offer = earningsOffer(dataset, type('training-partner'))!;
    expect(offer.figures.map((f) => f.id)).toEqual(['training']);
    expect(offer.figures[0]!.value).toBe('$3,000');
    expect(offer.terms.join(' ')).not.toMatch(/referral|title/i);
  });

  it('a type whose case earns nothing from the vendor directly has no offer', () => {
    expect(earningsOffer(dataset, type('cloud-marketplace'))).toBeUndefined();
  });

  it('quotes no term of a tier the type is locked out of (a metric it cannot produce)', () => {
    // Tiers from `lockedFrom` on gate on resold revenue, which a referral partner never has.
    const lockedFrom = (index: number): Dataset => ({
      ...programmedDataset,
      vendor: {
        ...programmedDataset.vendor,
        tiers: programmedDataset.vendor.tiers.map((t, i) =>
          i < index
            ? t
            : {
                ...t,
                requirements: t.requirements.map((g) =>
                  g.metric === 'revenue' ? { ...g, metric: 'resale-revenue' } : g,
                ),
              },
        ),
      },
    });
    const referral = (d: Dataset) => earningsOffer(d, type('referral-partner'))!;
    const text = (d: Dataset) => JSON.stringify(referral(d).figures) + referral(d).terms.join(' ');

    // Gold locked: the fee and the cap rise to Silver's, the highest tier open to it.
    const gold = referral(lockedFrom(2));
    expect(gold.figures.find((f) => f.id === 'fee')!.note).toBe(
      "of a referred customer's first-year value, rising to 12% at Silver.",
    );
    expect(gold.figures.find((f) => f.id === 'cap')!.note).toBe('rising to $40,000 at Silver.');
    expect(text(lockedFrom(2))).not.toMatch(/Gold/);
    // Open to every tier, as in the plain program, Gold's terms are quoted.
    expect(text(programmedDataset)).toMatch(/rising to 15% at Gold/);

    // Silver and Gold locked: no rise, and no co-selling promised from a tier it cannot reach.
    const entryOnly = referral(lockedFrom(1));
    expect(entryOnly.figures.find((f) => f.id === 'fee')!.note).toBe(
      "of a referred customer's first-year value.",
    );
    expect(entryOnly.figures.find((f) => f.id === 'cap')!.note).toBe('the most one referral pays.');
    expect(text(lockedFrom(1))).not.toMatch(/Silver|Gold|co-sell/);
  });
});
