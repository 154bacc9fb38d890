// Build-time decks: rendered once per build and shared by the deck files
// (src/pages/decks/[id].pptx.ts), the downloads page and the playbook links.
import type { Deck } from '../core/deck/model.ts';
import type { DeckTemplates } from '../core/deck/templates.ts';
import { loadDeckSources, typeDeck, type DeckSources } from '../node/decks.ts';
import { projectRoot } from '../node/project-root.ts';

let sources: DeckSources | undefined;
const cache = new Map<string, Promise<{ bytes: Uint8Array; deck: Deck }>>();

export function deckSources(): DeckSources {
  return (sources ??= loadDeckSources(projectRoot()));
}

export const deckTemplates = (): DeckTemplates => deckSources().templates;

/** The ready deck of a partner type (compressed PPTX bytes and its model), rendered once. */
export function builtDeck(typeId: string): Promise<{ bytes: Uint8Array; deck: Deck }> {
  let p = cache.get(typeId);
  if (!p) cache.set(typeId, (p = typeDeck(deckSources(), typeId)));
  return p;
}

export const deckHref = (typeId: string) => `/decks/${typeId}.pptx`;
export const kbText = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024))} KB`;
