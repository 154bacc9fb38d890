/**
 * What every slide builder reads: the deck's data, already sanitised, and the few helpers and
 * figures several slide kinds share.
 */
import { formatNumber, moneyParts, type Money } from '../format.ts';
import { horizonWords, resultWords } from '../wording.ts';
import { type CaseResult, type StreamKind } from '../business-case/types.ts';
import { streamLabel } from '../result-display.ts';
import type { PartnerType } from '../schema/partner-type.ts';
import type { Source } from '../schema/common.ts';
import type { Segment, Vertical } from '../schema/market.ts';
import type { Vendor } from '../schema/vendor.ts';
import type { SectionKey, SequenceSlide } from '../schema/template.ts';
import type { StoryMessages } from '../stories/messages.ts';
import type { Grid } from './layout.ts';
import type { PlayCard } from '../ecosystem/plays.ts';
import type { DeckTheme, Hex, Slide } from './model.ts';
import { sanitizeLine } from './sanitize.ts';

/** Who the deck is for. Only `company` is required. */
export interface Prospect {
  company: string;
  /** Person the deck is prepared for, e.g. "Dana Levi, CEO". */
  contact?: string | undefined;
  region?: string | undefined;
}

/** The build-time deck of a partner type: its defaults, for a placeholder prospect ("your company" in a sentence). */
export const GENERIC_PROSPECT = 'Your company';

export const hex = (c: string): Hex => c.replace('#', '').toUpperCase();

export const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** A label inside a sentence: its first letter lower-case, the rest (a name, an acronym) as written. */
export const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
export const yesNo = (b: boolean) => (b ? 'Yes' : 'No');
/** "1 deal", "3 deals": a whole count with its noun (results go through src/core/wording.ts). */
export const plural = (n: number, one: string, many = `${one}s`) => {
  const written = formatNumber(n, 'en-US', 0);
  return `${written} ${written === '1' ? one : many}`;
};

/** The type scale and section labels of templates/theme.yaml, as the slide builders use them. */
export interface DeckStyle {
  type: { title: number; body: number; figure: number; small: number };
  sections: Record<SectionKey, string>;
  fonts: { heading: string; body: string };
}

export interface Ctx {
  /** The vendor, with the next steps this deck's case shows, bound (`caseNextSteps`). */
  vendor: Omit<Vendor, 'nextSteps'> & { nextSteps: string[] };
  /** The partner types of the deck, the lead first (see lead.ts). */
  types: PartnerType[];
  /** The type the deck is written for: the heaviest of the mix's larger side, resellers or not. */
  primary: PartnerType;
  /** Whether the deck may talk resale: false for a non-reselling lead or a mostly non-reselling mix. */
  reselling: boolean;
  /** "consultancy", or for a mix "70% influencer, 30% distributor". */
  mixLabel: string;
  vertical?: Vertical | undefined;
  segment?: Segment | undefined;
  result: CaseResult;
  prospect: Required<Pick<Prospect, 'company'>> & Prospect;
  /** The prospect inside a sentence: "your company" for the ready decks' placeholder. */
  prospectInSentence: string;
  /** The prospect in the speaker notes: "the prospect" for the ready decks' placeholder. */
  prospectInNotes: string;
  money: Money;
  theme: DeckTheme;
  style: DeckStyle;
  grid: Grid;
  vars: Record<string, string>;
  typeName: (id: string) => string;
  sources: Source[];
  years: number;
  /** The story the `story` slide tells; without one the slide is left out. */
  story?: StoryMessages | undefined;
  /** Plays the main type is part of; the `play` slide shows the first, and is left out without one. */
  plays?: readonly PlayCard[] | undefined;
}

/** What a slide builder returns; the deck fits the title and adds the kind and section. */
export type BuiltSlide = Omit<Slide, 'kind' | 'titleSize' | 'section'> & { titleSize?: number };

export type SlideBuilder = (ctx: Ctx, spec: SequenceSlide) => BuiltSlide;

