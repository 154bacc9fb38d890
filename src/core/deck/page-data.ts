/**
 * What the "Tailor a deck" form builds from, fetched as static JSON when the button is pressed
 * (pptxgenjs is loaded then too), so no page carries it:
 * - `deck-data/shared.json`: the vendor, verticals, segments and templates (the logo travels as a
 *   data: URL), the same for every deck;
 * - `deck-data/types/<id>.json`: one partner type, the names its slides mention and its stories.
 * A deck for a mix fetches the shared file and one file per type in the mix. Embedding all of it
 * in every page cost 37 KB per page, and the mix page, which offers every type, grew with the
 * number of types (5.8 MB at 487 types, found by `npm run bench`).
 */
import { partnerTypeById, typesByIds, type Dataset } from '../dataset.ts';
import type { PartnerType } from '../schema/index.ts';
import type { StoryEntryLike } from '../stories/messages.ts';
// Types only: the browser's deck form imports this module, and the plays' economics (the engine)
// are computed where the whole dataset is at hand, then passed in.
import type { PlayCard } from '../ecosystem/plays.ts';
import type { DeckTemplates } from './templates.ts';

export interface DeckPageData {
  dataset: Dataset;
  templates: DeckTemplates;
  /** Names of the types in the deck and of the types they work with (slides mention those). */
  typeNames: Record<string, string>;
  /** The published stories for those types, only the fields the deck's `story` slide reads. */
  stories: StoryEntryLike[];
  /** Each type's plays, as the `play` slide shows them. */
  plays: Record<string, PlayCard[]>;
}

/**
 * The part every deck shares: the dataset without its partner types and without the ecosystem
 * files (a deck reads a type's plays from its own part, already computed), and the templates.
 */
export interface DeckSharedData {
  dataset: Omit<Dataset, 'partnerTypes' | 'routes' | 'coverage' | 'partners' | 'plays'>;
  templates: DeckTemplates;
}

/** One partner type's part. */
export interface DeckTypeData {
  type: PartnerType;
  typeNames: Record<string, string>;
  stories: StoryEntryLike[];
  /** The plays the type is part of, with every partner's figures (`playCards`). */
  plays: PlayCard[];
}

/** Where the parts are served, from the site's root. Type ids are slugs (the schema says so). */
export const DECK_DATA_DIR = '/deck-data/';
export const deckSharedDataHref = () => `${DECK_DATA_DIR}shared.json`;
export const deckTypeDataHref = (typeId: string) =>
  `${DECK_DATA_DIR}types/${encodeURIComponent(typeId)}.json`;

export function deckSharedData(dataset: Dataset, templates: DeckTemplates): DeckSharedData {
  const {
    partnerTypes: _types,
    routes: _routes,
    coverage: _coverage,
    partners: _partners,
    plays: _plays,
    ...rest
  } = dataset;
  return { dataset: rest, templates };
}

/** A type's part; drafts among `stories` are left out. Throws for an unknown type. */
export function deckTypeData(
  dataset: Dataset,
  typeId: string,
  stories: readonly StoryEntryLike[] = [],
  plays: PlayCard[] = [],
): DeckTypeData {
  const type = partnerTypeById(dataset, typeId);
  if (!type) throw new Error(`Unknown partner type "${typeId}"`);
  // Only the names the slides can mention: with every type's name, each part would grow with
  // the number of types (N² bytes over a site, found by `npm run bench`).
  const named = [type.id, ...type.collaboratesWith.map((c) => c.with)];
  return {
    type,
    typeNames: Object.fromEntries(typesByIds(dataset, named).map((t) => [t.id, t.name])),
    stories: stories
      .filter((s) => s.data.status === 'published' && s.data.types.includes(type.id))
      .map(
        ({
          id,
          data: {
            title,
            summary,
            types,
            audience,
            verticals,
            segments,
            keyMessages,
            speakerNotes,
            status,
          },
        }) => ({
          id,
          data: {
            title,
            summary,
            types,
            audience,
            verticals,
            segments,
            keyMessages,
            speakerNotes: speakerNotes ?? [],
            status,
          },
        }),
      ),
    plays,
  };
}

/** The shared part and the parts of the types in a deck, as one (a story told for two types comes once). */
export function assembleDeckData(
  shared: DeckSharedData,
  parts: readonly DeckTypeData[],
): DeckPageData {
  const stories = new Map<string, StoryEntryLike>();
  for (const p of parts) for (const s of p.stories) stories.set(s.id, s);
  return {
    dataset: { ...shared.dataset, partnerTypes: parts.map((p) => p.type) },
    templates: shared.templates,
    typeNames: Object.assign({}, ...parts.map((p) => p.typeNames)) as Record<string, string>,
    stories: [...stories.values()],
    plays: Object.fromEntries(parts.map((p) => [p.type.id, p.plays])),
  };
}

/** Everything a deck for `typeIds` reads, in one call (Node callers and tests). */
export function deckPageData(
  dataset: Dataset,
  templates: DeckTemplates,
  typeIds: readonly string[],
  stories: readonly StoryEntryLike[] = [],
  playsFor: (typeId: string) => PlayCard[] = () => [],
): DeckPageData {
  return assembleDeckData(
    deckSharedData(dataset, templates),
    typeIds.map((id) => deckTypeData(dataset, id, stories, playsFor(id))),
  );
}
