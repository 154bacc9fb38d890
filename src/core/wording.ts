/**
 * One wording and one rounding for business-case results, used by the calculator pages, the
 * CLI's text output, the CSV and the decks, so a result reads the same wherever it shows:
 *
 * - money: whole units in text ("$412,345"), the case's summary sentence included; cents in
 *   CSV (`csvMoney`); three significant figures only where prose stands apart from any figure
 *   ("$412,000", `proseMoney`: the program pages);
 * - percentages: at most one decimal ("46.2%");
 * - customers: one decimal as a rate ("2.5 new customers a month"); a count of customers or
 *   people the model carries in fractions (customers won over a ramp, part-time hires) is
 *   whole, as a person says it ("about 32 joint customers"; `wholeCount`);
 * - months: whole months ("month 3"), whatever fraction the model carries;
 * - payback, IRR, ROI, break-even and the month a tier is reached: one phrase each, as a value
 *   ("Month 14", "From the start", "After month 36") and in prose ("in month 14");
 * - a number that is not finite is "—" in text and empty in CSV, never NaN or Infinity.
 *
 * Pure: no DOM, no Node. Built on src/core/format.ts (the locale's number formats).
 */
import {
  formatMoney,
  formatMoneyCompact,
  formatNumber,
  formatPercent,
  type Money,
} from './format.ts';
import type { Unit } from './assumption-registry.ts';
import type { IrrCaveat } from './business-case/bands.ts';
import { cents } from './csv.ts';

export const DASH = '—';
export const finite = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);

/** Whole months, as every result states them. */
export const wholeMonth = (m: number): number => Math.round(m);
/** Customers to one decimal. */
export const roundCustomers = (n: number): number => Math.round(n * 10) / 10;
/**
 * Certified people, whole: a part-time or part-ramped hire is not a certified person yet, so
 * 3.75 counts as 3, as tier gates count it (one rule for tier cards, metrics and tables).
 */
export const wholePeople = (n: number): number => Math.floor(n + 1e-9);
/** Money to the cent, for CSV: a spreadsheet reads 10116.67, not 10116.666666666666. */
export const csvMoney = (n: number): number | null => (Number.isFinite(n) ? cents(n) + 0 : null);
/** Customers to one decimal for CSV (null when not finite: an empty cell). */
export const csvCustomers = (n: number): number | null =>
  Number.isFinite(n) ? roundCustomers(n) + 0 : null;

/** Three significant figures above a thousand: $412,345 reads as $412,000 in a sentence. */
export const proseAmount = (v: number): number =>
  Math.abs(v) < 1000 ? Math.round(v) : Number(v.toPrecision(3));

const YEARS = ['', 'one year', 'two years', 'three years', 'four years', 'five years'];

/** "three years" for 36, "30 months" for 30. */
export const horizonWords = (months: number): string =>
  months % 12 === 0 && YEARS[months / 12] ? YEARS[months / 12]! : `${wholeMonth(months)} months`;

/** A result as a short value (a tile, a table cell) and as words inside a sentence. */
export interface Phrase {
  value: string;
  prose: string;
}

/** The key figures' own few fields, so callers with a scenario's summary can use them too. */
export interface IrrInput {
  irrAnnual: number | null;
  irrAmbiguous: boolean;
  /** Set by the engine when the rate is outside the plausibility bands (see business-case/bands.ts). */
  irrCaveat?: IrrCaveat | null;
}

