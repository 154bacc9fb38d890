/**
 * Builds the deck model from the data, the templates, a business case and a prospect.
 * Pure: the same inputs give the same deck in Node and in the browser.
 */
import { partnerTypeById, type Dataset } from '../dataset.ts';
import {
  formatMoney,
  formatMoneyCompact,
  moneyParts,
  formatNumber,
  formatPercent,
  formatPercentRange,
  type Money,
} from '../format.ts';
import { article } from '../business-case/summary-sentence.ts';
import { STREAM_LABELS, COST_LABELS, COST_ITEMS, type CaseResult } from '../business-case/types.ts';
import type { PartnerType } from '../schema/partner-type.ts';
import type { Source } from '../schema/common.ts';
import type { Segment, Vertical } from '../schema/market.ts';
import type { Vendor } from '../schema/vendor.ts';
import type { Sequence, SequenceSlide, SlideKind, TierBenefitKey } from '../schema/template.ts';
import { fitParagraphs, fitTable, fitText } from './fit-text.ts';
import type {
  Block,
  Box,
  ChartBlock,
  Deck,
  DeckTheme,
  FigureBlock,
  Hex,
  Slide,
  TableBlock,
  TextBlock,
} from './model.ts';
import { SLIDE_H, SLIDE_W } from './model.ts';
import { storyMessagesFor, type StoryEntryLike, type StoryMessages } from '../stories/messages.ts';
import type { Audience } from '../schema/content.ts';
import { isRtl, sanitizeDeep, sanitizeLine, sanitizeText, xmlInert } from './sanitize.ts';
import { sequenceFor, type DeckTemplates } from './templates.ts';

/** Who the deck is for. Only `company` is required. */
export interface Prospect {
  company: string;
  /** Person the deck is prepared for, e.g. "Dana Levi, CEO". */
  contact?: string | undefined;
  region?: string | undefined;
}

export interface DeckInput {
  dataset: Dataset;
  templates: DeckTemplates;
  /** The business case the deck presents, from `runCase(dataset, request)`. */
  result: CaseResult;
  prospect: Prospect;
  /** Names of partner types not in `dataset.partnerTypes` (the browser passes a slimmed dataset). */
  typeNames?: Record<string, string> | undefined;
  /** Recruiting stories (content/stories): the `story` slide carries the best one's key messages; drafts are skipped. */
  stories?: readonly StoryEntryLike[] | undefined;
  /** Who the deck is for: picks the story written for this person (else the type's best story for anyone). */
  audience?: Audience | undefined;
}

export class DeckInputError extends Error {
  override name = 'DeckInputError';
}

const MARGIN = 0.5;
const TITLE_Y = 0.3;
const TITLE_H = 0.9;
const BODY_Y = 1.35;
const BODY_BOTTOM = 6.85;
const BODY_W = SLIDE_W - 2 * MARGIN;
const BODY_H = BODY_BOTTOM - BODY_Y;
const FOOTER_Y = 7.0;

const hex = (c: string): Hex => c.replace('#', '').toUpperCase();

/** Put {vendor}, {prospect} and {type} into a template string. */
const fill = (template: string, vars: Record<string, string>) =>
  template.replace(/\{(vendor|prospect|type)\}/g, (_, k: string) => vars[k] ?? '');

const slug = (s: string) =>
  s
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40) || 'prospect';

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const yesNo = (b: boolean) => (b ? 'Yes' : 'No');
const plural = (n: number, one: string, many = `${one}s`) =>
  `${formatNumber(n, 'en-US', 0)} ${n === 1 ? one : many}`;

