// Ready decks for pages: in a build, the worker pool of src/integrations/ready-decks.ts renders
// and writes them; on the dev server, they are rendered here, once, on request.
import type { Deck } from '../core/deck/model.ts';
import type { DeckTemplates } from '../core/deck/templates.ts';
import { loadDeckSources, typeDeck, type DeckSources } from '../node/decks.ts';
import { projectRoot } from '../node/project-root.ts';
import { sharedDeckPool } from '../node/deck-pool.ts';

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

/**
 * The size in bytes of a partner type's ready deck. In a build, the deck pool's worker renders
 * it (the page waits for that deck only); on the dev server, it is rendered here.
 */
export async function readyDeckBytes(typeId: string): Promise<number> {
  const pool = sharedDeckPool();
  return pool ? (await pool.deck(typeId)).bytes : (await builtDeck(typeId)).bytes.length;
}

export const deckHref = (typeId: string) => `/decks/${typeId}.pptx`;
export const kbText = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024))} KB`;
