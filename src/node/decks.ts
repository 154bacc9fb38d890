// Node-only: render decks to bytes from sources already loaded (src/node/deck-sources.ts).
// Shared by the CLI, the build's deck workers and the tests. Nothing here loads or validates
// files, so a deck worker imports no YAML parser and no schema library.
import type { CaseRequest } from '../core/business-case/types.ts';
import type { Prospect } from '../core/deck/build-deck.ts';
import { renderPptx } from '../core/deck/render-pptx.ts';
import { nodeRepack } from './pptx-repack.ts';
import { GENERIC_PROSPECT, tailorDeck, type Tailored } from '../core/deck/tailor.ts';
import type { Audience } from '../core/schema/content.ts';
import type { DeckSources } from './deck-sources.ts';
import { playCards } from '../core/ecosystem/plays.ts';

export interface RenderedDeck extends Tailored {
  bytes: Uint8Array;
}

/** Tailor and render one deck (compressed). */
export async function renderDeck(
  src: DeckSources,
  request: CaseRequest,
  prospect: Prospect,
  audience?: Audience,
): Promise<RenderedDeck> {
  const tailored = tailorDeck(src.dataset, src.templates, request, prospect, undefined, {
    stories: src.stories,
    audience,
    playsFor: (typeId) => playCards(src.dataset, typeId),
  });
  return {
    ...tailored,
    bytes: await renderPptx(tailored.deck, { compression: true, repack: nodeRepack }),
  };
}

/** The ready deck of a partner type, as shipped at build time: its own defaults, a generic prospect. */
export const typeDeck = (src: DeckSources, typeId: string) =>
  renderDeck(src, { mix: [{ type: typeId, weight: 1 }] }, { company: GENERIC_PROSPECT });
