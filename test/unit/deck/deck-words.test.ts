// Words and money on slides (src/core/deck/context.ts): type names as nouns with their article
// and plural, lists joined in English, and one money unit per slide in the vendor's locale.
import { describe, expect, it } from 'vitest';
import { adds, mixProvenance } from '../../../src/core/deck/slides/revenue-mix.ts';
import {
  article,
  fill,
  joinAnd,
  moneyUnit,
  plural,
  pluralNoun,
  possessive,
  typeNoun,
  withArticle,
} from '../../../src/core/deck/context.ts';

describe('type names in sentences', () => {
  it('a noun from a name, its plural and its article, by sound', () => {
    expect(typeNoun('Consultancy / advisory firm')).toBe('consultancy');
    expect(typeNoun('ISV')).toBe('ISV');
    expect(pluralNoun('consultancy')).toBe('consultancies');
    expect(pluralNoun('ISV')).toBe('ISVs');
    expect(pluralNoun('business')).toBe('businesses');
    expect(pluralNoun('reseller')).toBe('resellers');
    expect(withArticle('ISV')).toBe('an ISV');
    expect(withArticle('MSP')).toBe('an MSP');
    expect(withArticle('VAR')).toBe('a VAR');
    expect(withArticle('influencer')).toBe('an influencer');
    expect(withArticle('university partner')).toBe('a university partner');
    expect(withArticle('hour-based firm')).toBe('an hour-based firm');
    expect(article('reseller')).toBe('a');
    expect(possessive('Acme')).toBe('Acme’s');
    expect(possessive('Widgets')).toBe('Widgets’');
    expect(plural(1, 'deck')).toBe('1 deck');
    expect(plural(2, 'deck')).toBe('2 decks');
  });

  it('lists: "a and b", a serial comma when an item has its own "and"', () => {
    expect(joinAnd([])).toBe('');
    expect(joinAnd(['a'])).toBe('a');
    expect(joinAnd(['a', 'b', 'c'])).toBe('a, b and c');
    expect(joinAnd(['a', 'b and c', 'd'])).toBe('a, b and c, and d');
  });

  it('fills {vendor}, {type} and {prospect}; the prospect mid-sentence as the deck names it', () => {
    const ctx = {
      vars: { vendor: 'Test Vendor', type: 'reseller', prospect: 'Your company' },
      prospectInSentence: 'your company',
    };
    expect(fill('{prospect} and {vendor}: {type} {unknown}', ctx)).toBe(
      'Your company and Test Vendor: reseller {unknown}',
    );
    // a known placeholder with no value is left empty, not "undefined"
    expect(fill('{type}!', { ...ctx, vars: { vendor: 'V' } })).toBe('!');
    expect(fill('Why {prospect} wins', ctx)).toBe('Why your company wins');
  });
});

describe('one money unit per slide', () => {
  const usd = { currency: 'USD', locale: 'en-US' };
  it('units, thousands or millions from the largest value, negatives with a minus sign', () => {
    expect(moneyUnit(usd, [9800]).format(9800)).toBe('$9,800');
    const k = moneyUnit(usd, [337_000, -12_000]);
    expect(k.format(337_000)).toBe('$337K');
    expect(k.format(-12_000)).toBe('−$12K');
    // Zero (and what rounds to it) is "$0" on an axis, never "$0K".
    expect(k.format(-200)).toBe('$0');
    expect(k.format(0)).toBe('$0');
    expect(moneyUnit(usd, [1_200_000]).format(0)).toBe('$0');
    expect(k.excel).toBe('"$"#,##0,"K";−"$"#,##0,"K";"$"0');
    expect(moneyUnit(usd, [1_200_000]).format(1_250_000)).toBe('$1.3M');
  });

  it('the currency after the number where the locale writes it there', () => {
    const eur = moneyUnit({ currency: 'EUR', locale: 'de-DE' }, [45_000]);
    expect(eur.format(45_000)).toBe('45K €');
    expect(eur.excel).toBe('#,##0,"K"" €";−#,##0,"K"" €";0" €"');
    expect(eur.format(0)).toBe('0 €');
  });
});

describe('what a line adds, beside the margins', () => {
  it('names up to three streams, and counts the rest so the sentence is never cut off', () => {
    expect(adds(['referral fees'])).toBe(
      'More referral fees: the business case that follows counts it month by month.',
    );
    expect(adds(['a', 'b', 'c'])).toBe(
      'More a, b and c: the business case that follows counts them month by month.',
    );
    expect(adds(['a', 'b', 'c', 'd', 'e'])).toBe(
      'More a, b and 3 more streams, counted month by month in the business case that follows.',
    );
  });
});

describe('where the revenue mix comes from, under its chart', () => {
  const stream = (share: object, margin: object) => ({
    name: 'Projects',
    kind: 'services' as const,
    share: { value: 0.5, ...share },
    grossMargin: { min: 0.3, max: 0.4, ...margin },
  });
  const cited = { source: 'benchmark' };
  const estimate = { assumption: 'Our estimate.' };

  it('says "cited" only of figures with a source, and counts them when some are estimates', () => {
    expect(mixProvenance([stream(cited, cited)], 'consultancies', 'consultancy')).toBe(
      'Typical figures for consultancies, cited in the appendix.',
    );
    expect(
      mixProvenance([stream(estimate, cited), stream(estimate, estimate)], 'ISVs', 'ISV'),
    ).toBe('Figures for a typical ISV: 1 of 4 cited in the appendix, the rest estimates.');
    expect(mixProvenance([stream(estimate, estimate)], 'influencers', 'influencer')).toBe(
      'Estimates for a typical influencer: check them against your own.',
    );
  });
});
