/** Number formatting shared by pages, the CLI, the calculator and decks: one place, one look. */

// Formatters are costly to create and are asked for per table cell: one per style, locale and
// currency, keyed by a short string (not the options serialised, which was most of a lookup).
const cache = new Map<string, Intl.NumberFormat>();
function nf(key: string, locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.NumberFormat(locale, options)));
  return f;
}

export interface Money {
  currency: string;
  locale: string;
}

const money = (m: Money) =>
  nf(`money|${m.locale}|${m.currency}`, m.locale, {
    style: 'currency',
    currency: m.currency,
    maximumFractionDigits: 0,
  });

/** "$412,000"; whole units, since a business case's cents are noise. */
export const formatMoney = (value: number, m: Money): string => money(m).format(value);

/** The parts of formatMoney's output (where the symbol goes, which symbol), from the same formatter. */
export const moneyParts = (value: number, m: Money): Intl.NumberFormatPart[] =>
  money(m).formatToParts(value);

/** "$412K", "$1.2M" for chart axes and tight slots. */
export const formatMoneyCompact = (value: number, m: Money): string =>
  nf(`compact|${m.locale}|${m.currency}`, m.locale, {
    style: 'currency',
    currency: m.currency,
    notation: 'compact',
    maximumFractionDigits: 1,
  }).format(value);

/** 0.462 -> "46.2%"; whole percents stay whole ("30%"). */
export const formatPercent = (fraction: number, locale = 'en-US'): string =>
  nf(`percent|${locale}`, locale, { style: 'percent', maximumFractionDigits: 1 }).format(fraction);

/** "26.3-46.2%" for a range of fractions. */
export const formatPercentRange = (min: number, max: number, locale = 'en-US'): string =>
  min === max
    ? formatPercent(min, locale)
    : `${formatPercent(min, locale).replace('%', '')}–${formatPercent(max, locale)}`;

export const formatNumber = (value: number, locale = 'en-US', digits = 1): string =>
  nf(`number|${locale}|${digits}`, locale, { maximumFractionDigits: digits }).format(value);