/**
 * Put {vendor}, {prospect} and {type} into a template string. The prospect placeholder reads
 * "your company" inside a sentence; the result starts with a capital.
 */
export function fill(template: string, ctx: Pick<Ctx, 'vars' | 'prospectInSentence'>): string {
  const out = template.replace(/\{(vendor|prospect|type)\}/g, (_, k: string, at: number) =>
    k === 'prospect' && at > 0 ? ctx.prospectInSentence : (ctx.vars[k] ?? ''),
  );
  return capitalize(out);
}

/** The slide's title: the sequence's own when it sets one, else the builder's action title. */
export const titleOf = (ctx: Ctx, spec: SequenceSlide, fallback: string) =>
  sanitizeLine(spec.title ? fill(spec.title, ctx) : capitalize(fallback), 300);

/** "your company's", "Northwind's", "Jones'". */
export const possessive = (name: string) => (/s$/i.test(name) ? `${name}’` : `${name}’s`);

// ---------- names of partner types used as nouns ----------

const isAcronym = (name: string) => /^[A-Z]{2}/.test(name);

/** A type's name as a noun in a sentence: "consultancy" for "Consultancy / advisory firm", "ISV". */
export function typeNoun(name: string): string {
  const head = (name.split(' / ')[0] ?? name).trim();
  return isAcronym(head) ? head : head.charAt(0).toLowerCase() + head.slice(1);
}

