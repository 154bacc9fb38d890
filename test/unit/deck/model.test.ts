// The deck model: which slides, in which order, for which audience; the numbers are the
// business case's; every slide has a talk track; text is fitted to its box.
import { playsWithType } from '../../../src/core/ecosystem/plays.ts';
import { describe, expect, it } from 'vitest';
import { runCase } from '../../../src/core/business-case/run-case.ts';
import { formatMoney, formatPercent } from '../../../src/core/format.ts';
import type { CaseRequest } from '../../../src/core/business-case/types.ts';
import { resultWords } from '../../../src/core/wording.ts';
import { fitParagraphs } from '../../../src/core/deck/fit-text.ts';
import type { Deck } from '../../../src/core/deck/model.ts';
import { GENERIC_PROSPECT } from '../../../src/core/deck/context.ts';
import { sequenceFor } from '../../../src/core/deck/templates.ts';
import { RESALE_BENEFITS } from '../../../src/core/schema/template.ts';
import { storyMessagesFor } from '../../../src/core/stories/messages.ts';
import {
  dataset,
  deckFor,
  prospectBlock,
  single,
  stories,
  templates,
  textFits,
} from '../../helpers/deck-fixture.ts';

const kinds = (d: Deck) => d.slides.map((s) => s.kind);
const prospect = { company: 'Northwind Systems', contact: 'Dana Levi, CEO', region: 'EMEA' };
const money = { currency: dataset.vendor.currency, locale: dataset.vendor.locale };

describe('slides per audience', () => {
  it('every partner type gets the sequence its templates/ file orders, slide for slide', () => {
    for (const t of dataset.partnerTypes) {
      const seq = sequenceFor(templates.sequences, t)!;
      const { deck } = deckFor(single(t.id), prospect);
      expect(deck.meta.sequence, t.id).toBe(seq.id);
      // The `story` slide is there exactly when a published story lists the type.
      const hasStory = storyMessagesFor(stories, t.id) !== undefined;
      // The `play` slide is there exactly when the type is part of a partner-to-partner play.
      const hasPlay = playsWithType(dataset, t.id).length > 0;
      expect(kinds(deck), t.id).toEqual(
        seq.slides
          .map((s) => s.kind)
          .filter((k) => (k !== 'story' || hasStory) && (k !== 'play' || hasPlay)),
      );
    }
  });

  it('resellers get the transact deck, MSPs the retain deck, non-resellers the influence deck', () => {
    expect(deckFor(single('reseller'), prospect).deck.meta.sequence).toBe('transact');
    expect(deckFor(single('managed-service-provider'), prospect).deck.meta.sequence).toBe('retain');
    for (const t of dataset.partnerTypes.filter((x) => !x.transacts))
      expect(deckFor(single(t.id), prospect).deck.meta.sequence, t.id).toBe('influence');
  });

  it('transacting and influence decks differ in order and substance', () => {
    const transact = kinds(deckFor(single('reseller'), prospect).deck);
    const influence = kinds(deckFor(single('referral-partner'), prospect).deck);
    expect(transact).not.toContain('earnings');
    expect(influence.slice(0, 3)).toEqual(['title', 'earnings', 'revenue-mix']);
    expect(influence).toContain('clients-and-reputation');
    expect(transact).not.toContain('clients-and-reputation');
    expect(transact.indexOf('revenue-mix')).toBe(1);
  });

  it('an influence deck leads with earnings and never shows discounts, rebates or MDF', () => {
    for (const t of dataset.partnerTypes.filter((x) => !x.transacts)) {
      const { deck } = deckFor(single(t.id), prospect);
      expect(deck.slides[1]!.kind, t.id).toBe('earnings');
      const tiers = deck.slides.find((s) => s.kind === 'tiers')!;
      expect(slideText(tiers), t.id).not.toMatch(/discount|rebate|MDF/i);
      // What the partner sees (titles and blocks), up to and including the earnings slide.
      const text = JSON.stringify(
        deck.slides
          .slice(0, deck.slides.findIndex((s) => s.kind === 'earnings') + 1)
          .map((s) => [s.title, s.blocks]),
      );
      expect(text, t.id).not.toMatch(/\b(discount|rebate)s?\b/i);
      const seq = sequenceFor(templates.sequences, t)!;
      expect(
        seq.slides.flatMap((s) => s.benefits ?? []).filter((b) => RESALE_BENEFITS.includes(b)),
        t.id,
      ).toEqual([]);
    }
  });

  it('the transact deck shows the tier discounts and rebates, from the vendor data', () => {
    const { deck } = deckFor(single('reseller'), prospect);
    const table = deck.slides
      .find((s) => s.kind === 'tiers')!
      .blocks.find((b) => b.type === 'table')!;
    if (table.type !== 'table') throw new Error('no table');
    expect(table.header.slice(0, 4)).toEqual(['Tier', 'Reached', 'Discount', 'Rebate']);
    expect(table.rows.map((r) => r[2])).toEqual(
      dataset.vendor.tiers.map((t) => formatPercent(t.benefits.discount)),
    );
  });
});

