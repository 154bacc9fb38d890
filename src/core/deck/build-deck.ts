/**
 * Builds the deck model from the data, the templates, a business case and a prospect.
 * Pure: the same inputs give the same deck in Node and in the browser.
 */
import { partnerTypeById, type Dataset } from '../dataset.ts';
import { formatPercent } from '../format.ts';
import type { CaseResult } from '../business-case/types.ts';
import type { PartnerType } from '../schema/partner-type.ts';
import type { Source } from '../schema/common.ts';
import type { Sequence, SequenceSlide } from '../schema/template.ts';
import { RESALE_BENEFITS } from '../tier-benefits.ts';
import type { Audience } from '../schema/content.ts';
import { caseSentence } from '../business-case/summary-sentence.ts';
import { storyMessagesFor, type StoryEntryLike } from '../stories/messages.ts';
import type { PlayCard } from '../ecosystem/plays.ts';
import { fitText } from './fit-text.ts';
import type { Deck, Slide } from './model.ts';
import { sanitizeDeep, sanitizeLine, sanitizeShared, sanitizeText, xmlInert } from './sanitize.ts';
import { bindType } from '../prose-tokens.ts';
import { caseNextSteps } from '../next-steps.ts';
import { caseFacts } from '../when-earning.ts';
import { sequenceFor, type DeckTemplates } from './templates.ts';
import {
  GENERIC_PROSPECT,
  fill,
  keyFigures,
  typeNoun,
  type Ctx,
  type Prospect,
} from './context.ts';
import { TITLE_INSET } from './layout.ts';
import { deckLead } from './lead.ts';
import { RESALE_TALK, scrubResaleTalk } from './resale-talk.ts';
import { deckTheme } from './theme.ts';
import { SECTION_OF, SLIDES } from './slides/index.ts';

export type { Prospect } from './context.ts';

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
  /**
   * The partner-to-partner plays a type is part of (`playCards`, computed where the whole dataset
   * is at hand); the deck asks for its lead type's, and the `play` slide shows the first.
   */
  playsFor?: ((typeId: string) => readonly PlayCard[] | undefined) | undefined;
}

export class DeckInputError extends Error {
  override name = 'DeckInputError';
}

const slug = (s: string) =>
  s
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40) || 'prospect';

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

/**
 * The slides of a sequence a deck shows. A `story` slide with no published story, and a `play`
 * slide for a type in no partner-to-partner play, are left out, never shown empty. A deck that
 * may not talk resale leads with `earnings` right after the title and its tier table has no
 * discount, rebate or MDF column, whatever the sequence file says.
 */
export function shownSlides(
  sequence: Sequence,
  hasStory: boolean,
  reselling = true,
  hasPlay = false,
): SequenceSlide[] {
  let slides = sequence.slides.filter(
    (spec) => (spec.kind !== 'story' || hasStory) && (spec.kind !== 'play' || hasPlay),
  );
  if (!reselling) {
    const earnings = slides.find((s) => s.kind === 'earnings') ?? { kind: 'earnings' as const };
    const rest = slides.filter((s) => s !== earnings);
    const at = rest[0]?.kind === 'title' ? 1 : 0;
    slides = [...rest.slice(0, at), earnings, ...rest.slice(at)].map((s) =>
      s.kind === 'tiers' && s.benefits
        ? { ...s, benefits: s.benefits.filter((b) => !RESALE_BENEFITS.includes(b)) }
        : s,
    );
  }
  return slides;
}

/**
 * A partner type's ready deck (its own defaults, no audience, no vertical) in outline: its
 * sequence and the slides it shows, without running the case or drawing a slide.
 */
export function readyDeckOutline(
  templates: DeckTemplates,
  type: PartnerType,
  stories: readonly StoryEntryLike[] | undefined,
  hasPlay = false,
) {
  const sequence = sequenceFor(templates.sequences, type);
  if (!sequence) return undefined;
  return {
    sequence,
    slides: shownSlides(
      sequence,
      stories !== undefined && storyMessagesFor(stories, type.id, undefined, {}) !== undefined,
      type.transacts,
      hasPlay,
    ),
  };
}

/** "70% influencer and 30% distributor". */
/** A type's plays as the deck shows them: none is no play slide. */
const playsOf = (plays: readonly PlayCard[] | undefined) =>
  plays?.length ? sanitizeDeep(plays) : undefined;

const mixWords = (parts: readonly { noun: string; weight: number }[]) => {
  const items = parts.map((p) => `${formatPercent(Math.round(p.weight * 100) / 100)} ${p.noun}`);
  return items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
};

