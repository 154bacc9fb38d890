// Ready decks on the dev server, rendered here once, on request (src/pages/decks/[id].pptx.ts).
// A build renders and writes them on worker threads instead (src/integrations/ready-decks.ts),
// and no page waits for one: a page that waited for its deck's size held up page generation
// whenever the deck workers were behind.
import type { Deck } from '../core/deck/model.ts';
import type { DeckTemplates } from '../core/deck/templates.ts';
import { loadDeckSources, type DeckSources } from '../node/deck-sources.ts';
import { typeDeck } from '../node/decks.ts';
import { projectRoot } from '../node/project-root.ts';
import { getDataset } from './dataset.ts';

let sources: DeckSources | undefined;
const cache = new Map<string, Promise<{ bytes: Uint8Array; deck: Deck }>>();

export function deckSources(): DeckSources {
  return (sources ??= loadDeckSources(projectRoot(), getDataset()));
}

export const deckTemplates = (): DeckTemplates => deckSources().templates;

/** The ready deck of a partner type (compressed PPTX bytes and its model), rendered once. */
export function builtDeck(typeId: string): Promise<{ bytes: Uint8Array; deck: Deck }> {
  let p = cache.get(typeId);
  if (!p) cache.set(typeId, (p = typeDeck(deckSources(), typeId)));
  return p;
}

export const deckHref = (typeId: string) => `/decks/${typeId}.pptx`;
