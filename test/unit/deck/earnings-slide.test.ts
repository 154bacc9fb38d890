// The earnings slide (src/core/deck/slides/earnings.ts): one card per way the partner is paid,
// in its own terms, and the tiers slide's columns for a partner who does not resell.
import { describe, expect, it } from 'vitest';
import { runCase } from '../../../src/core/business-case/run-case.ts';
import { buildDeck } from '../../../src/core/deck/build-deck.ts';
import type { Deck } from '../../../src/core/deck/model.ts';
import type { Dataset } from '../../../src/core/dataset.ts';
import { GENERIC_PROSPECT } from '../../../src/core/deck/context.ts';
import { dataset, single, templates } from '../../helpers/deck-fixture.ts';

type Type = Dataset['partnerTypes'][number];
const est = (value: number) => ({ value, assumption: 'Test.' });

function deckOf(change: (t: Type) => void, company = 'Northwind', tpl = templates): Deck {
  const t = structuredClone(dataset.partnerTypes.find((x) => x.id === 'consultancy')!);
  change(t);
  const ds = { ...dataset, partnerTypes: dataset.partnerTypes.map((p) => (p.id === t.id ? t : p)) };
  const result = runCase(ds, single(t.id));
  return buildDeck({ dataset: ds, templates: tpl, result, prospect: { company } });
}
const slide = (d: Deck, kind: string) => d.slides.find((s) => s.kind === kind)!;
const headings = (d: Deck) =>
  JSON.stringify(slide(d, 'earnings').blocks).match(
    /"(Referral fees|Your own services|Managed services|Training|Your own product|Resale margin|Nothing of ours to resell|Nothing to resell)"/g,
  );

describe('the earnings slide', () => {
  it('a card for each way a non-reselling partner is paid, and nothing of ours to resell when it sells its own product', () => {
    const d = deckOf((t) => {
      t.businessCase.streams = ['referral', 'services', 'managed', 'training', 'ip'];
      Object.assign(t.businessCase.defaults, {
        servicesAttachRatio: est(0.5),
        managedFeeMonthly: est(900),
        trainingRevenuePerCustomer: est(2000),
        ipRevenuePerCustomerAnnual: est(9000),
      });
    });
    expect(headings(d)).toEqual([
      '"Referral fees"',
      '"Your own services"',
      '"Managed services"',
      '"Training"',
      '"Your own product"',
      '"Nothing of ours to resell"',
    ]);
    const text = JSON.stringify(slide(d, 'earnings').blocks);
    expect(text).toContain('$9,000 of your licences a customer a year');
    expect(slide(d, 'earnings').title).toMatch(
      /^You earn \$[\d,.]+[KM]? of gross profit over three years, without reselling anything$/,
    );
    expect(slide(d, 'earnings').notes).toContain('What puts Northwind off');
  });

  it('referral fees with no cap say no "up to"; the generic prospect is "firms like this" in the notes', () => {
    const vendor = structuredClone(dataset.vendor);
    const d0 = deckOf(() => {}, GENERIC_PROSPECT);
    expect(slide(d0, 'earnings').notes).toContain('What puts firms like this off');
    expect(JSON.stringify(slide(d0, 'earnings').blocks)).toMatch(
      /first-year value, up to \$25,000 a referral, paid 3 months after the sale/,
    );
    vendor.tiers[0]!.benefits.referralFeeCap = 0;
    const t = dataset.partnerTypes.find((x) => x.id === 'consultancy')!;
    const ds = { ...dataset, vendor };
    const d = buildDeck({
      dataset: ds,
      templates,
      result: runCase(ds, single(t.id)),
      prospect: { company: 'X' },
    });
    expect(JSON.stringify(slide(d, 'earnings').blocks)).toMatch(
      /first-year value, paid 3 months after the sale/,
    );
  });

  it('in a reselling deck whose sequence asks for it: the resale margin, and the vendor in the title', () => {
    const withEarnings = {
      ...templates,
      sequences: templates.sequences.map((s) =>
        s.id === 'transact' ? { ...s, slides: [...s.slides, { kind: 'earnings' as const }] } : s,
      ),
    };
    const ds = dataset;
    const d = buildDeck({
      dataset: ds,
      templates: withEarnings,
      result: runCase(ds, single('reseller')),
      prospect: { company: 'X' },
    });
    expect(headings(d)).toContain('"Resale margin"');
    expect(JSON.stringify(slide(d, 'earnings').blocks)).toContain(
      'You buy at 10% off list from Member',
    );
    expect(slide(d, 'earnings').title).toMatch(/with Test Vendor$/);
  });
});