interface Ctx {
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

/** Currency symbol placement for an Excel number format: `"$"#,##0` or `#,##0" €"`. */
function currencyFormat(m: Money, maxAbs: number): string {
  const parts = moneyParts(1, m);
  const symbol = (parts.find((p) => p.type === 'currency')?.value ?? m.currency).replace(/"/g, '');
  const before =
    parts.findIndex((p) => p.type === 'currency') < parts.findIndex((p) => p.type === 'integer');
  const num = maxAbs >= 2_000_000 ? '#,##0.0,,"M"' : maxAbs >= 20_000 ? '#,##0,"K"' : '#,##0';
  return before ? `"${symbol}"${num}` : `${num}" ${symbol}"`;
}

// ---------- block helpers: every text is fitted here, so the renderer never guesses ----------

function text(
  ctx: Ctx,
  paragraphs: string[],
  box: Box,
  o: {
    max: number;
    min: number;
    bold?: boolean;
    bullets?: TextBlock['bullets'];
    color?: Hex;
    font?: 'heading' | 'body';
    align?: TextBlock['align'];
    valign?: TextBlock['valign'];
    maxLines?: number;
    fill?: Hex;
  },
): TextBlock {
  // Bulleted paragraphs lose about 0.3 in to the bullet indent.
  const fitted = fitParagraphs(
    paragraphs.flatMap((p) => p.split('\n')),
    box.w - (o.bullets ? 0.35 : 0),
    box.h,
    {
      maxSize: o.max,
      minSize: o.min,
      bold: o.bold ?? false,
      ...(o.maxLines ? { maxLines: o.maxLines } : {}),
    },
  );
  const block: TextBlock = {
    type: 'text',
    box,
    paragraphs: fitted.paragraphs,
    fontSize: fitted.fontSize,
    font: o.font ?? 'body',
    color: o.color ?? ctx.theme.colours.text,
    valign: o.valign ?? 'top',
  };
  if (o.bold) block.bold = true;
  if (o.bullets) block.bullets = o.bullets;
  if (o.align) block.align = o.align;
  if (o.fill) block.fill = o.fill;
  if (isRtl(fitted.paragraphs.join(' '))) block.rtl = true;
  return block;
}

function table(
  ctx: Ctx,
  header: string[],
  rows: string[][],
  box: Box,
  fractions: number[],
  o: { max?: number; min?: number } = {},
): TableBlock {
  const total = fractions.reduce((a, b) => a + b, 0);
  const colW = fractions.map((f) => (box.w * f) / total);
  const fitted = fitTable(header, rows, colW, box.h, { maxSize: o.max ?? 14, minSize: o.min ?? 9 });
  const c = ctx.theme.colours;
  const outRows = fitted.droppedRows
    ? [
        ...fitted.rows,
        [`+ ${fitted.droppedRows} more in the playbook`, ...header.slice(1).map(() => '')],
      ]
    : fitted.rows;
  const rowHeights = fitted.droppedRows
    ? [...fitted.rowHeights.slice(0, -1), fitted.rowHeights.at(-1)!, fitted.rowHeights.at(-1)!]
    : fitted.rowHeights;
  return {
    type: 'table',
    box: {
      ...box,
      h: Math.min(
        box.h,
        rowHeights.reduce((a, b) => a + b, 0),
      ),
    },
    header: fitted.header,
    rows: outRows,
    colW,
    rowHeights,
    fontSize: fitted.fontSize,
    headerFill: c.primary,
    headerColor: 'FFFFFF',
    color: c.text,
    border: c.muted,
  };
}

function figures(
  ctx: Ctx,
  items: { label: string; value: string }[],
  box: Box,
  perRow = items.length,
): FigureBlock[] {
  const gap = 0.2;
  const rows = Math.ceil(items.length / perRow);
  const w = (box.w - gap * (perRow - 1)) / perRow;
  const h = (box.h - gap * (rows - 1)) / rows;
  return items.map((item, i) => {
    const b = {
      x: box.x + (i % perRow) * (w + gap),
      y: box.y + Math.floor(i / perRow) * (h + gap),
      w,
      h,
    };
    const value = fitText(item.value, w, h * 0.58, {
      maxSize: 28,
      minSize: 12,
      bold: true,
      maxLines: 1,
    });
    const label = fitText(item.label, w, h * 0.42, { maxSize: 13, minSize: 8, maxLines: 2 });
    return {
      type: 'figure',
      box: b,
      value: value.paragraphs.join(' '),
      valueSize: value.fontSize,
      label: label.paragraphs.join(' '),
      labelSize: label.fontSize,
      color: ctx.theme.colours.primary,
      fill: 'F3F5F8',
    };
  });
}

// ---------- figures shared by several slides ----------

function keyFigures(ctx: Ctx) {
  const s = ctx.result.summary;
  const h = ctx.result.assumptions.horizonMonths;
  return {
    npv: formatMoney(s.npv, ctx.money),
    irr: s.irrAnnual === null ? 'n/a' : formatPercent(s.irrAnnual, ctx.money.locale),
    // Short enough for a key-figure tile at its smallest size, so it is never shortened.
    payback:
      s.paybackMonth === null
        ? `After month ${h}`
        : s.paybackMonth === 0
          ? 'From month 0'
          : `Month ${s.paybackMonth}`,
    roi: s.roi === null ? 'n/a' : formatPercent(s.roi, ctx.money.locale),
    grossProfit: formatMoney(s.grossProfit, ctx.money),
    recurringShare:
      s.recurringShare === null ? 'n/a' : formatPercent(s.recurringShare, ctx.money.locale),
  };
}

const streamsWithMoney = (ctx: Ctx) =>
  ctx.result.streams.filter((k) => Math.abs(ctx.result.summary.revenueByStream[k]) > 0.5);

const REQUIREMENT_TEXT: Record<string, (ctx: Ctx, v: number) => string> = {
  annualRevenue: (ctx, v) => `${formatMoney(v, ctx.money)} of sales a year`,
  certifiedStaff: (_, v) => plural(v, 'certified person', 'certified people'),
  referralsOrInfluencedDeals: (_, v) => plural(v, 'deal') + ' a year',
  publishedContent: (_, v) => plural(v, 'published case study', 'published case studies'),
};

/** One sentence on what the tiers are worth, or what the next tier still needs. */
function tierSummary(ctx: Ctx): string {
  const r = ctx.result;
  const entry = r.tiers[0]?.name ?? 'the entry tier';
  const reached = r.tiers.slice(1).filter((t) => t.reachedMonth !== null);
  if (reached.length && r.benefitValue.total > 0) {
    return `Moving up the tiers is worth ${formatMoney(r.benefitValue.total, ctx.money)} over ${ctx.years} years against staying at ${entry}, after program fees. Tiers ask for certified people, satisfied customers and published work, not revenue alone.`;
  }
  const next = r.tiers.find((t) => t.reachedMonth === null);
  if (!next)
    return `Tiers ask for certified people, satisfied customers and published work, not revenue alone.`;
  const needs = next.unmet.map((k) => REQUIREMENT_TEXT[k]?.(ctx, next.requirements[k]) ?? k);
  return `With these numbers ${ctx.prospect.company} holds ${reached.at(-1)?.name ?? entry} for the ${ctx.years} years; ${next.name} needs ${needs.length ? needs.join(', ') : 'more volume'}. Tiers ask for certified people, satisfied customers and published work, not revenue alone.`;
}

// ---------- slides ----------

type Build = (
  ctx: Ctx,
  spec: SequenceSlide,
) => Omit<Slide, 'kind' | 'titleSize'> & { titleSize?: number };

const titleOf = (ctx: Ctx, spec: SequenceSlide, fallback: string) =>
  sanitizeLine(fill(spec.title ?? fallback, ctx.vars), 300);

const SLIDES: Record<SlideKind, Build> = {
  title(ctx, spec) {
    const t = ctx.theme;
    const logoH = t.logo.box.h * 1.6;
    const logoW = (t.logo.box.w / t.logo.box.h) * logoH;
    const blocks: Block[] = [
      {
        type: 'image',
        box: { x: MARGIN + 0.1, y: 0.6, w: logoW, h: logoH },
        data: t.logo.data,
        alt: t.logo.alt,
      },
      text(
        ctx,
        [ctx.vendor.name, `× ${ctx.prospect.company}`],
        { x: MARGIN, y: 2.0, w: BODY_W, h: 2.3 },
        { max: 40, min: 18, bold: true, font: 'heading', color: t.colours.primary },
      ),
      text(
        ctx,
        [
          `${capitalize(article(ctx.mixLabel))} ${ctx.mixLabel} partnership${ctx.vertical ? ` in ${ctx.vertical.name.toLowerCase()}` : ''}${ctx.segment ? ` for ${ctx.segment.name.toLowerCase()} customers` : ''}`,
        ],
        { x: MARGIN, y: 4.4, w: BODY_W, h: 0.8 },
        { max: 22, min: 12, color: t.colours.secondary },
      ),
      text(
        ctx,
        [ctx.result.sentence],
        { x: MARGIN, y: 5.25, w: BODY_W, h: 1.0 },
        { max: 16, min: 10 },
      ),
    ];
    const prepared = [
      ctx.prospect.contact
        ? `Prepared for ${ctx.prospect.contact}, ${ctx.prospect.company}`
        : `Prepared for ${ctx.prospect.company}`,
      ctx.prospect.region,
    ]
      .filter(Boolean)
      .join(' · ');
    blocks.push(
      text(
        ctx,
        [prepared],
        { x: MARGIN, y: 6.3, w: BODY_W, h: 0.5 },
        { max: 14, min: 9, color: t.colours.muted, maxLines: 1 },
      ),
    );
    return {
      title: titleOf(ctx, spec, '{vendor} × {prospect}'),
      blocks,
      notes: `Open with why you are here: ${ctx.vendor.name} wants ${ctx.prospect.company} as ${article(ctx.mixLabel)} ${ctx.mixLabel} partner, and this deck is built on ${ctx.prospect.company}'s economics, not a generic program pitch. ${ctx.primary.summary} Ask who else should see the business case (${ctx.primary.decisionMakers.map((d) => d.role).join(', ')}).`,
    };
  },

  earnings(ctx, spec) {
    const s = ctx.result.summary;
    const streams = streamsWithMoney(ctx);
    const items = [
      ...streams.slice(0, 3).map((k) => ({
        label: `${STREAM_LABELS[k]} over ${ctx.years} years`,
        value: formatMoney(s.revenueByStream[k], ctx.money),
      })),
      {
        label: `Gross profit over ${ctx.years} years`,
        value: formatMoney(s.grossProfit, ctx.money),
      },
      {
        label: 'Year 1 gross profit',
        value: formatMoney(ctx.result.yearly[0]?.grossProfit ?? 0, ctx.money),
      },
    ];
    const a = ctx.result.assumptions;
    const entry = ctx.result.tiers[0];
    const lines: string[] = [];
    if (ctx.result.streams.includes('referral') && entry)
      lines.push(
        `Referral fees: ${formatPercent(entry.benefits.referralFee)} of a referred customer's first-year value${entry.benefits.referralFeeCap ? `, up to ${formatMoney(entry.benefits.referralFeeCap, ctx.money)} a referral` : ''}, paid ${plural(a.referralLagMonths, 'month')} after the sale.`,
      );
    if (ctx.result.streams.includes('services'))
      lines.push(
        `Your own services: about ${formatMoney(a.servicesAttachRatio * a.dealValue, ctx.money)} of project work per customer, priced and delivered by you.`,
      );
    if (ctx.result.streams.includes('training'))
      lines.push(
        `Training: ${formatMoney(a.trainingRevenuePerCustomer, ctx.money)} of courses per new customer.`,
      );
    if (ctx.result.streams.includes('ip'))
      lines.push(
        `Your own IP: ${formatMoney(a.ipRevenuePerCustomerAnnual, ctx.money)} a customer a year alongside ${ctx.vendor.name}.`,
      );
    lines.push(
      `No stock, no credit risk and no price list to defend: you are paid for advice, delivery and trust, not for moving product.`,
    );
    return {
      title: titleOf(ctx, spec, 'What you earn with {vendor}'),
      blocks: [
        ...figures(ctx, items, { x: MARGIN, y: BODY_Y + 0.1, w: BODY_W, h: 1.5 }),
        text(
          ctx,
          lines,
          { x: MARGIN, y: BODY_Y + 1.9, w: BODY_W, h: BODY_H - 1.9 },
          { max: 20, min: 11, bullets: true },
        ),
      ],
      notes: `Lead with their money, in their terms. ${ctx.result.sentence} Over ${ctx.years} years the practice earns ${formatMoney(s.grossProfit, ctx.money)} of gross profit, ${formatMoney(ctx.result.yearly[0]?.grossProfit ?? 0, ctx.money)} in year 1. Keep to fees, billable work and client outcomes; what puts them off: ${ctx.primary.alienatedBy[0] ?? 'margin talk'}`,
    };
  },

  'clients-and-reputation'(ctx, spec) {
    const values = ctx.primary.values.slice(0, 6);
    return {
      title: titleOf(ctx, spec, 'How we look after your clients and your reputation'),
      blocks: [
        text(
          ctx,
          ['What firms like yours told us matters, and what we build the partnership around:'],
          { x: MARGIN, y: BODY_Y, w: BODY_W, h: 0.55 },
          { max: 18, min: 11, color: ctx.theme.colours.secondary, maxLines: 1 },
        ),
        text(
          ctx,
          values,
          { x: MARGIN, y: BODY_Y + 0.65, w: BODY_W, h: BODY_H - 0.65 },
          { max: 20, min: 11, bullets: true },
        ),
      ],
      notes: `Their reputation with their clients is their business. Walk through the commitments and ask which matters most. Steer clear of what puts ${ctx.primary.name.toLowerCase()}s off: ${ctx.primary.alienatedBy.join(' ')}`,
    };
  },

  'revenue-mix'(ctx, spec) {
    const multi = ctx.types.length > 1;
    const rows = ctx.types.flatMap((t) =>
      t.revenueStreams.map((r) => [
        ...(multi ? [t.name] : []),
        r.name,
        formatPercent(r.share.value),
        formatPercentRange(r.grossMargin.min, r.grossMargin.max),
      ]),
    );
    const header = [
      ...(multi ? ['Partner type'] : []),
      'Revenue stream',
      'Share of revenue',
      'Gross margin',
    ];
    return {
      title: titleOf(ctx, spec, 'How you make money today'),
      blocks: [
        text(
          ctx,
          [ctx.types.map((t) => t.summary).join(' ')],
          { x: MARGIN, y: BODY_Y, w: BODY_W, h: 1.0 },
          { max: 18, min: 10 },
        ),
        table(
          ctx,
          header,
          rows,
          { x: MARGIN, y: BODY_Y + 1.15, w: BODY_W, h: BODY_H - 1.15 },
          multi ? [2.5, 4.5, 2, 2] : [6, 2.5, 2.5],
        ),
      ],
      notes: `Check this against ${ctx.prospect.company}'s own mix: ask what share of revenue each line is and where the margin is. Typical figures for a ${ctx.primary.name.toLowerCase()}, each cited in the sources: ${ctx.primary.revenueStreams.map((r) => `${r.name} ${formatPercent(r.share.value)} of revenue at ${formatPercentRange(r.grossMargin.min, r.grossMargin.max)} gross margin`).join('; ')}.`,
    };
  },

  opportunity(ctx, spec) {
    const cite = (id: string | undefined) => {
      const i = ctx.sources.findIndex((s) => s.id === id);
      return i >= 0 ? ` [${i + 1}]` : '';
    };
    const facts = ctx.vendor.opportunity.map((f) => `${f.statement}${cite(f.source)}`);
    const local = [...(ctx.vertical?.talkingPoints ?? []), ...(ctx.segment?.talkingPoints ?? [])];
    const product = ctx.vendor.products.find((p) => p.id === ctx.result.lanes[0]?.product);
    const blocks: Block[] = [
      text(
        ctx,
        facts,
        { x: MARGIN, y: BODY_Y, w: local.length || product ? BODY_W * 0.58 : BODY_W, h: BODY_H },
        { max: 20, min: 10, bullets: true },
      ),
    ];
    const side = [...(product ? [`${product.name}: ${product.description}`] : []), ...local];
    if (side.length)
      blocks.push(
        text(
          ctx,
          side,
          { x: MARGIN + BODY_W * 0.62, y: BODY_Y, w: BODY_W * 0.38, h: BODY_H },
          { max: 18, min: 9, bullets: true, color: ctx.theme.colours.secondary },
        ),
      );
    return {
      title: titleOf(ctx, spec, 'The opportunity'),
      blocks,
      notes: `Every figure here is cited; the numbers in brackets point at the sources slide. ${ctx.vertical ? `In ${ctx.vertical.name}: ${ctx.vertical.talkingPoints.join(' ')} ` : ''}${ctx.segment ? `For ${ctx.segment.name}: ${ctx.segment.talkingPoints.join(' ')} ` : ''}Ask which of their customers face this today.`,
    };
  },

  'business-case'(ctx, spec) {
    const r = ctx.result;
    const c = ctx.theme.colours;
    const streams = streamsWithMoney(ctx);
    const shown = streams.length ? streams : r.streams.slice(0, 1);
    const years = r.yearly.map((y) => `Year ${y.year}`);
    const revenueSeries = shown.map((k) => ({
      name: STREAM_LABELS[k],
      values: r.yearly.map((y) => Math.round(y.revenue[k])),
    }));
    const maxRevenue = Math.max(1, ...r.yearly.map((y) => Math.abs(y.revenueTotal)));
    const revenue: ChartBlock = {
      type: 'chart',
      box: { x: MARGIN, y: BODY_Y, w: BODY_W / 2 - 0.15, h: 3.75 },
      kind: 'bar',
      // A stacked bar with one series makes PowerPoint repair the file (pptxgenjs #1357): stack only two or more.
      stacked: revenueSeries.length > 1,
      title: 'Revenue by stream, per year',
      categories: years,
      series: revenueSeries,
      colors: c.chart.slice(0, Math.max(1, revenueSeries.length)),
      valueFormat: currencyFormat(ctx.money, maxRevenue),
      showLegend: revenueSeries.length > 1,
    };
    const cumulative = r.monthly.map((m) => Math.round(m.cumulative));
    const maxCum = Math.max(1, ...cumulative.map(Math.abs));
    const cash: ChartBlock = {
      type: 'chart',
      box: { x: MARGIN + BODY_W / 2 + 0.15, y: BODY_Y, w: BODY_W / 2 - 0.15, h: 3.75 },
      kind: 'line',
      stacked: false,
      title:
        r.summary.paybackMonth === null
          ? 'Cumulative cash'
          : `Cumulative cash: payback in month ${r.summary.paybackMonth}`,
      categories: r.monthly.map((m) => `M${m.month}`),
      series: [{ name: 'Cumulative net cash', values: cumulative }],
      colors: [c.chart[1] ?? c.secondary],
      valueFormat: currencyFormat(ctx.money, maxCum),
      showLegend: false,
      labelEvery: r.monthly.length > 25 ? 6 : 3,
    };
    const f = keyFigures(ctx);
    const tiles = figures(
      ctx,
      [
        {
          label: `Net present value (${formatPercent(r.assumptions.discountRateAnnual)} a year)`,
          value: f.npv,
        },
        { label: 'Payback', value: f.payback },
        { label: 'Internal rate of return', value: f.irr },
        { label: `Return on investment, ${ctx.years} years`, value: f.roi },
        { label: `Gross profit, ${ctx.years} years`, value: f.grossProfit },
        { label: 'Recurring share of gross profit', value: f.recurringShare },
      ],
      { x: MARGIN, y: BODY_Y + 3.95, w: BODY_W, h: 1.5 },
    );
    const assumptions = r.assumptions;
    const scen = r.scenarios
      .map((sc) => `${sc.label} ${formatMoney(sc.summary.npv, ctx.money)}`)
      .join(', ');
    return {
      title: titleOf(ctx, spec, 'Your business case'),
      blocks: [revenue, cash, ...tiles],
      notes: `${r.sentence} The case assumes ${formatNumber(assumptions.newCustomersPerMonth)} new customers a month at steady state, a first-year deal of ${formatMoney(assumptions.dealValue, ctx.money)}, the first deal in month ${assumptions.monthsToFirstDeal} and ${formatPercent(assumptions.renewalRate)} renewals. NPV ${f.npv}, payback ${f.payback.toLowerCase()}, IRR ${f.irr}, ROI ${f.roi}. Scenarios (NPV): ${scen}. The charts are native and editable: change the numbers with ${ctx.prospect.company} in the room.${r.notes.length ? ` Notes: ${r.notes.join(' ')}` : ''}`,
    };
  },

  story(ctx, spec) {
    const story = ctx.story!;
    return {
      title: titleOf(ctx, spec, story.title),
      blocks: [
        text(
          ctx,
          story.keyMessages,
          { x: MARGIN, y: BODY_Y, w: BODY_W, h: BODY_H },
          { max: 24, min: 11, bullets: true },
        ),
      ],
      notes: `${story.summary} From the story '${story.title}' (content/stories/${story.id}.mdx).`,
    };
  },

  'decision-makers'(ctx, spec) {
    const rows = ctx.primary.decisionMakers.map((d) => [
      d.role,
      d.caresAbout.join('; '),
      d.needsToSee.join('; '),
    ]);
    return {
      title: titleOf(ctx, spec, 'What each of your decision makers gets'),
      blocks: [
        table(
          ctx,
          ['Who', 'Cares about', 'What we will show them'],
          rows,
          { x: MARGIN, y: BODY_Y, w: BODY_W, h: BODY_H },
          [2.2, 4.5, 4.5],
        ),
      ],
      notes: `Name the people at ${ctx.prospect.company} for each role and agree who sees what. ${ctx.primary.decisionMakers.map((d) => `${d.role}: show ${d.needsToSee.join(', ').toLowerCase()}.`).join(' ')}`,
    };
  },

  tiers(ctx, spec) {
    const benefits: TierBenefitKey[] =
      spec.benefits ??
      (ctx.primary.transacts
        ? ['discount', 'rebate', 'mdfRate', 'coSell', 'programFeeAnnual']
        : ['referralFee', 'coSell', 'nfrLicences', 'trainingVouchers', 'programFeeAnnual']);
    const label: Record<TierBenefitKey, string> = {
      discount: 'Discount',
      rebate: 'Rebate',
      mdfRate: 'MDF',
      referralFee: 'Referral fee',
      coSell: 'Co-sell',
      nfrLicences: 'NFR licences',
      trainingVouchers: 'Exam vouchers',
      privateOffers: 'Marketplace offers',
      programFeeAnnual: 'Program fee a year',
    };
    const h = ctx.result.assumptions.horizonMonths;
    const rows = ctx.result.tiers.map((step) => {
      const tier = ctx.vendor.tiers.find((t) => t.id === step.id);
      const b = step.benefits;
      const cell: Record<TierBenefitKey, string> = {
        discount: formatPercent(b.discount),
        rebate: formatPercent(b.rebate),
        mdfRate: formatPercent(b.mdfRate),
        referralFee: `${formatPercent(b.referralFee)}${b.referralFeeCap ? ` (cap ${formatMoneyCompact(b.referralFeeCap, ctx.money)})` : ''}`,
        coSell: yesNo(tier?.benefits.coSell ?? false),
        nfrLicences: String(tier?.benefits.nfrLicences ?? 0),
        trainingVouchers: String(tier?.benefits.trainingVouchers ?? 0),
        privateOffers: yesNo(b.privateOffers),
        programFeeAnnual: b.programFeeAnnual ? formatMoney(b.programFeeAnnual, ctx.money) : 'None',
      };
      const value = ctx.result.benefitValue.byTier.find((v) => v.tier === step.id);
      return [
        step.name,
        step.reachedMonth === null
          ? `Not within ${h} months`
          : step.reachedMonth === 0
            ? 'From day one'
            : `Month ${step.reachedMonth}`,
        ...benefits.map((k) => cell[k]),
        value ? formatMoney(value.net, ctx.money) : '—',
      ];
    });
    const header = [
      'Tier',
      'Reached',
      ...benefits.map((k) => label[k]),
      `Worth to you over ${ctx.years} years`,
    ];
    return {
      title: titleOf(ctx, spec, 'What you get, tier by tier'),
      blocks: [
        table(ctx, header, rows, { x: MARGIN, y: BODY_Y, w: BODY_W, h: BODY_H - 0.9 }, [
          1.6,
          1.6,
          ...benefits.map(() => 1.3),
          2,
        ]),
        text(
          ctx,
          [tierSummary(ctx)],
          { x: MARGIN, y: BODY_BOTTOM - 0.8, w: BODY_W, h: 0.8 },
          { max: 15, min: 9, color: ctx.theme.colours.muted },
        ),
      ],
      notes: `Value every tier in ${ctx.prospect.company}'s money: the last column is the extra gross profit the tier brings, less its fee, in this case. ${ctx.result.tiers.map((t) => `${t.name}: ${t.reachedMonth === null ? 'not reached in the horizon' : `reached in month ${t.reachedMonth}`}${t.unmet.length ? ` (still short on ${t.unmet.join(', ')})` : ''}.`).join(' ')}`,
    };
  },

  investment(ctx, spec) {
    const s = ctx.result.summary;
    const a = ctx.result.assumptions;
    const rows = COST_ITEMS.filter((k) => s.costsByItem[k] > 0.5).map((k) => [
      COST_LABELS[k],
      formatMoney(s.costsByItem[k], ctx.money),
    ]);
    rows.push([`Total over ${ctx.years} years`, formatMoney(s.totalCosts, ctx.money)]);
    const reached = ctx.result.tiers.filter((t) => t.reachedMonth !== null && t.reachedMonth > 0);
    const steps = [
      `Certify ${plural(a.certifications, 'person', 'people')}: ${formatMoney(a.certificationFee, ctx.money)} and about ${formatNumber(a.certificationHours, 'en-US', 0)} hours each.`,
      ...(a.hires
        ? [
            `Hire ${plural(a.hires, 'person', 'people')}, productive after ${plural(a.hireRampMonths, 'month')}.`,
          ]
        : ['No new hires: the practice starts with the people you have.']),
      `First deal in month ${a.monthsToFirstDeal}; ${formatNumber(a.newCustomersPerMonth)} new customer${a.newCustomersPerMonth === 1 ? '' : 's'} a month by month ${a.monthsToFirstDeal + a.monthsToSteadyState}.`,
      ...reached.map((t) => `${t.name} tier in month ${t.reachedMonth}.`),
    ];
    return {
      title: titleOf(ctx, spec, 'What it takes'),
      blocks: [
        table(
          ctx,
          ['Investment', 'Amount'],
          rows,
          { x: MARGIN, y: BODY_Y, w: BODY_W * 0.45, h: BODY_H },
          [3, 2],
        ),
        text(
          ctx,
          ['Ramp timeline'],
          { x: MARGIN + BODY_W * 0.5, y: BODY_Y, w: BODY_W * 0.5, h: 0.5 },
          { max: 18, min: 12, bold: true, color: ctx.theme.colours.secondary, maxLines: 1 },
        ),
        text(
          ctx,
          steps,
          { x: MARGIN + BODY_W * 0.5, y: BODY_Y + 0.6, w: BODY_W * 0.5, h: BODY_H - 0.6 },
          { max: 18, min: 10, bullets: true },
        ),
      ],
      notes: `Be straight about the cost: ${formatMoney(s.totalCosts, ctx.money)} over ${ctx.years} years, most of it ${COST_ITEMS.slice()
        .sort((x, y) => s.costsByItem[y] - s.costsByItem[x])
        .slice(0, 2)
        .map((k) => COST_LABELS[k].toLowerCase())
        .join(
          ' and ',
        )}. Ask who would get certified first and whether the ramp matches their sales cycle.`,
    };
  },

  collaboration(ctx, spec) {
    const items = ctx.types.flatMap((t) =>
      t.collaboratesWith.map((c) => `${ctx.typeName(c.with)}: ${c.how}`),
    );
    return {
      title: titleOf(ctx, spec, 'Who you will work with'),
      blocks: [
        text(
          ctx,
          items.length ? items : [`${ctx.vendor.name}'s partner team and account managers.`],
          { x: MARGIN, y: BODY_Y, w: BODY_W, h: BODY_H },
          { max: 20, min: 10, bullets: true },
        ),
      ],
      notes: `Partners win more together: show where ${ctx.prospect.company} fits in a deal and who brings or delivers the rest. Offer introductions to partners of these types in their region${ctx.prospect.region ? ` (${ctx.prospect.region})` : ''}.`,
    };
  },

  objections(ctx, spec) {
    const all = ctx.types.flatMap((t) => t.objections);
    const rows = all.map((o) => [`“${o.objection}”`, o.response]);
    return {
      title: titleOf(ctx, spec, 'Your questions, answered'),
      blocks: [
        table(
          ctx,
          ['You may ask', 'Our answer'],
          rows,
          { x: MARGIN, y: BODY_Y, w: BODY_W, h: BODY_H },
          [4, 7],
          { max: 14, min: 9 },
        ),
      ],
      notes: `Let them raise these first, then answer in their economics. ${all.map((o) => `If they say “${o.objection}”: ${o.response}`).join(' ')}`,
    };
  },

  'next-steps'(ctx, spec) {
    return {
      title: titleOf(ctx, spec, 'Next steps'),
      blocks: [
        text(
          ctx,
          ctx.vendor.nextSteps,
          { x: MARGIN, y: BODY_Y, w: BODY_W, h: BODY_H - 0.8 },
          { max: 22, min: 11, bullets: 'numbered' },
        ),
        text(
          ctx,
          [`${ctx.vendor.name} · ${ctx.vendor.website}`],
          { x: MARGIN, y: BODY_BOTTOM - 0.6, w: BODY_W, h: 0.6 },
          { max: 14, min: 9, color: ctx.theme.colours.muted, maxLines: 1 },
        ),
      ],
      notes: `Agree the first step and a date before you leave. Offer to rerun the business case with ${ctx.prospect.company}'s own numbers, in the calculator or with \`npx partnerkit deck\`.`,
    };
  },

  sources(ctx, spec) {
    const items = ctx.sources.map((s, i) => `[${i + 1}] ${s.title}: ${s.url}`);
    return {
      title: titleOf(ctx, spec, 'Sources'),
      blocks: [
        text(
          ctx,
          items.length
            ? items
            : ["Figures are the vendor's own or marked as assumptions in the playbook."],
          { x: MARGIN, y: BODY_Y, w: BODY_W, h: BODY_H - 0.6 },
          { max: 14, min: 8 },
        ),
        text(
          ctx,
          ['Figures without a source are assumptions: adjust them with the prospect.'],
          { x: MARGIN, y: BODY_BOTTOM - 0.5, w: BODY_W, h: 0.5 },
          { max: 12, min: 8, color: ctx.theme.colours.muted, maxLines: 1 },
        ),
      ],
      notes: `Every market figure and revenue share in this deck comes from these sources or is marked as an assumption in the ${ctx.primary.name} playbook. Offer to send the links.`,
    };
  },
};

function theme(templates: DeckTemplates, vars: Record<string, string>): DeckTheme {
  const t = templates.theme;
  const logoH = t.logo.height;
  const logoW = (templates.logo.widthPx / templates.logo.heightPx) * logoH;
  const footerText = sanitizeLine(fill(t.footer, vars), 400);
  const footer = fitText(footerText, SLIDE_W - 2 * MARGIN - 1.2, 0.35, {
    maxSize: 10,
    minSize: 7,
    maxLines: 1,
  });
  return {
    colours: {
      primary: hex(t.colours.primary),
      secondary: hex(t.colours.secondary),
      accent: hex(t.colours.accent),
      text: hex(t.colours.text),
      muted: hex(t.colours.muted),
      background: hex(t.colours.background),
      chart: t.colours.chart.map(hex),
    },
    fonts: t.fonts,
    logo: {
      data: templates.logo.dataUrl,
      box: { x: SLIDE_W - MARGIN - logoW, y: TITLE_Y + (TITLE_H - logoH) / 2, w: logoW, h: logoH },
      alt: sanitizeLine(t.logo.alt, 200),
    },
    footer: footer.paragraphs.join(' '),
    footerSize: footer.fontSize,
  };
}

/** The sources a deck cites: the types', the vendor's, and the chosen vertical's and segment's. */
function citedSources(
  vendor: Dataset['vendor'],
  types: PartnerType[],
  verticalSources: readonly Source[],
  segmentSources: readonly Source[],
): Source[] {
  const out: Source[] = [];
  const add = (s: Source) => {
    if (!out.some((o) => o.url === s.url)) out.push(s);
  };
  vendor.sources.filter((s) => vendor.opportunity.some((f) => f.source === s.id)).forEach(add);
  types.forEach((t) => t.sources.forEach(add));
  verticalSources.forEach(add);
  segmentSources.forEach(add);
  return out;
}

/** The slides of a sequence a deck shows: a `story` slide with no published story is left out, never shown empty. */
export const shownSlides = (sequence: Sequence, hasStory: boolean) =>
  sequence.slides.filter((spec) => spec.kind !== 'story' || hasStory);

/**
 * A partner type's ready deck (its own defaults, no audience, no vertical) in outline: its
 * sequence and the slides it shows, without running the case or drawing a slide.
 */
export function readyDeckOutline(
  templates: DeckTemplates,
  type: PartnerType,
  stories: readonly StoryEntryLike[] | undefined,
) {
  const sequence = sequenceFor(templates.sequences, type);
  if (!sequence) return undefined;
  return {
    sequence,
    slides: shownSlides(
      sequence,
      stories !== undefined && storyMessagesFor(stories, type.id, undefined, {}) !== undefined,
    ),
  };
}

/** The deck for one prospect: slides in the order of the sequence that applies to the mix's main type. */
export function buildDeck(input: DeckInput): Deck {
  const { result } = input;
  // Sanitise at the edge: every string the model reads is clean from here on. Only the parts a
  // deck reads are cleaned (vendor, the mix's types, the chosen vertical and segment), so one
  // deck costs the same whether the kit has ten partner types or thousands.
  const raw = input.dataset;
  const vendor = sanitizeDeep(raw.vendor);
  const templates: DeckTemplates = {
    ...input.templates,
    theme: sanitizeDeep(input.templates.theme),
    sequences: sanitizeDeep(input.templates.sequences),
  };
  const company = sanitizeLine(input.prospect.company, 2000);
  if (!company)
    throw new DeckInputError(
      'a prospect name is needed (it is empty once control characters are removed)',
    );
  const prospect = {
    company,
    contact: sanitizeLine(input.prospect.contact, 500) || undefined,
    region: sanitizeLine(input.prospect.region, 500) || undefined,
  };
  const clean: CaseResult = sanitizeDeep(result);

  const mix = [...clean.lanes].sort((a, b) => b.weight - a.weight);
  const types = mix
    .map((l) => partnerTypeById(raw, l.type))
    .filter((t): t is PartnerType => t !== undefined)
    .map((t) => sanitizeDeep(t));
  const primary = types[0];
  if (!primary)
    throw new DeckInputError(
      `the business case's partner types (${mix.map((l) => l.type).join(', ')}) are not in the data`,
    );
  const sequence: Sequence | undefined = sequenceFor(templates.sequences, primary);
  if (!sequence)
    throw new DeckInputError(
      `no slide sequence in templates/sequences applies to partner type \`${primary.id}\``,
    );

  const typeName = (id: string): string => {
    const known = partnerTypeById(raw, id)?.name ?? input.typeNames?.[id];
    return known === undefined ? id : sanitizeLine(known);
  };
  const mixLabel =
    mix.length > 1
      ? mix.map((l) => `${typeName(l.type)} (${formatPercent(l.weight)})`).join(' + ')
      : primary.name.toLowerCase();
  const vertical = clean.request.vertical
    ? sanitizeDeep(raw.verticals.find((v) => v.id === clean.request.vertical))
    : undefined;
  const segment = clean.request.segment
    ? sanitizeDeep(raw.segments.find((s) => s.id === clean.request.segment))
    : undefined;
  const vars = { vendor: vendor.name, prospect: company, type: primary.name };
  const ctx: Ctx = {
    vendor,
    types,
    primary,
    mixLabel,
    vertical,
    segment,
    result: clean,
    prospect,
    money: { currency: clean.currency, locale: clean.locale },
    theme: theme(templates, vars),
    vars,
    typeName,
    sources: citedSources(
      vendor,
      types,
      vertical ? sanitizeDeep(raw.verticalSources) : [],
      segment ? sanitizeDeep(raw.segmentSources) : [],
    ),
    years: Math.round((clean.assumptions.horizonMonths / 12) * 10) / 10,
    story: input.stories
      ? sanitizeDeep(
          storyMessagesFor(input.stories, primary.id, input.audience, {
            vertical: clean.request.vertical,
          }),
        )
      : undefined,
  };

  const titleW = SLIDE_W - 2 * MARGIN - ctx.theme.logo.box.w - 0.3;
  const slides: Slide[] = shownSlides(sequence, ctx.story !== undefined).map((spec) => {
    const built = SLIDES[spec.kind](ctx, spec);
    const title = fitText(built.title, titleW, TITLE_H, {
      maxSize: 28,
      minSize: 16,
      bold: true,
      maxLines: 2,
    });
    const extra = spec.notes ? `${sanitizeText(fill(spec.notes, vars))} ` : '';
    return {
      kind: spec.kind,
      title: title.paragraphs.join(' '),
      titleSize: title.fontSize,
      blocks: built.blocks,
      notes: `${extra}${built.notes}`.trim(),
    };
  });

  return {
    meta: {
      title: `${vendor.name} × ${company}: ${primary.name} partnership`,
      subject: `Partner recruiting deck (${sequence.name})`,
      author: vendor.name,
      // pptxgenjs writes the company into docProps/app.xml unescaped.
      company: xmlInert(vendor.name),
      prospect: company,
      sequence: sequence.id,
      types: mix.map((l) => l.type),
      fileName: `${slug(vendor.name.split(' ')[0] ?? 'deck')}-${slug(company)}-${mix.map((l) => l.type).join('-')}.pptx`,
    },
    theme: ctx.theme,
    slides,
    figures: keyFigures(ctx),
  };
}

export const LAYOUT = { MARGIN, TITLE_Y, TITLE_H, BODY_Y, BODY_BOTTOM, FOOTER_Y, SLIDE_H } as const;