/** What a slide shows (its title and every block's words), as one string to search. */
const slideText = (slide: Deck['slides'][number]) => JSON.stringify([slide.title, slide.blocks]);

describe('assumptions stated beside the figures', () => {
  const said = (type: string) => {
    const { deck } = deckFor(single(type), prospect);
    return deck.slides
      .filter((s) => s.kind === 'headline' || s.kind === 'business-case')
      .map((s) => `${slideText(s)} ${s.notes}`)
      .join(' ');
  };
  it('a ready deck is set for its kind of partner and prepared for no one; a tailored one names its prospect', () => {
    const ready = deckFor(single('reseller'), { company: GENERIC_PROSPECT }).deck;
    expect(slideText(ready.slides[0]!)).toContain('For value-added resellers');
    const all = ready.slides.map(slideText).join(' ');
    expect(all).not.toMatch(/your company|Prepared for/i);
    expect(ready.theme.footer).not.toMatch(/your company|Prepared for/i);
    expect(ready.theme.footer).toContain('Confidential');
    const tailored = deckFor(single('reseller'), prospect).deck;
    expect(slideText(tailored.slides[0]!)).toContain('Northwind Systems');
    expect(tailored.theme.footer).toContain('Prepared for Northwind Systems');
  });

  it('the headline slide states the slower scenario beside the expected case', () => {
    const { deck, result } = deckFor(single('reseller'), prospect);
    const lower = result.scenarios.find((sc) => sc.id === 'lower')!;
    const headline = slideText(deck.slides.find((s) => s.kind === 'headline')!);
    expect(headline).toContain(
      `With 30% fewer customers, each worth 30% less, and a ramp 50% longer: net present value ${formatMoney(lower.summary.npv, money)}`,
    );
  });

  it('say what the cash line leaves out when customers still owe money at the end', () => {
    const waits = deckFor(
      single('reseller', { overrides: { customerPaymentDays: 75, vendorPaymentDays: 30 } }),
      prospect,
    );
    const owed = waits.result.summary.workingCapitalAtEnd;
    expect(owed).toBeGreaterThan(1);
    const caption = (d: Deck) => slideText(d.slides.find((s) => s.kind === 'business-case')!);
    expect(caption(waits.deck)).toContain(
      `cash leaves out the ${formatMoney(owed, money)} your customers still owe at the end`,
    );
    const even = deckFor(
      single('reseller', { overrides: { customerPaymentDays: 30, vendorPaymentDays: 30 } }),
      prospect,
    );
    expect(even.result.summary.workingCapitalAtEnd).toBe(0);
    expect(caption(even.deck)).not.toMatch(/still owe/);
  });

  it('name the renewal rate only where the case earns on renewals', () => {
    // A referral fee is paid once: a renewal rate beside it is a lever that moves nothing.
    expect(said('referral-partner')).not.toMatch(/renew/i);
    expect(said('reseller')).toMatch(/of customers renewing each year/);
  });
});

describe('the earnings slide', () => {
  it('never shows one number twice: a single stream that is all the gross profit shows what is left after costs', () => {
    for (const t of dataset.partnerTypes.filter((x) => !x.transacts)) {
      const { deck } = deckFor(single(t.id), prospect);
      const slide = deck.slides.find((s) => s.kind === 'earnings')!;
      const values = slide.blocks.flatMap((b) => (b.type === 'figure' ? [b.value] : []));
      expect(new Set(values).size, `${t.id}: ${values.join(' | ')}`).toBe(values.length);
    }
    const { deck, result } = deckFor(single('referral-partner'), prospect);
    const slide = deck.slides.find((s) => s.kind === 'earnings')!;
    const values = slide.blocks.flatMap((b) => (b.type === 'figure' ? [b.value] : []));
    const s = result.summary;
    expect(values).toEqual([
      formatMoney(s.grossProfit, money),
      formatMoney(s.grossProfit - s.totalCosts, money),
    ]);
    expect(slideText(slide)).toContain(
      `Left after your ${formatMoney(s.totalCosts, money)} of costs`,
    );
  });
});

