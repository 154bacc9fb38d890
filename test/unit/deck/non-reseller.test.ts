// Who a deck is written for, and the non-reseller rule whatever the sequence file says.
import { describe, expect, it } from 'vitest';
import { deckLead } from '../../../src/core/deck/lead.ts';
import { RESALE_TALK } from '../../../src/core/deck/resale-talk.ts';
import type { DeckTemplates } from '../../../src/core/deck/templates.ts';
import { deckFor, single, templates } from '../../helpers/deck-fixture.ts';
import { buildDeck } from '../../../src/core/deck/build-deck.ts';
import { runCase } from '../../../src/core/business-case/run-case.ts';
import { dataset, stories } from '../../helpers/deck-fixture.ts';

const seller = (id: string) => ({ id, transacts: true });
const advisor = (id: string) => ({ id, transacts: false });

describe('the lead of a mix', () => {
  it('the heavier side wins; a tie goes to the non-reselling side, whatever the order typed', () => {
    const a = deckLead([
      { type: seller('reseller'), weight: 0.5 },
      { type: advisor('referral'), weight: 0.5 },
    ])!;
    const b = deckLead([
      { type: advisor('referral'), weight: 0.5 },
      { type: seller('reseller'), weight: 0.5 },
    ])!;
    expect(a.reselling).toBe(false);
    expect(a.lead.id).toBe('referral');
    expect(b).toEqual(a);
    expect(a.ordered.map((m) => m.type.id)).toEqual(['referral', 'reseller']);
  });

  it('the lead is the heaviest type of the winning side, even when a type of the other side weighs more', () => {
    // 40% reseller, 30% + 30% non-reselling: the non-reselling side is 60%.
    const l = deckLead([
      { type: seller('reseller'), weight: 0.4 },
      { type: advisor('consultancy'), weight: 0.3 },
      { type: advisor('influencer'), weight: 0.3 },
    ])!;
    expect(l.reselling).toBe(false);
    expect(l.lead.id).toBe('consultancy');
    expect(l.ordered.map((m) => m.type.id)).toEqual(['consultancy', 'reseller', 'influencer']);
    expect(
      deckLead([
        { type: seller('msp'), weight: 0.6 },
        { type: advisor('isv'), weight: 0.4 },
      ])!,
    ).toMatchObject({ reselling: true, lead: { id: 'msp' } });
    // Raw weights (not fractions) compare the same way.
    expect(
      deckLead([
        { type: seller('msp'), weight: 3 },
        { type: advisor('isv'), weight: 3 },
      ])!,
    ).toMatchObject({ reselling: false, lead: { id: 'isv' } });
  });
});

describe('the rule, whatever the sequence file says', () => {
  it('a non-reselling deck leads with earnings and drops resale columns a sequence asks for', () => {
    // A sequence that validation would refuse: no earnings, discount and MDF columns.
    const bad: DeckTemplates = structuredClone(templates);
    const influence = bad.sequences.find((s) => s.id === 'influence')!;
    influence.slides = influence.slides
      .filter((s) => s.kind !== 'earnings')
      .map((s) =>
        s.kind === 'tiers' ? { ...s, benefits: ['discount', 'mdfRate', 'referralFee'] } : s,
      );
    // Three certified people: the case reaches Silver, so the slide shows its tier table.
    const request = single('referral-partner', { overrides: { certifications: 3 } });
    const deck = buildDeck({
      dataset,
      templates: bad,
      result: runCase(dataset, request),
      prospect: { company: 'Northwind' },
      stories,
    });
    expect(deck.slides[1]!.kind).toBe('earnings');
    const tiers = deck.slides.find((s) => s.kind === 'tiers')!;
    const table = tiers.blocks.find((b) => b.type === 'table')!;
    expect(table.type === 'table' && table.header).toContain('Referral fee');
    expect(JSON.stringify(deck.slides.map((s) => [s.title, s.blocks]))).not.toMatch(RESALE_TALK);
    // The same sequence file, a reselling deck: the columns are the sequence's.
    expect(JSON.stringify(deckFor(single('reseller'), { company: 'N' }).deck.slides)).toMatch(
      RESALE_TALK,
    );
  });
});
