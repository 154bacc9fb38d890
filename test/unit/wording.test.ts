// One wording and one rounding for results (src/core/wording.ts): the rules, fast-check
// properties over any number, and the calculator, the CLI, the CSV and the decks agreeing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runCase } from '../../src/core/business-case/index.ts';
import type { CaseRequest, CaseResult } from '../../src/core/business-case/types.ts';
import { keyFigures, monthlyCsvRows } from '../../src/core/result-display.ts';
import { keyFigures as deckFigures, type Ctx } from '../../src/core/deck/context.ts';
import { caseText } from '../../src/cli/commands/case.ts';
import { resultWords, csvMoney, csvCustomers, horizonWords } from '../../src/core/wording.ts';
import { dataset } from '../fixtures/business-case-dataset.ts';

const money = { currency: 'USD', locale: 'en-US' };
const w = resultWords(money);
/** The longest run of digits after a decimal point anywhere in a text. */
const maxDecimals = (text: string) =>
  Math.max(0, ...[...text.matchAll(/\d\.(\d+)/g)].map((m) => m[1]!.length));

const one = (type: string, overrides: CaseRequest['overrides'] = {}): CaseRequest => ({
  mix: [{ type, weight: 1 }],
  overrides,
});

describe('the wording of one result', () => {
  it('payback: a month, from the start, or after the horizon; as a value and in prose', () => {
    expect(w.payback(14, 36)).toMatchObject({ value: 'Month 14', prose: 'in month 14' });
    expect(w.payback(0, 36)).toMatchObject({ value: 'From the start', prose: 'from the start' });
    expect(w.payback(null, 36)).toMatchObject({
      value: 'After month 36',
      prose: 'not within three years',
    });
    expect(w.payback(null, 30).prose).toBe('not within 30 months');
    expect(w.payback(9.6, 36).value).toBe('Month 10');
  });

  it('months are whole, customers have one decimal, percentages at most one', () => {
    expect(w.month(2.4000000000000004)).toBe('month 2');
    expect(w.months(9.799999999999999)).toBe('10 months');
    expect(w.months(1)).toBe('1 month');
    expect(w.customers(62.54, 'new customer')).toBe('62.5 new customers');
    expect(w.customers(1, 'new customer')).toBe('1 new customer');
    expect(w.percent(0.46249)).toBe('46.2%');
    expect(w.money(10116.666666666666)).toBe('$10,117');
    expect(w.money(-0.2)).toBe('$0');
    expect(w.proseMoney(412_345)).toBe('$412,000');
    expect(horizonWords(36)).toBe('three years');
  });

  it('IRR, ROI and break-even have one phrase each', () => {
    // From 10% up a tenth of a percent is noise: whole percents, in value and prose.
    expect(w.irr({ irrAnnual: 0.456, irrAmbiguous: false })).toMatchObject({
      value: '46%',
      prose: '46% a year',
      note: '',
    });
    expect(w.irr({ irrAnnual: 2.199, irrAmbiguous: false })).toMatchObject({
      value: '220%',
      prose: '220% a year',
    });
    expect(w.irr({ irrAnnual: 1.4386, irrAmbiguous: false }).value).toBe('144%');
    expect(w.irr({ irrAnnual: 0.9994, irrAmbiguous: false }).value).toBe('100%');
    expect(w.irr({ irrAnnual: 0.0862, irrAmbiguous: false }).value).toBe('8.6%');
    expect(w.irr({ irrAnnual: -1.2345, irrAmbiguous: false }).value).toBe('-123%');
    // ROI and recurring share as the cover states them: 213%, 58%, never 212.6% beside 58.1%.
    expect(w.roi(2.126)).toBe('213%');
    expect(w.rate(0.581)).toBe('58%');
    expect(w.rate(0.046)).toBe('4.6%');
    expect(w.irr({ irrAnnual: null, irrAmbiguous: false }).value).toBe('Undefined');
    expect(w.irr({ irrAnnual: 0.1, irrAmbiguous: true }).note).toMatch(/^Ambiguous/);
    expect(w.roi(null)).toBe('No costs');
    expect(w.breakEven(0).value).toBe('None needed');
    expect(w.breakEven(null).value).toBe('Not reachable');
    expect(w.breakEven(0.2345).value).toBe('0.2 a month');
  });

  it('CSV money is to the cent and customers to one decimal; non-finite is an empty cell', () => {
    expect(csvMoney(10116.666666666666)).toBe(10116.67);
    expect(csvMoney(-0.001)).toBe(0);
    expect(Object.is(csvMoney(-0.001), -0)).toBe(false);
    expect(csvCustomers(0.3333333)).toBe(0.3);
    expect(csvMoney(Number.NaN)).toBeNull();
  });
});

