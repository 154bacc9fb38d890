// The `play` slide: a partner-to-partner play the deck's type is part of, with every partner's
// part, credit and earnings as the play's economics compute them, the prospect named in its own
// row, and no reseller words in a deck for a partner that does not resell. Left out, not shown
// empty, for a type in no play.
import { describe, expect, it } from 'vitest';
import { dataset as base } from '../../fixtures/business-case-dataset.ts';
import type { Dataset } from '../../../src/core/dataset.ts';
import { runCase } from '../../../src/core/business-case/run-case.ts';
import { buildDeck } from '../../../src/core/deck/build-deck.ts';
import { GENERIC_PROSPECT } from '../../../src/core/deck/context.ts';
import { tailorDeck } from '../../../src/core/deck/tailor.ts';
import type { Deck, TableBlock } from '../../../src/core/deck/model.ts';
import { playCards, playEconomics, type PlayCard } from '../../../src/core/ecosystem/plays.ts';
import { playFor } from '../../../src/core/deck/slides/play.ts';
import { PlaysFile } from '../../../src/core/schema/plays.ts';
import { resultWords } from '../../../src/core/wording.ts';
import { templates } from '../../helpers/deck-fixture.ts';

const cite = { assumption: 'Test value.' };
const d: Dataset = {
  ...base,
  plays: PlaysFile.parse({
    plays: [
      {
        id: 'joint',
        name: 'Identity for small clinics',
        customerNeed: 'Our insurer wants MFA before renewal.',
        trigger: 'A clinic mentions its cyber-insurance renewal.',
        product: 'widget',
        lead: 'referral-partner',
        leadWhy: 'It hears about the renewal first.',
        roles: [
          {
            type: 'referral-partner',
            role: 'Refer',
            does: 'Introduces.',
            credit: ['sourced'],
            streams: ['referral'],
          },
          {
            type: 'managed-service-provider',
            role: 'Operate',
            does: 'Runs it.',
            credit: ['managed', 'transacted'],
            streams: ['managed', 'resale'],
          },
          {
            type: 'reseller',
            role: 'Supply',
            does: 'Supplies licences.',
            credit: ['transacted'],
            streams: ['resale'],
          },
        ],
        assumptions: { newCustomersPerMonth: { value: 1, ...cite } },
        shares: [
          {
            from: 'managed-service-provider',
            to: 'referral-partner',
            on: 'managed',
            rate: { value: 0.05, ...cite },
            why: 'Residual.',
          },
        ],
        rulesOfEngagement: ['The MSP owns the customer.'],
      },
    ],
    sources: [],
  }),
};
const prospect = { company: 'Northwind Advisors' };
const playSlide = (deck: Deck) => deck.slides.find((s) => s.kind === 'play');
const deckOf = (type: string, who: { company: string } = prospect) =>
  buildDeck({
    dataset: d,
    templates,
    result: runCase(d, { mix: [{ type, weight: 1 }] }),
    prospect: who,
    playsFor: (id) => playCards(d, id),
  });
const tableOf = (deck: Deck) =>
  playSlide(deck)!.blocks.find((b): b is TableBlock => b.type === 'table')!;

