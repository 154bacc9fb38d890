// Next steps state what the deck's own case plans ("Get 2 of your people certified"), and a step
// that would ask for nothing in this case (a plan that certifies no one) is left out, never shown
// as "certify the people your plan needs" to a partner whose plan needs none.
import { describe, expect, it } from 'vitest';
import { runCase } from '../../../src/core/business-case/run-case.ts';
import { buildDeck } from '../../../src/core/deck/build-deck.ts';
import type { Dataset } from '../../../src/core/dataset.ts';
import type { NextStep } from '../../../src/core/schema/vendor.ts';
import { caseNextSteps } from '../../../src/core/next-steps.ts';
import { caseFacts } from '../../../src/core/when-earning.ts';
import { dataset as base } from '../../fixtures/business-case-dataset.ts';
import { templates } from '../../helpers/deck-fixture.ts';

const STEPS = [
  'Book a fit call.',
  'Get {plan.certifiedPeople} of your people certified, starting with the {tier.member.nfrLicences} NFR licence.',
  'Register your first deal.',
  'Agree a plan toward {plan.tier}.',
];
// The reseller's plan aims for Silver; the marketplace's names no tier (the entry tier).
const d: Dataset = {
  ...base,
  vendor: { ...base.vendor, nextSteps: STEPS },
  partnerTypes: base.partnerTypes.map((t) =>
    t.id === 'reseller' ? { ...t, businessCase: { ...t.businessCase, targetTier: 'silver' } } : t,
  ),
};
/** A type's deck on a dataset, for one prospect. */
const deckOn = (dataset: Dataset, type: string) =>
  buildDeck({
    dataset,
    templates,
    result: runCase(dataset, { mix: [{ type, weight: 1 }] }),
    prospect: { company: 'Northwind' },
  });
const stepsFor = (type: string) =>
  caseNextSteps(STEPS, {
    result: runCase(d, { mix: [{ type, weight: 1 }] }),
    tiers: d.vendor.tiers,
    type,
    targetTier: d.partnerTypes.find((t) => t.id === type)!.businessCase.targetTier,
  });