describe('properties over any number', () => {
  const anyNumber = fc.oneof(
    fc.double({ noNaN: false }),
    fc.double({ min: -1e9, max: 1e9, noNaN: true }),
    fc.constantFrom(0.1 + 0.2, 2.4000000000000004, 9.799999999999999, -0, Infinity),
  );
  it('no phrase shows more than one decimal, NaN, Infinity or "-0"', () => {
    fc.assert(
      fc.property(anyNumber, fc.integer({ min: 12, max: 60 }), (n, horizon) => {
        const texts = [
          w.money(n),
          w.moneyCompact(n),
          w.proseMoney(n),
          w.percent(n),
          w.customers(n, 'new customer'),
          w.count(n, 'person', 'people'),
          w.month(n),
          w.months(n),
          w.payback(Number.isFinite(n) ? Math.abs(n) : null, horizon).value,
          w.irr({ irrAnnual: n, irrAmbiguous: false }).prose,
          w.breakEven(Number.isFinite(n) ? Math.abs(n) : null).value,
          w.tierReached(Number.isFinite(n) ? Math.abs(n) : null, horizon).value,
        ];
        for (const t of texts) {
          expect(t).not.toMatch(/NaN|Infinity|-0(?![.,\d])|-\$0(?![.,\d])/);
          expect(maxDecimals(t), t).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('a count of customers or people the model carries in fractions reads as a whole number', () => {
    // A play's 31.9 joint customers over a ramp: a person says "about 32".
    expect(w.wholeCount(31.9, 'joint customer')).toBe('about 32 joint customers');
    expect(w.wholeCount(5.798192771084337, 'joint customer')).toBe('about 6 joint customers');
    expect(w.wholeCount(12, 'customer')).toBe('12 customers');
    expect(w.wholeCount(1, 'customer')).toBe('1 customer');
    expect(w.wholeCount(0.6, 'customer')).toBe('about 1 customer');
    expect(w.wholeCount(0.4, 'customer')).toBe('less than one customer');
    expect(w.wholeCount(0, 'customer')).toBe('0 customers');
    expect(w.wholeCount(2.25, 'person', 'people')).toBe('about 2 people');
    // In a table cell, the whole number alone.
    expect(w.wholeCount(12.5)).toBe('13');
    expect(w.wholeCount(1234.4)).toBe('1,234');
    expect(w.wholeCount(Number.NaN, 'customer')).toBe('—');
    fc.assert(
      fc.property(fc.double({ min: -1e7, max: 1e7, noNaN: true, noDefaultInfinity: true }), (n) => {
        expect(maxDecimals(w.wholeCount(n, 'customer')), String(n)).toBe(0);
        expect(maxDecimals(w.wholeCount(n)), String(n)).toBe(0);
      }),
    );
  });

  it('certified people count whole, as the tier gates do: a part-time hire is not a person yet', () => {
    // An MSP's 3 certified people and a 0.75 FTE hire: the tier card says it has 3, so does this.
    expect(w.people(3.75)).toBe('3 people');
    expect(w.people(3)).toBe('3 people');
    expect(w.people(1.5)).toBe('1 person');
    expect(w.people(0.5)).toBe('less than one person');
    expect(w.people(0)).toBe('0 people');
    expect(w.people(2.9999999999)).toBe('3 people'); // ramp arithmetic's noise is not a person short
    expect(w.people(Number.NaN)).toBe('—');
  });

  it('CSV cells carry at most two decimals', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), (n) => {
        expect(maxDecimals(String(csvMoney(n)))).toBeLessThanOrEqual(2);
        expect(maxDecimals(String(csvCustomers(n)))).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe('pages, CLI text, CSV and decks say the same', () => {
  const cases: CaseResult[] = [
    ...dataset.partnerTypes.map((t) => runCase(dataset, one(t.id))),
    // Payback from the start (no costs at all) and never (no customers).
    runCase(
      dataset,
      one('referral-partner', {
        certifications: 0,
        labCostMonthly: 0,
        marketingMonthly: 0,
        programFeeAnnual: 0,
      }),
    ),
    runCase(dataset, one('reseller', { newCustomersPerMonth: 0 })),
    runCase(dataset, {
      mix: [
        { type: 'reseller', weight: 0.6 },
        { type: 'training-partner', weight: 0.4 },
      ],
    }),
  ];

  it('covers a payback from the start, one in a month, and one never reached', () => {
    const paybacks = cases.map((r) => r.summary.paybackMonth);
    expect(paybacks).toContain(0);
    expect(paybacks).toContain(null);
    expect(paybacks.some((p) => p !== null && p > 0)).toBe(true);
  });

  it('payback and IRR read the same on the page, in the CLI and on the deck', () => {
    for (const r of cases) {
      const page = keyFigures(r, w);
      const byId = (id: string) => page.find((f) => f.id === id)!.value;
      const deck = deckFigures({ result: r, money } as Ctx);
      expect(deck.payback).toBe(byId('payback'));
      expect(deck.irr).toBe(byId('irr'));
      expect(deck.roi).toBe(byId('roi'));
      const cli = caseText(r);
      expect(cli).toMatch(new RegExp(`Payback\\s+${byId('payback')}\\n`));
      expect(cli).toMatch(new RegExp(`ROI\\s+${byId('roi').replace('.', '\\.')}\\n`));
    }
  });

  it('every key figure on the page says what it is; a plain IRR is set against the cost of capital', () => {
    for (const r of cases)
      for (const f of keyFigures(r, w))
        expect(f.note, `${f.id} of ${r.request.mix[0]!.type}`).not.toBe('');
    const plain = cases.filter(
      (r) => !r.summary.irrCaveat && !r.summary.irrAmbiguous && r.summary.irrAnnual !== null,
    );
    expect(plain.length).toBeGreaterThan(0);
    for (const r of plain) {
      const rate = r.assumptions.discountRateAnnual;
      const side = r.summary.irrAnnual! >= rate ? 'above' : 'below';
      expect(keyFigures(r, w).find((f) => f.id === 'irr')!.note).toBe(
        `The yearly return on the cash the case puts in: ${side} the ${w.percent(rate)} cost of capital.`,
      );
    }
  });

  it("the gross-profit card's sum checks: revenue less cost of sales, before the partner's own costs", () => {
    for (const r of cases) {
      const s = r.summary;
      const note = keyFigures(r, w).find((f) => f.id === 'grossProfit')!.note;
      expect(note, r.request.mix[0]!.type).toContain(`before the ${w.money(s.totalCosts)}`);
      if (Math.abs(s.revenue - s.grossProfit) < 0.5) {
        expect(note).toBe(
          `All of the ${w.money(s.revenue)} revenue, before the ${w.money(s.totalCosts)} the partner spends to add the line.`,
        );
        continue;
      }
      const m = /^\$([\d,]+) revenue less \$([\d,]+) cost of sales, /.exec(note);
      expect(m, note).not.toBeNull();
      const [revenue, costOfSales] = [m![1]!, m![2]!].map((x) => Number(x.replaceAll(',', '')));
      // The shown sum lands on the shown gross profit, give or take the two roundings.
      const shown = Number(w.money(s.grossProfit).replace(/[$,]/g, ''));
      expect(Math.abs(revenue! - costOfSales! - shown)).toBeLessThanOrEqual(1);
    }
  });

  it('no text output, CSV cell or deck figure of these cases shows more than four decimals', () => {
    for (const r of cases) {
      expect(maxDecimals(caseText(r))).toBeLessThanOrEqual(4);
      const csv = monthlyCsvRows(r).rows.flat().map(String).join(' ');
      expect(maxDecimals(csv)).toBeLessThanOrEqual(2);
      expect(
        maxDecimals(JSON.stringify(deckFigures({ result: r, money } as Ctx))),
      ).toBeLessThanOrEqual(1);
    }
  });
});