describe('the tiers slide', () => {
  const tiersOf = (type: string, extra: Partial<CaseRequest> = {}) => {
    const slide = deckFor(single(type, extra), prospect).deck.slides.find(
      (s) => s.kind === 'tiers',
    )!;
    const table = slide.blocks.find((b) => b.type === 'table');
    return { slide, table: table?.type === 'table' ? table : undefined, text: slideText(slide) };
  };

  it('a case that holds no tier above the entry shows no table of tiers out of reach: what it has, what the next would add and take', () => {
    const { slide, table, text } = tiersOf('referral-partner');
    expect(table).toBeUndefined();
    expect(text).not.toMatch(/—|\$0\b|Worth to you|Not within/);
    expect(text).toContain('What Member gives you');
    expect(text).toContain('10% referral fee (up to $25,000 a referral)');
    expect(text).toContain('What Silver would add, and take');
    expect(text).toContain('Silver would raise the referral fee from 10% to 12%');
    expect(text).toContain('It takes 2 certified people (this case has 1).');
    expect(slide.title).toBe(
      'You stay at Member over three years; Silver needs 2 certified people',
    );
    expect(slide.notes).not.toMatch(/last column/);
  });

  it('where the next tier pays nothing the case earns on, the entry tier is named the right one', () => {
    for (const type of ['training-partner', 'cloud-marketplace']) {
      const { slide, table, text } = tiersOf(type);
      expect(table, type).toBeUndefined();
      expect(slide.title, type).toBe(
        'Member is the right tier for you: Silver adds nothing this case earns money on',
      );
      expect(text, type).toContain('Why not Silver');
      expect(text, type).toMatch(
        /Silver would add no benefit this case earns on, for a \$2,500 a year fee/,
      );
      expect(slide.notes, type).toMatch(/^Staying at Member is the right call for this case/);
    }
  });

  it('a case that reaches a tier shows what it is worth, in money and in the talk track', () => {
    const { table, slide } = tiersOf('reseller');
    expect(table!.header.at(-1)).toBe('Worth to you');
    expect(table!.rows[1]!.at(-1)).toMatch(/^\$[\d,]+$/);
    expect(slide.notes).toMatch(/the last column is the extra gross profit/);
  });

  it('a referral partner that reaches Silver sees its fee, licences and vouchers, never a column its case does not earn', () => {
    const { table, text } = tiersOf('referral-partner', { overrides: { certifications: 3 } });
    expect(table!.header).toEqual([
      'Tier',
      'Reached',
      'Referral fee',
      'Co-sell',
      'NFR licences',
      'Exam vouchers',
      'Annual fee',
      'Worth to you',
    ]);
    expect(text).not.toMatch(/discount|rebate|MDF/i);
  });
});

