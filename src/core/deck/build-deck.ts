/**
 * Builds the deck model from the data, the templates, a business case and a prospect.
 * Pure: the same inputs give the same deck in Node and in the browser.
 */
import { partnerTypeById, type Dataset } from '../dataset.ts';
import { formatPercent } from '../format.ts';
import type { CaseResult } from '../business-case/types.ts';
import type { PartnerType } from '../schema/partner-type.ts';
import type { Source } from '../schema/common.ts';
import type { Sequence } from '../schema/template.ts';
import type { Audience } from '../schema/content.ts';
import { storyMessagesFor, type StoryEntryLike } from '../stories/messages.ts';
import { fitText } from './fit-text.ts';
import type { Deck, Slide } from './model.ts';
import { SLIDE_W } from './model.ts';
import { sanitizeDeep, sanitizeLine, sanitizeText, xmlInert } from './sanitize.ts';
import { sequenceFor, type DeckTemplates } from './templates.ts';
import { fill, keyFigures, type Ctx, type Prospect } from './context.ts';
import { MARGIN, TITLE_H } from './layout.ts';
import { deckTheme } from './theme.ts';
import { SLIDES } from './slides/index.ts';

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
    theme: deckTheme(templates, vars),
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
