/**
 * What a page hands the "Tailor a deck" form, as JSON in a `<script type="application/json">`:
 * the data the deck and its business case read, for the partner types the page offers, plus
 * the templates (the logo travels as a data: URL). Nothing is fetched when the button is pressed.
 */
import { typesByIds, type Dataset } from '../dataset.ts';
import type { StoryEntryLike } from '../stories/messages.ts';
import type { DeckTemplates } from './templates.ts';

export interface DeckPageData {
  dataset: Dataset;
  templates: DeckTemplates;
  /** Names of the embedded types and of the types they work with (slides mention those). */
  typeNames: Record<string, string>;
  /** The published stories for those types, only the fields the deck's `story` slide reads. */
  stories: StoryEntryLike[];
}

/** The data for a page offering decks for `typeIds` (every type when empty); drafts among `stories` are left out. */
export function deckPageData(dataset: Dataset, templates: DeckTemplates, typeIds: readonly string[] = [], stories: readonly StoryEntryLike[] = []): DeckPageData {
  const wanted = typeIds.length ? typesByIds(dataset, typeIds) : dataset.partnerTypes;
  const ids = new Set(wanted.map((t) => t.id));
  const named = new Set([...ids, ...wanted.flatMap((t) => t.collaboratesWith.map((c) => c.with))]);
  return {
    dataset: { ...dataset, partnerTypes: wanted },
    templates,
    // Only the names the slides can mention: with every type's name, each page grew with the
    // number of types (N² bytes over a site, found by `npm run bench`).
    typeNames: Object.fromEntries(typesByIds(dataset, [...named]).map((t) => [t.id, t.name])),
    stories: stories
      .filter((s) => s.data.status === 'published' && s.data.types.some((t) => ids.has(t)))
      .map(({ id, data: { title, summary, types, audience, verticals, segments, keyMessages, status } }) => ({ id, data: { title, summary, types, audience, verticals, segments, keyMessages, status } })),
  };
}

/** JSON safe inside a `<script>` element: "<" escaped so no text can close it. */
export const scriptJson = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