describe("the numbers are the business case's", () => {
  it('key figures, chart series and cumulative cash equal runCase', () => {
    const request = single('managed-service-provider', {
      vertical: dataset.verticals[0]!.id,
      overrides: { dealValue: 40_000 },
    });
    const { deck } = deckFor(request, prospect);
    const r = runCase(dataset, request);
    expect(deck.figures.npv).toBe(formatMoney(r.summary.npv, money));
    expect(deck.figures.grossProfit).toBe(formatMoney(r.summary.grossProfit, money));
    expect(deck.figures.payback).toBe(
      r.summary.paybackMonth === null
        ? `After month ${r.assumptions.horizonMonths}`
        : `Month ${r.summary.paybackMonth}`,
    );
    const headline = deck.slides.find((s) => s.kind === 'headline')!;
    // What the partner keeps is after its own costs, not the gross profit.
    expect(r.summary.netCash).toBeGreaterThan(0);
    expect(headline.title).toContain(
      `keep ${formatMoney(r.summary.netCash, money)} over three years after your costs`,
    );
    expect(headline.title).not.toContain(deck.figures.grossProfit);
    const slide = deck.slides.find((s) => s.kind === 'business-case')!;
    const figureValues = headline.blocks
      .filter((b) => b.type === 'figure')
      .map((b) => (b.type === 'figure' ? b.value : ''));
    expect(figureValues).toEqual(
      expect.arrayContaining([
        deck.figures.npv,
        deck.figures.payback,
        deck.figures.grossProfit,
        deck.figures.irr,
        deck.figures.roi,
      ]),
    );
    const [bar, line] = slide.blocks.filter((b) => b.type === 'chart');
    if (bar?.type !== 'chart' || line?.type !== 'chart') throw new Error('charts missing');
    expect(bar.categories).toEqual(r.yearly.map((y) => `Year ${y.year}`));
    for (const s of bar.series) {
      const kind = Object.entries({ ...r.summary.revenueByStream }).find(
        ([k]) =>
          s.name ===
          (
            {
              resale: 'Resale margin',
              rebate: 'Rebates',
              mdf: 'MDF received',
              referral: 'Referral fees',
              services: 'Professional services',
              managed: 'Managed services',
              marketplace: 'Marketplace margin',
              training: 'Training delivery',
              ip: 'Own IP and software',
            } as Record<string, string>
          )[k],
      )![0] as keyof typeof r.summary.revenueByStream;
      expect(s.values).toEqual(r.yearly.map((y) => Math.round(y.revenue[kind])));
    }
    // Stacked totals per year equal the case's yearly revenue (to rounding).
    r.yearly.forEach((y, i) =>
      expect(
        Math.abs(bar.series.reduce((a, s) => a + s.values[i]!, 0) - y.revenueTotal),
      ).toBeLessThan(bar.series.length),
    );
    expect(line.series[0]!.values).toEqual(r.monthly.map((m) => Math.round(m.cumulative)));
    expect(line.categories).toHaveLength(r.assumptions.horizonMonths + 1);
  });

  it('the tier slide values each tier with benefitValue and the month the case reaches it', () => {
    const { deck, result } = deckFor(
      single('reseller', { overrides: { newCustomersPerMonth: 12, certifications: 25 } }),
      prospect,
    );
    const table = deck.slides
      .find((s) => s.kind === 'tiers')!
      .blocks.find((b) => b.type === 'table')!;
    if (table.type !== 'table') throw new Error('no table');
    result.tiers.forEach((t, i) => {
      const row = table.rows[i]!;
      expect(row[0]).toBe(t.name);
      expect(row[1]).toBe(
        resultWords(money).tierReached(t.reachedMonth, result.assumptions.horizonMonths).value,
      );
      // The entry tier is the baseline the others are valued against.
      expect(row.at(-1)).toBe(
        i === 0 || t.reachedMonth === null
          ? '—'
          : formatMoney(result.benefitValue.byTier.find((b) => b.tier === t.id)!.net, money),
      );
    });
    expect(result.tiers.some((t, i) => i > 0 && t.reachedMonth !== null)).toBe(true);
  });

  it('a stacked revenue chart only when there are two or more streams (pptxgenjs #1357)', () => {
    for (const t of dataset.partnerTypes) {
      const { deck } = deckFor(single(t.id), prospect);
      for (const s of deck.slides)
        for (const b of s.blocks)
          if (b.type === 'chart' && b.stacked) expect(b.series.length, t.id).toBeGreaterThan(1);
    }
  });

  it('key figures are never shortened on their tiles, whatever the case', () => {
    for (const t of dataset.partnerTypes) {
      const { deck } = deckFor(single(t.id, { overrides: { newCustomersPerMonth: 0 } }), prospect);
      const tiles = deck.slides
        .find((s) => s.kind === 'headline')!
        .blocks.filter((b) => b.type === 'figure');
      for (const b of tiles) if (b.type === 'figure') expect(b.value, t.id).not.toMatch(/…$/);
      expect(deck.figures.payback, t.id).toBe('After month 36');
    }
  });

  it("a mix lists every type it holds and leads with the heavier one's sequence", () => {
    const { deck } = deckFor(
      {
        mix: [
          { type: 'reseller', weight: 0.3 },
          { type: 'consultancy', weight: 0.7 },
        ],
      },
      prospect,
    );
    expect(deck.meta.types).toEqual(['consultancy', 'reseller']);
    expect(deck.meta.sequence).toBe('influence');
    const title = JSON.stringify(deck.slides[0]);
    expect(title).toContain('70% consultancy and 30% value-added reseller');
  });
});