/** "consultancies", "ISVs", "managed service providers". */
export function pluralNoun(noun: string): string {
  if (isAcronym(noun)) return `${noun}s`;
  if (/[^aeiou]y$/i.test(noun)) return `${noun.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/i.test(noun)) return `${noun}es`;
  return `${noun}s`;
}

/** "a" or "an" before a noun phrase, by sound for the common cases. */
export function article(phrase: string): 'a' | 'an' {
  if (isAcronym(phrase)) return /^[AEFHILMNORSX]/.test(phrase) ? 'an' : 'a';
  const p = phrase.toLowerCase();
  if (/^(uni|use|usu|uti|eu|one)/.test(p)) return 'a';
  if (/^(hour|honest|honou?r)/.test(p)) return 'an';
  return /^[aeiou]/.test(p) ? 'an' : 'a';
}

/** A label inside a sentence: "managed services", but "own IP and software" and "ISV fees" keep their capitals. */
export const lowerLabel = (label: string) =>
  /^[A-Z][a-z]/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;

/**
 * A playbook line written about "the vendor" (partner types' YAML is shared by the playbook and
 * the deck), in the deck's voice: the vendor by name, as a partner reads it.
 */
export const vendorNamed = (ctx: { vendor: Pick<Vendor, 'name'> }, line: string): string =>
  line.replace(/\b[Tt]he vendor\b/g, ctx.vendor.name);

/** "a, b and c"; with a serial comma when an item has its own "and". */
export const joinAnd = (items: readonly string[]) =>
  items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')}${items.length > 2 && items.some((i) => / and /.test(i)) ? ',' : ''} and ${items.at(-1)}`;

/** "a consultancy", "an ISV". */
export const withArticle = (noun: string) => `${article(noun)} ${noun}`;

// ---------- money on a slide: one unit per slide ----------

/** How a slide writes money: one unit (units, thousands or millions) for every figure on it. */
export interface MoneyUnit {
  /** "$337K", "$1.2M", "$9,800". */
  format: (value: number) => string;
  /** The Excel number format of chart axes and labels in the same unit. */
  excel: string;
}

/** The unit that writes the largest of `values` in at most four significant digits. */
export function moneyUnit(m: Money, values: readonly number[]): MoneyUnit {
  const max = Math.max(0, ...values.map(Math.abs));
  const parts = moneyParts(1, m);
  const symbol = parts.find((p) => p.type === 'currency')?.value ?? m.currency;
  const before =
    parts.findIndex((p) => p.type === 'currency') < parts.findIndex((p) => p.type === 'integer');
  const [divisor, suffix, digits, excelNum] =
    max >= 1_000_000
      ? ([1_000_000, 'M', 1, '#,##0.0,,"M"'] as const)
      : max >= 10_000
        ? ([1_000, 'K', 0, '#,##0,"K"'] as const)
        : ([1, '', 0, '#,##0'] as const);
  const quoted = symbol.replace(/"/g, '');
  return {
    format: (value: number) => {
      if (divisor === 1) return resultWords(m).money(value);
      const n = formatNumber(Math.abs(value) / divisor, m.locale, digits);
      // Zero is "$0" on an axis, never "$0K" or "$0.0M".
      if (Number(n.replace(/[^\d]/g, '')) === 0) return before ? `${symbol}0` : `0 ${symbol}`;
      const body = before ? `${symbol}${n}${suffix}` : `${n}${suffix} ${symbol}`;
      return value < 0 ? `−${body}` : body;
    },
    // Positive; negative; zero (Excel's third section).
    excel: before
      ? `"${quoted}"${excelNum};−"${quoted}"${excelNum};"${quoted}"0`
      : `${excelNum}" ${quoted}";−${excelNum}" ${quoted}";0" ${quoted}"`,
  };
}

// ---------- figures shared by several slides ----------

/** The key figures in the wording every view of a case uses (src/core/wording.ts). */
export function keyFigures(ctx: Ctx) {
  const s = ctx.result.summary;
  const h = ctx.result.assumptions.horizonMonths;
  const w = resultWords(ctx.money);
  const payback = w.payback(s.paybackMonth, h);
  const irr = w.irr(s);
  return {
    npv: w.money(s.npv),
    irr: irr.value,
    irrProse: irr.prose,
    payback: payback.value,
    paybackProse: payback.prose,
    roi: w.roi(s.roi),
    grossProfit: w.money(s.grossProfit),
    recurringShare: w.rate(s.recurringShare),
  };
}

/** Streams that are margin-and-rebate talk: shown as one "Resale margin" where the deck may not talk resale. */
export const RESALE_STREAMS: readonly StreamKind[] = ['resale', 'rebate', 'mdf'];

/** Streams the case earns money in (more than half a unit over the horizon). */
export const streamsWithMoney = (ctx: Ctx) =>
  ctx.result.streams.filter((k) => Math.abs(ctx.result.summary.revenueByStream[k]) > 0.5);

/** A revenue stream as a deck shows it: its label, its money by year and in total. */
export interface StreamView {
  label: string;
  kinds: StreamKind[];
  yearly: number[];
  total: number;
}

/**
 * The streams a deck shows, largest first. Where the deck may not talk resale, the reselling
 * part of a mix (resale margin, rebates, MDF) is one "Resale income" stream, after the others.
 */
/** The one line a non-reselling deck shows for a mix's resale, rebates and MDF together. */
export const RESALE_INCOME = 'Resale income';

export function streamViews(ctx: Ctx): StreamView[] {
  const r = ctx.result;
  const shown = streamsWithMoney(ctx);
  const view = (kinds: StreamKind[], label: string): StreamView => ({
    label,
    kinds,
    yearly: r.yearly.map((y) => kinds.reduce((a, k) => a + y.revenue[k], 0)),
    total: kinds.reduce((a, k) => a + r.summary.revenueByStream[k], 0),
  });
  const byTotal = (a: StreamView, b: StreamView) => b.total - a.total;
  if (ctx.reselling) return shown.map((k) => view([k], streamLabel(r, k))).sort(byTotal);
  const resale = shown.filter((k) => RESALE_STREAMS.includes(k));
  return [
    ...shown
      .filter((k) => !RESALE_STREAMS.includes(k))
      .map((k) => view([k], streamLabel(r, k)))
      .sort(byTotal),
    ...(resale.length ? [view(resale, RESALE_INCOME)] : []),
  ];
}

/** A card's heading and sentence. */
export interface CardLine {
  heading: string;
  body: string;
}

/** "three years", "18 months": the case's horizon in words. */
export const horizonYears = (ctx: Ctx) => horizonWords(ctx.result.assumptions.horizonMonths);