/** The deck for one prospect: slides in the order of the sequence that applies to the deck's lead type. */
export function buildDeck(input: DeckInput): Deck {
  const { result } = input;
  // Sanitise at the edge: every string the model reads is clean from here on. Only the parts a
  // deck reads are cleaned (vendor, the mix's types, the chosen vertical and segment), so one
  // deck costs the same whether the kit has ten partner types or thousands (what every deck
  // reads, the vendor and the templates, is cleaned once).
  const raw = input.dataset;
  const vendor = sanitizeShared(raw.vendor);
  const templates: DeckTemplates = {
    ...input.templates,
    theme: sanitizeShared(input.templates.theme),
    sequences: sanitizeShared(input.templates.sequences),
  };
  const company = sanitizeLine(input.prospect.company, 2000);
  if (!company)
    throw new DeckInputError(
      'a prospect name is needed (it is empty once control and invisible characters are removed)',
    );
  const prospect = {
    company,
    contact: sanitizeLine(input.prospect.contact, 500) || undefined,
    region: sanitizeLine(input.prospect.region, 500) || undefined,
  };
  const clean: CaseResult = sanitizeDeep(result);

  const lanes = clean.lanes.flatMap((l) => {
    const t = partnerTypeById(raw, l.type);
    // Prose that states what the case assumes takes this deck's own case's values.
    return t
      ? [{ type: sanitizeDeep(bindType(t, { result, tiers: raw.vendor.tiers })), weight: l.weight }]
      : [];
  });
  const lead = deckLead(lanes);
  if (!lead)
    throw new DeckInputError(
      `the business case's partner types (${clean.lanes.map((l) => l.type).join(', ')}) are not in the data`,
    );
  const primary = lead.lead;
  const types = lead.ordered.map((m) => m.type);
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
    lead.ordered.length > 1
      ? mixWords(lead.ordered.map((m) => ({ noun: typeNoun(m.type.name), weight: m.weight })))
      : typeNoun(primary.name);
  const vertical = clean.request.vertical
    ? sanitizeDeep(raw.verticals.find((v) => v.id === clean.request.vertical))
    : undefined;
  const segment = clean.request.segment
    ? sanitizeDeep(raw.segments.find((s) => s.id === clean.request.segment))
    : undefined;
  const prospectInSentence = company === GENERIC_PROSPECT ? 'your company' : company;
  const vars = { vendor: vendor.name, prospect: company, type: primary.name };
  // A ready deck is for no one company yet: its footer says nothing of whom it was prepared for
  // (the theme's parts that name the prospect are left out) rather than "Prepared for your company".
  const footerTemplate =
    company === GENERIC_PROSPECT
      ? templates.theme.footer
          .split(' · ')
          .filter((part) => !part.includes('{prospect}'))
          .join(' · ')
      : templates.theme.footer;
  const footer = fill(footerTemplate, { vars, prospectInSentence });
  const { theme, style, grid } = deckTheme(templates, footer);
  // Market facts for the streams this case earns first; those for streams it does not earn are
  // left out, and so are their sources.
  const shownVendor = { ...vendor, opportunity: caseFacts(vendor.opportunity, clean.streams) };
  const ctx: Ctx = {
    // Next steps say what this case plans ("Get 3 of your people certified"); a step that would
    // ask for nothing here (no one to certify) is left out.
    vendor: {
      ...shownVendor,
      nextSteps: caseNextSteps(vendor.nextSteps, {
        result: clean,
        tiers: vendor.tiers,
        type: primary.id,
        targetTier: primary.businessCase.targetTier,
      }),
    },
    types,
    primary,
    reselling: lead.reselling,
    mixLabel,
    vertical,
    segment,
    // The case's sentence names the lanes in the deck's order (its lead first on a tie), so a
    // mix typed in either order reads the same.
    result: {
      ...clean,
      sentence: caseSentence({
        lanes: lead.ordered.map((m) => clean.lanes.find((l) => l.type === m.type.id)!),
        summary: clean.summary,
        horizonMonths: clean.assumptions.horizonMonths,
        money: { currency: clean.currency, locale: clean.locale },
      }),
    },
    prospect,
    prospectInSentence,
    prospectInNotes: company === GENERIC_PROSPECT ? 'the prospect' : company,
    money: { currency: clean.currency, locale: clean.locale },
    theme,
    style,
    grid,
    vars,
    typeName,
    // A deck that may not talk resale lists no source on discounts, rebates or MDF: its last
    // check would drop the line and leave a gap in the numbering.
    sources: citedSources(
      shownVendor,
      types,
      vertical ? sanitizeShared(raw.verticalSources) : [],
      segment ? sanitizeShared(raw.segmentSources) : [],
    ).filter((s) => lead.reselling || !RESALE_TALK.test(s.title)),
    years: Math.round((clean.assumptions.horizonMonths / 12) * 10) / 10,
    story: input.stories
      ? sanitizeDeep(
          storyMessagesFor(input.stories, primary.id, input.audience, {
            vertical: clean.request.vertical,
          }),
        )
      : undefined,
    plays: playsOf(input.playsFor?.(primary.id)),
  };

  const frame = theme.frame.title;
  const slides: Slide[] = shownSlides(
    sequence,
    ctx.story !== undefined,
    ctx.reselling,
    ctx.plays !== undefined,
  ).map((spec) => {
    let built = SLIDES[spec.kind](ctx, spec);
    if (!ctx.reselling)
      built = scrubResaleTalk(
        built,
        () => SLIDES[spec.kind](ctx, { ...spec, title: undefined }).title,
      );
    const title = fitText(built.title, frame.w, frame.h, {
      maxSize: style.type.title,
      minSize: Math.min(style.type.title, 20),
      bold: true,
      maxLines: 2,
      font: style.fonts.heading,
      insetX: TITLE_INSET.x,
      insetY: TITLE_INSET.y,
    });
    const extra = spec.notes ? `${sanitizeText(fill(spec.notes, ctx))} ` : '';
    const section = spec.section ?? SECTION_OF[spec.kind];
    const slide: Slide = {
      kind: spec.kind,
      title: title.paragraphs.join(' '),
      titleSize: title.fontSize,
      blocks: built.blocks,
      notes: `${extra}${built.notes}`.trim(),
    };
    if (section) slide.section = style.sections[section];
    return slide;
  });

  return {
    meta: {
      title: `${vendor.name} × ${company}: partnership proposal`,
      subject: `Partner recruiting deck (${sequence.name})`,
      author: vendor.name,
      // pptxgenjs writes the company into docProps/app.xml unescaped.
      company: xmlInert(vendor.name),
      prospect: company,
      sequence: sequence.id,
      types: types.map((t) => t.id),
      fileName: `${slug(vendor.name.split(' ')[0] ?? 'deck')}-${slug(company)}-${types.map((t) => t.id).join('-')}.pptx`,
    },
    theme,
    slides,
    figures: keyFigures(ctx),
  };
}
