// A deck the data cannot make is refused in words (src/core/deck/build-deck.ts); the generic
// prospect reads as "your company"; a tiers slide the sequence gives no columns gets the
// partner's own (reselling or not).
import { describe, expect, it } from 'vitest';
import { runCase } from '../../../src/core/business-case/run-case.ts';
import type { Assumptions } from '../../../src/core/assumption-registry.ts';
import { buildDeck, DeckInputError, readyDeckOutline } from '../../../src/core/deck/build-deck.ts';
import { GENERIC_PROSPECT } from '../../../src/core/deck/context.ts';
import type { DeckTemplates } from '../../../src/core/deck/templates.ts';
import { dataset, single, templates } from '../../helpers/deck-fixture.ts';

const only = (id: string): DeckTemplates => ({
  ...templates,
  sequences: templates.sequences.filter((s) => s.id === id),
});
const type = (id: string) => dataset.partnerTypes.find((t) => t.id === id)!;

describe('decks the data cannot make', () => {
  it('no sequence applies to the type: an error naming it, and no ready-deck outline', () => {
    const result = runCase(dataset, single('reseller'));
    expect(() =>
      buildDeck({ dataset, templates: only('influence'), result, prospect: { company: 'X' } }),
    ).toThrow(
      new DeckInputError(
        'no slide sequence in templates/sequences applies to partner type `reseller`',
      ),
    );
    expect(readyDeckOutline(only('influence'), type('reseller'), [])).toBeUndefined();
  });

  it('a case whose types are not in the data: an error naming them', () => {
    const result = runCase(dataset, single('reseller'));
    const without = {
      ...dataset,
      partnerTypes: dataset.partnerTypes.filter((t) => t.id !== 'reseller'),
    };
    expect(() =>
      buildDeck({ dataset: without, templates, result, prospect: { company: 'X' } }),
    ).toThrow("the business case's partner types (reseller) are not in the data");
  });
});

describe('the generic prospect and default tier columns', () => {
  const tiersSlide = (id: string, company: string, overrides: Partial<Assumptions> = {}) => {
    // a sequence whose tiers slide names no benefit columns
    const seq = templates.sequences.map((s) => ({
      ...s,
      slides: s.slides.map((x) => (x.kind === 'tiers' ? { kind: 'tiers' as const } : x)),
    }));
    const deck = buildDeck({
      dataset,
      templates: { ...templates, sequences: seq },
      result: runCase(dataset, single(id, { overrides })),
      prospect: { company },
    });
    return deck.slides.find((s) => s.kind === 'tiers')!;
  };
  const header = (s: ReturnType<typeof tiersSlide>) =>
    s.blocks.flatMap((b) => (b.type === 'table' ? b.header : []));

  it('a reseller sees discount, rebate and MDF; a referral partner its fee, licences and vouchers', () => {
    expect(header(tiersSlide('reseller', 'Acme'))).toEqual(
      expect.arrayContaining(['Discount', 'Rebate']),
    );
    const referral = header(tiersSlide('referral-partner', 'Acme', { certifications: 3 }));
    expect(referral.join(' ')).toMatch(/Referral fee/);
    expect(referral.join(' ')).not.toMatch(/Discount|Rebate/);
  });

  it('the talk track says "their" for the generic prospect and names a real one', () => {
    expect(tiersSlide('reseller', GENERIC_PROSPECT).notes).toMatch(/^Value every tier in their /);
    expect(tiersSlide('reseller', 'Acme').notes).toMatch(/^Value every tier in Acme's /);
  });
});