describe('every slide', () => {
  const decks = dataset.partnerTypes.map(
    (t) =>
      deckFor(
        single(t.id, { vertical: dataset.verticals[0]!.id, segment: dataset.segments[0]!.id }),
        prospect,
      ).deck,
  );

  it('carries speaker notes and a title', () => {
    for (const d of decks)
      for (const s of d.slides) {
        expect(s.notes.length, `${d.meta.types[0]} ${s.kind}`).toBeGreaterThan(60);
        expect(s.title.trim().length).toBeGreaterThan(0);
      }
  });

  it('is co-branded: the title slide names the vendor and the prospect, with the logo as data', () => {
    for (const d of decks) {
      const text = JSON.stringify(d.slides[0]!.blocks);
      expect(text).toContain(dataset.vendor.name);
      expect(text).toContain(prospect.company);
      expect(
        d.slides[0]!.blocks.some(
          (b) => b.type === 'image' && b.data.startsWith('data:image/png;base64,'),
        ),
      ).toBe(true);
      expect(d.theme.footer).toContain(prospect.company);
    }
  });

  it("keeps every block inside the slide and every text block's lines inside its box", () => {
    for (const d of decks)
      for (const s of d.slides)
        for (const b of s.blocks) {
          expect(b.box.x + b.box.w, `${s.kind}`).toBeLessThanOrEqual(13.333 + 1e-6);
          expect(b.box.y + b.box.h, `${s.kind}`).toBeLessThanOrEqual(7.0 + 1e-6);
          if (b.type === 'text')
            expect(
              textFits(b),
              `${d.meta.types[0]} ${s.kind}: ${b.paragraphs.join(' / ').slice(0, 80)}`,
            ).toBe(true);
        }
  });

  it('colours are six hex digits without # everywhere (pptxgenjs #588)', () => {
    for (const d of decks) {
      const colours =
        JSON.stringify(d).match(/"(?:color|fill|headerFill|headerColor|border)":"([^"]*)"/g) ?? [];
      for (const c of colours) expect(c).toMatch(/"[0-9A-F]{6}"$/);
      for (const c of [...Object.values(d.theme.colours).flat()])
        expect(c).toMatch(/^[0-9A-F]{6}$/);
    }
  });
});

describe('fitting text', () => {
  it('shrinks before it shortens, and shortens with an ellipsis only at the smallest size', () => {
    const short = fitParagraphs(['Northwind'], 4, 1, { maxSize: 30, minSize: 10 });
    expect(short).toMatchObject({ fontSize: 30, truncated: false, paragraphs: ['Northwind'] });
    const medium = fitParagraphs(
      ['A somewhat longer company name that needs two lines at thirty points'],
      4,
      1.2,
      { maxSize: 30, minSize: 10 },
    );
    expect(medium.truncated).toBe(false);
    expect(medium.fontSize).toBeLessThan(30);
    const long = fitParagraphs(['word '.repeat(1000)], 4, 1, { maxSize: 30, minSize: 10 });
    expect(long.fontSize).toBe(10);
    expect(long.truncated).toBe(true);
    expect(long.paragraphs.at(-1)!.endsWith('…')).toBe(true);
  });

  it('breaks a word longer than the line (a 5,000-character name) and keeps it in the box', () => {
    const f = fitParagraphs(['x'.repeat(5000)], 6, 1.5, { maxSize: 40, minSize: 12 });
    expect(f.truncated).toBe(true);
    expect(
      textFits({
        type: 'text',
        box: { x: 0, y: 0, w: 6, h: 1.5 },
        paragraphs: f.paragraphs,
        fontSize: f.fontSize,
        font: 'body',
        color: '000000',
        inset: { x: 0.1, y: 0.05 },
      }),
    ).toBe(true);
  });

  it('a long prospect name or marketer copy never spills off the title slide', () => {
    const longName =
      'The Extraordinarily Long-Named International Consolidated Holdings and Managed Services Company of Greater Northwind '.repeat(
        8,
      );
    const { deck } = deckFor(single('reseller'), { company: longName, contact: 'C'.repeat(500) });
    for (const s of deck.slides)
      for (const b of s.blocks) if (b.type === 'text') expect(textFits(b), s.kind).toBe(true);
    expect(prospectBlock(deck).paragraphs.join(' ')).toMatch(/…$/);
  });
});

describe('the appendix says where the business case inputs come from', () => {
  const origins = (request: CaseRequest) =>
    JSON.stringify(
      deckFor(request, prospect)
        .deck.slides.find((s) => s.kind === 'sources')!
        .blocks.filter((b) => b.type === 'text'),
    );

  it('the vendor’s own figures, the prospect’s, and estimates, only for inputs the case earns on', () => {
    const reseller = origins(single('reseller'));
    expect(reseller).toContain("Where the business case's inputs come from");
    expect(reseller).toMatch(
      /own figures \(its price list, renewals and program\): first-year deal value/,
    );
    expect(reseller).toMatch(
      /Estimates for a typical value-added reseller, to adjust together: new customers a month/,
    );
    // A training partner earns on its courses, not on the product deal, and nothing renews.
    const training = origins(single('training-partner'));
    expect(training).toMatch(/training revenue a customer/);
    expect(training).not.toMatch(/deal value|renewal rate/);
    // What the prospect typed is theirs, not an estimate.
    expect(origins(single('reseller', { overrides: { newCustomersPerMonth: 3 } }))).toMatch(
      /Your own figures: new customers a month/,
    );
  });
});
