// Data, templates and deck helpers for the deck tests: the shipped example data through the
// Node loaders (never astro:content), rendered with the same renderer the site uses.
import { join } from 'node:path';
import { runCase } from '../../src/core/business-case/run-case.ts';
import type { CaseRequest } from '../../src/core/business-case/types.ts';
import { buildDeck, type DeckInput, type Prospect } from '../../src/core/deck/build-deck.ts';
import { renderPptx } from '../../src/core/deck/render-pptx.ts';
import { loadDeckSources } from '../../src/node/deck-sources.ts';
import { playCards } from '../../src/core/ecosystem/plays.ts';

export const ROOT = join(import.meta.dirname, '..', '..');
export const sources = loadDeckSources(ROOT);
export const { dataset, templates, stories } = sources;

export const single = (type: string, extra: Partial<CaseRequest> = {}): CaseRequest => ({
  mix: [{ type, weight: 1 }],
  ...extra,
});

/**
 * The deck as the build and the CLI make it: with the project's stories (the `story` slide) and
 * the lead type's partner-to-partner plays (the `play` slide).
 */
export function deckFor(
  request: CaseRequest,
  prospect: Prospect,
  ds = dataset,
  extra: Pick<DeckInput, 'stories' | 'audience' | 'playsFor'> = { stories },
) {
  const result = runCase(ds, request);
  const playsFor = (type: string) => playCards(ds, type);
  return {
    result,
    deck: buildDeck({ dataset: ds, templates, result, prospect, playsFor, ...extra }),
  };
}

export async function pptxFor(request: CaseRequest, prospect: Prospect, ds = dataset) {
  const { deck, result } = deckFor(request, prospect, ds);
  return { deck, result, bytes: await renderPptx(deck) };
}

export { chartCount, occupancy, prospectBlock, textFits } from './deck-geometry.ts';