describe('the play slide', () => {
  it("shows every partner's part, credit and earnings as the play's economics compute them", () => {
    const slide = playSlide(deckOf('referral-partner'))!;
    expect(slide, 'a play slide').toBeDefined();
    expect(slide.title).toBe('Identity for small clinics: every partner is paid for its part');
    const tableBlock = slide.blocks.find((b): b is TableBlock => b.type === 'table')!;
    const words = resultWords({ currency: 'USD', locale: 'en-US' });
    const e = playEconomics(d, d.plays!.plays[0]!);
    expect(tableBlock.rows).toEqual(
      e.partners.map((p) => [
        p.type === 'referral-partner' ? 'Referral partner (Northwind Advisors)' : p.name,
        p.role,
        p.credit.map((c) => c.charAt(0).toUpperCase() + c.slice(1)).join(', '),
        p.perCustomer === null ? '–' : words.proseMoney(p.perCustomer),
        words.proseMoney(p.net),
      ]),
    );
    // Estimates on a few joint customers, rounded as a person says them: never to the dollar.
    for (const row of tableBlock.rows) {
      const n = Number(row.at(-1)!.replace(/[$,]/g, ''));
      expect(Number(n.toPrecision(3)), row.join(' | ')).toBe(n);
    }
    expect(slide.notes).toContain('A clinic mentions its cyber-insurance renewal.');
  });

  it("picks the play on the deck's product, else the one that pays the deck's type the largest share", () => {
    const card = (id: string, product: string, self: number, other: number): PlayCard => ({
      id,
      name: id,
      product,
      customerNeed: '',
      trigger: '',
      leadName: '',
      leadWhy: '',
      horizonMonths: 36,
      customers: 6,
      dealValue: 1,
      partners: [
        { type: 'a', name: 'A', role: '', credit: [], net: other, perCustomer: null, self: false },
        { type: 'b', name: 'B', role: '', credit: [], net: self, perCustomer: null, self: true },
      ],
    });
    const small = card('small', 'observe', 10, 990);
    const large = card('large', 'observe', 400, 600);
    const mine = card('mine', 'posture', 50, 950);
    expect(playFor([small, large, mine], 'posture').id).toBe('mine');
    expect(playFor([small, large, mine], 'identity').id).toBe('large');
    expect(playFor([small], 'identity').id).toBe('small');
  });

  it('counts the joint customers as a whole number a person would say, never "31.9 customers"', () => {
    const e = playEconomics(d, d.plays!.plays[0]!);
    // The ramp leaves the model a fractional count: the case this test is about.
    expect(Number.isInteger(e.customers)).toBe(false);
    const slide = playSlide(deckOf('referral-partner'))!;
    const said = `about ${Math.round(e.customers)} joint customers`;
    expect(JSON.stringify(slide.blocks)).toContain(`the play wins ${said} at`);
    expect(slide.notes).toContain(`the same joint customers (${said} over three years, at`);
    expect(JSON.stringify(slide) + slide.notes).not.toMatch(/\d\.\d+ joint customer/);
  });

  it('names the ready decks\' placeholder prospect "you" in its row', () => {
    const rows = tableOf(deckOf('referral-partner', { company: GENERIC_PROSPECT })).rows;
    expect(rows.map((r) => r[0])).toContain('Referral partner (you)');
    expect(JSON.stringify(rows)).not.toContain(GENERIC_PROSPECT);
  });

  it('shows the play of the type the deck is written for: a tie in a mix goes to the non-reselling side', () => {
    // The referral partner does not resell here, so a half-and-half mix is written for it.
    const ds: Dataset = {
      ...d,
      partnerTypes: d.partnerTypes.map((t) =>
        t.id === 'referral-partner' ? { ...t, transacts: false } : t,
      ),
    };
    const deck = (mix: { type: string; weight: number }[]) =>
      buildDeck({
        dataset: ds,
        templates,
        result: runCase(ds, { mix }),
        prospect,
        playsFor: (id) => playCards(ds, id),
      });
    const a = deck([
      { type: 'msp', weight: 0.5 },
      { type: 'referral-partner', weight: 0.5 },
    ]);
    const b = deck([
      { type: 'referral-partner', weight: 0.5 },
      { type: 'msp', weight: 0.5 },
    ]);
    expect(tableOf(a).rows.map((r) => r[0])).toContain('Referral partner (Northwind Advisors)');
    expect(tableOf(b).rows).toEqual(tableOf(a).rows);
  });

  it('says nothing about discounts, rebates or MDF in a deck for a partner that does not resell', () => {
    const text = JSON.stringify(playSlide(deckOf('referral-partner')));
    expect(text).not.toMatch(/discount|rebate|\bMDF\b/i);
  });

  it('is left out for a type in no play, and the form’s deck gets it through playsFor', () => {
    expect(playSlide(deckOf('training-partner'))).toBeUndefined();
    const { deck } = tailorDeck(
      d,
      templates,
      { mix: [{ type: 'msp', weight: 1 }] },
      prospect,
      undefined,
      {
        playsFor: (id) => playCards(d, id),
      },
    );
    // An alias in the request still finds the type's plays.
    expect(playSlide(deck)?.title).toContain('Identity for small clinics');
    const without = tailorDeck(d, templates, { mix: [{ type: 'msp', weight: 1 }] }, prospect);
    expect(playSlide(without.deck)).toBeUndefined();
  });
});
