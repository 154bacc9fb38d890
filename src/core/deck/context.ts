/**
 * What every slide builder reads: the deck's data, already sanitised, and the few helpers and
 * figures several slide kinds share.
 */
import { formatNumber, moneyParts, type Money } from '../format.ts';
import { resultWords } from '../wording.ts';
import type { CaseResult } from '../business-case/types.ts';
import type { PartnerType } from '../schema/partner-type.ts';
import type { Source } from '../schema/common.ts';
import type { Segment, Vertical } from '../schema/market.ts';
import type { Vendor } from '../schema/vendor.ts';
import type { SequenceSlide } from '../schema/template.ts';
import type { StoryMessages } from '../stories/messages.ts';
import type { DeckTheme, Hex, Slide } from './model.ts';
import { sanitizeLine } from './sanitize.ts';

/** Who the deck is for. Only `company` is required. */
export interface Prospect {
  company: string;
  /** Person the deck is prepared for, e.g. "Dana Levi, CEO". */
  contact?: string | undefined;
  region?: string | undefined;
}

export const hex = (c: string): Hex => c.replace('#', '').toUpperCase();

/** Put {vendor}, {prospect} and {type} into a template string. */
export const fill = (template: string, vars: Record<string, string>) =>
  template.replace(/\{(vendor|prospect|type)\}/g, (_, k: string) => vars[k] ?? '');

export const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
export const yesNo = (b: boolean) => (b ? 'Yes' : 'No');
export const plural = (n: number, one: string, many = `${one}s`) =>
  `${formatNumber(n, 'en-US', 0)} ${n === 1 ? one : many}`;

export interface Ctx {
  vendor: Vendor;
  types: PartnerType[];
  primary: PartnerType;
  mixLabel: string;
  vertical?: Vertical | undefined;
  segment?: Segment | undefined;
  result: CaseResult;
  prospect: Required<Pick<Prospect, 'company'>> & Prospect;
  money: Money;
  theme: DeckTheme;
  vars: Record<string, string>;
  typeName: (id: string) => string;
  sources: Source[];
  years: number;
  /** The story the `story` slide tells; without one the slide is left out. */
  story?: StoryMessages | undefined;
}

/** What a slide builder returns; the deck fits the title and adds the kind. */
export type BuiltSlide = Omit<Slide, 'kind' | 'titleSize'> & { titleSize?: number };

export type SlideBuilder = (ctx: Ctx, spec: SequenceSlide) => BuiltSlide;

export const titleOf = (ctx: Ctx, spec: SequenceSlide, fallback: string) =>
  sanitizeLine(fill(spec.title ?? fallback, ctx.vars), 300);

/** Currency symbol placement for an Excel number format: `"$"#,##0` or `#,##0" €"`. */
export function currencyFormat(m: Money, maxAbs: number): string {
  const parts = moneyParts(1, m);
  const symbol = (parts.find((p) => p.type === 'currency')?.value ?? m.currency).replace(/"/g, '');
  const before =
    parts.findIndex((p) => p.type === 'currency') < parts.findIndex((p) => p.type === 'integer');
  const num = maxAbs >= 2_000_000 ? '#,##0.0,,"M"' : maxAbs >= 20_000 ? '#,##0,"K"' : '#,##0';
  return before ? `"${symbol}"${num}` : `${num}" ${symbol}"`;
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
    recurringShare: w.percent(s.recurringShare),
  };
}

export const streamsWithMoney = (ctx: Ctx) =>
  ctx.result.streams.filter((k) => Math.abs(ctx.result.summary.revenueByStream[k]) > 0.5);