export interface ResultWords {
  money: (n: number | null | undefined) => string;
  /** "$412K", "$1.2M" for chart axes and tight slots. */
  moneyCompact: (n: number | null | undefined) => string;
  /** Three significant figures, for sentences. */
  proseMoney: (n: number | null | undefined) => string;
  percent: (n: number | null | undefined) => string;
  /**
   * A result's rate or share (ROI, IRR, recurring share): whole percents from 10% up ("213%",
   * "58%"), a tenth below; the model has no precision for "212.6%", and a cover saying 58%
   * above a tile saying 58.1% reads as an error.
   */
  rate: (n: number | null | undefined) => string;
  number: (n: number | null | undefined, digits?: number) => string;
  /** "2.5"; with `unit`, "2.5 new customers" / "1 new customer". */
  customers: (n: number | null | undefined, unit?: string) => string;
  /** "3 people", "1 person": a count, whole or to one decimal, with its noun. */
  count: (n: number | null | undefined, one: string, many?: string) => string;
  /**
   * A count of whole things the model carries in fractions (customers won over a ramp, people
   * with part-time hires), as a person says it: with its noun, "about 32 joint customers" for
   * 31.9 ("32 joint customers" when the count is whole, "less than one customer" for 0.4);
   * without, the whole number alone ("32"), for a table cell.
   */
  wholeCount: (n: number | null | undefined, one?: string, many?: string) => string;
  /** Certified people as `wholePeople` counts them: "3 people" for 3.75, "less than one person" for 0.5. */
  people: (n: number | null | undefined) => string;
  /** "month 3" (whole months). */
  month: (n: number | null | undefined) => string;
  /** "3 months" (whole months). */
  months: (n: number | null | undefined) => string;
  payback: (paybackMonth: number | null, horizonMonths: number) => Phrase & { note: string };
  irr: (s: IrrInput) => Phrase & { note: string };
  roi: (roi: number | null) => string;
  breakEven: (customers: number | null) => Phrase & { note: string };
  /** When a tier is reached: "From the start", "Month 9", "Not within 36 months". */
  tierReached: (month: number | null, horizonMonths: number) => Phrase;
  /** An assumption's value in its unit: "$25,000", "15%", "9 months", "0.3×". */
  assumption: (unit: Unit, value: number) => string;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function resultWords(m: Money): ResultWords {
  const guard =
    (f: (n: number) => string) =>
    (n: number | null | undefined): string =>
      finite(n) ? f(n) : DASH;
  // -0 and what rounds to zero print as "$0", never "-$0".
  const zero = (n: number, below: number) => (Math.abs(n) < below ? 0 : n);
  const money = guard((n) => formatMoney(zero(n, 0.5), m));
  const number = (n: number | null | undefined, digits = 1) =>
    finite(n) ? formatNumber(Object.is(n, -0) ? 0 : n, m.locale, digits) : DASH;
  const percent = guard((n) => formatPercent(Math.abs(n) < 0.0005 ? 0 : n, m.locale));
  const rate = guard((n) => percent(Math.abs(n) >= 0.1 ? Math.round(n * 100) / 100 : n));
  const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);
  const words: ResultWords = {
    money,
    moneyCompact: guard((n) => formatMoneyCompact(zero(n, 0.05), m)),
    proseMoney: guard((n) => formatMoney(zero(proseAmount(n), 0.5), m)),
    percent,
    rate,
    number,
    customers: (n, unit) => {
      if (!finite(n)) return DASH;
      const r = roundCustomers(n);
      return unit ? `${number(r, 1)} ${plural(r, unit, `${unit}s`)}` : number(r, 1);
    },
    count: (n, one, many = `${one}s`) => {
      if (!finite(n)) return DASH;
      const r = roundCustomers(n);
      return `${number(r, 1)} ${plural(r, one, many)}`;
    },
    wholeCount: (n, one, many = `${one}s`) => {
      if (!finite(n)) return DASH;
      const r = Math.round(n) + 0;
      if (one === undefined) return number(r, 0);
      if (r === 0 && n > 0) return `less than one ${one}`;
      const whole = Math.abs(n - r) < 1e-9 * Math.max(1, Math.abs(n));
      return `${whole ? '' : 'about '}${number(r, 0)} ${plural(r, one, many)}`;
    },
    people: (n) => {
      if (!finite(n)) return DASH;
      const r = wholePeople(n);
      if (r === 0 && n > 0) return 'less than one person';
      return `${number(r, 0)} ${plural(r, 'person', 'people')}`;
    },
    month: (n) => (finite(n) ? `month ${number(wholeMonth(n), 0)}` : DASH),
    months: (n) => {
      if (!finite(n)) return DASH;
      const w = wholeMonth(n);
      return `${number(w, 0)} ${plural(w, 'month', 'months')}`;
    },
    payback: (p, horizon) => {
      if (p === null || !finite(p))
        // Short enough for a deck's key-figure tile at its smallest size.
        return {
          value: `After month ${number(horizon, 0)}`,
          prose: `not within ${horizonWords(horizon)}`,
          note: `Cumulative cash is still below zero after ${number(horizon, 0)} months.`,
        };
      if (p === 0)
        return {
          value: 'From the start',
          prose: 'from the start',
          note: 'Cumulative cash never goes below zero.',
        };
      return {
        value: capitalise(words.month(p)),
        prose: `in ${words.month(p)}`,
        note: 'First month cumulative cash is back at zero or above.',
      };
    },
    irr: (s) => {
      if (s.irrAnnual === null || !finite(s.irrAnnual))
        return {
          value: 'Undefined',
          prose: 'undefined',
          note: s.irrAmbiguous
            ? 'No rate fits: the net cash changes sign several times and none of the rates found is finite.'
            : 'No rate makes the net present value zero: the cash never turns from negative to positive (or back).',
        };
      const c = s.irrCaveat;
      if (c?.reason === 'above-band')
        return {
          value: 'Not meaningful',
          prose: `not meaningful (above ${percent(c.limit)} a year)`,
          note: `Above the ${percent(c.limit)} a year a finance reader accepts: the case puts little money at risk for what it earns, so a rate of return says little. Judge it by net present value and payback.`,
        };
      if (c?.reason === 'small-investment')
        return {
          value: 'Not meaningful',
          prose: 'not meaningful (little money at risk)',
          note: `The most the case ever has at risk is ${money(c.peakFunding)}, under ${percent(c.share)} of its gross profit: too little for a rate of return to mean anything. Judge it by net present value and payback.`,
        };
      // A tenth of a percent is precision the model does not have: whole percents from 10% up.
      const yearly = rate(s.irrAnnual);
      return {
        value: yearly,
        prose: `${yearly} a year`,
        note: s.irrAmbiguous
          ? 'Ambiguous: the net cash changes sign more than once, so several rates fit; showing the one nearest 0%.'
          : '',
      };
    },
    roi: (roi) => (roi === null ? 'No costs' : rate(roi)),
    breakEven: (c) => {
      if (c === null || !finite(c))
        return {
          value: 'Not reachable',
          prose: 'not reachable',
          note: "No volume within the calculator's bounds brings the net present value to zero.",
        };
      if (c === 0)
        return {
          value: 'None needed',
          prose: 'none needed',
          note: 'The case pays off with no new customers.',
        };
      return {
        value: `${words.customers(c)} a month`,
        prose: `${words.customers(c, 'new customer')} a month`,
        note: 'Steady-state new customers a month for a net present value of zero.',
      };
    },
    tierReached: (month, horizon) => {
      if (month === null || !finite(month))
        return {
          value: `Not within ${number(horizon, 0)} months`,
          prose: `not within ${horizonWords(horizon)}`,
        };
      if (month === 0) return { value: 'From the start', prose: 'from the start' };
      return { value: capitalise(words.month(month)), prose: `in ${words.month(month)}` };
    },
    assumption: (unit, value) => {
      if (!finite(value)) return DASH;
      switch (unit) {
        case 'currency':
          return money(value);
        case 'fraction':
          return percent(value);
        case 'months':
          return `${number(value, 1)} ${value === 1 ? 'month' : 'months'}`;
        case 'hours':
          return `${number(value, 1)} hours`;
        case 'days':
          return `${number(value, 0)} ${value === 1 ? 'day' : 'days'}`;
        case 'factor':
          return `${number(value, 2)}×`;
        default:
          return number(value, 2);
      }
    },
  };
  return words;
}