describe('next steps for a case', () => {
  it('state the numbers of the case they are for: the people it certifies and its hires, as the tiers count them', () => {
    const a = runCase(d, { mix: [{ type: 'reseller', weight: 1 }] }).assumptions;
    const certifies = Math.floor(a.certifications + a.hires + 1e-9);
    expect(certifies).toBeGreaterThan(0);
    expect(stepsFor('reseller')).toEqual([
      'Book a fit call.',
      `Get ${certifies} of your people certified, starting with the 1 NFR licence.`,
      'Register your first deal.',
      'Agree a plan toward Silver.',
    ]);
  });

  it('leave out a step that asks for nothing in this case: the marketplace certifies no one and aims no higher than it joins', () => {
    expect(stepsFor('cloud-marketplace')).toEqual([
      'Book a fit call.',
      'Register your first deal.',
    ]);
  });

  it('the deck shows the case’s steps on its next-steps slide and counts them in the title', () => {
    const deck = (type: string) => deckOn(d, type);
    const slide = (type: string) => deck(type).slides.find((s) => s.kind === 'next-steps')!;
    const asks = deck('cloud-marketplace').slides.filter(
      (s) => s.kind === 'next-steps' || s.kind === 'closing',
    );
    expect(asks).toHaveLength(2);
    expect(JSON.stringify(asks)).not.toMatch(/certified|\{assumption/);
    expect(slide('cloud-marketplace').title).toMatch(/^Two steps get you started/);
    expect(slide('reseller').title).toMatch(/^Four steps get you started/);
    expect(JSON.stringify(slide('reseller').blocks)).toContain('of your people certified');
  });
});

describe('the people a step asks to certify', () => {
  it('are whole people as the tier slide counts them: 2 certified and a quarter of a hire are 2', () => {
    const steps = ['Get {plan.certifiedPeople} of your people certified.'];
    const certify = (certifications: number, hires: number) =>
      caseNextSteps(steps, {
        result: runCase(d, {
          mix: [{ type: 'reseller', weight: 1 }],
          overrides: { certifications, hires },
        }),
        tiers: d.vendor.tiers,
        type: 'reseller',
        targetTier: 'silver',
      });
    expect(certify(2, 0.25)).toEqual(['Get 2 of your people certified.']);
    expect(certify(2, 1)).toEqual(['Get 3 of your people certified.']);
    expect(certify(2.5, 0.5)).toEqual(['Get 3 of your people certified.']);
  });
});

/** The steps a type's default case shows, its plan aiming no higher than the entry tier. */
const shownFor = (steps: readonly NextStep[], type: string) =>
  caseNextSteps(steps, {
    result: runCase(d, { mix: [{ type, weight: 1 }] }),
    tiers: d.vendor.tiers,
    type,
    targetTier: undefined,
  });

describe('a step for partners who earn certain streams', () => {
  const steps = [
    'Book a fit call.',
    { step: 'Register your first deal.', whenEarning: ['resale' as const, 'referral' as const] },
  ];
  const shown = (type: string) => shownFor(steps, type);

  it('is shown to a partner whose case earns one of them, and left out for one that earns neither', () => {
    expect(runCase(d, { mix: [{ type: 'reseller', weight: 1 }] }).streams).toContain('resale');
    expect(shown('reseller')).toEqual(['Book a fit call.', 'Register your first deal.']);
    const marketplace = runCase(d, { mix: [{ type: 'cloud-marketplace', weight: 1 }] }).streams;
    expect(marketplace).not.toContain('resale');
    expect(marketplace).not.toContain('referral');
    expect(shown('cloud-marketplace')).toEqual(['Book a fit call.']);
  });
});

describe('a step some partner types never take', () => {
  it('is left out for the types it names, whatever they earn', () => {
    const steps = [
      'Book a fit call.',
      { step: 'Register your first deal.', exceptTypes: ['reseller'] },
      {
        step: 'Register a referral.',
        whenEarning: ['referral' as const],
        exceptTypes: ['reseller'],
      },
    ];
    const shown = (type: string) => shownFor(steps, type);
    expect(shown('reseller')).toEqual(['Book a fit call.']);
    expect(shown('referral-partner')).toEqual([
      'Book a fit call.',
      'Register your first deal.',
      'Register a referral.',
    ]);
  });
});

describe('market facts for partners who earn certain streams', () => {
  const facts: Dataset['vendor']['opportunity'] = [
    { statement: 'Partners deliver most IT.', source: 'canalys' },
    { statement: 'Marketplaces grow fast.', source: 'market', whenEarning: ['marketplace'] },
    { statement: 'Services follow cloud spend.', source: 'services', whenEarning: ['services'] },
  ];
  const withFacts: Dataset = {
    ...d,
    vendor: {
      ...d.vendor,
      opportunity: facts,
      sources: [
        ...d.vendor.sources,
        ...['market', 'services'].map((id) => ({
          id,
          title: `The ${id} report`,
          url: `https://example.com/${id}`,
          reliability: 'verified' as const,
        })),
      ],
    },
  };
  const deck = (type: string) => deckOn(withFacts, type);
  const factsOn = (type: string) =>
    JSON.stringify(deck(type).slides.find((s) => s.kind === 'opportunity')!.blocks);
  const cited = (type: string) =>
    JSON.stringify(deck(type).slides.find((s) => s.kind === 'sources')!.blocks);

  it('those for a stream the case earns come first; the rest, and their sources, are left out', () => {
    expect(caseFacts(facts, ['marketplace']).map((f) => f.statement)).toEqual([
      'Marketplaces grow fast.',
      'Partners deliver most IT.',
    ]);
    const marketplace = factsOn('cloud-marketplace');
    expect(marketplace.indexOf('Marketplaces grow fast.')).toBeGreaterThanOrEqual(0);
    expect(marketplace.indexOf('Marketplaces grow fast.')).toBeLessThan(
      marketplace.indexOf('Partners deliver most IT.'),
    );
    expect(marketplace).not.toContain('Services follow cloud spend.');
    expect(cited('cloud-marketplace')).toContain('The market report');
    expect(cited('cloud-marketplace')).not.toContain('The services report');
    // A training partner earns neither: the fact for everyone only.
    expect(factsOn('training-partner')).toContain('Partners deliver most IT.');
    expect(factsOn('training-partner')).not.toMatch(/Marketplaces grow|Services follow/);
    expect(cited('training-partner')).not.toContain('The market report');
  });
});
