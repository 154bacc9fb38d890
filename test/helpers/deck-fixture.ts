// The deck helpers of test/helpers/decks.ts on the deck fixture (test/fixtures/deck-sources.ts)
// instead of the example kit: for unit tests of the deck model.
import { runCase } from '../../src/core/business-case/run-case.ts';
import type { CaseRequest } from '../../src/core/business-case/types.ts';
import { buildDeck, type DeckInput, type Prospect } from '../../src/core/deck/build-deck.ts';
import { renderPptx } from '../../src/core/deck/render-pptx.ts';
import { dataset, sources, stories, templates } from '../fixtures/deck-sources.ts';

export { dataset, sources, stories, templates };
export { chartCount, occupancy, prospectBlock, textFits } from './deck-geometry.ts';

export const single = (type: string, extra: Partial<CaseRequest> = {}): CaseRequest => ({
  mix: [{ type, weight: 1 }],
  ...extra,
});

/** The deck as the build and the CLI make it, from the fixture's data, templates and stories. */
export function deckFor(
  request: CaseRequest,
  prospect: Prospect,
  ds = dataset,
  extra: Pick<DeckInput, 'stories' | 'audience'> = { stories },
) {
  const result = runCase(ds, request);
  return { result, deck: buildDeck({ dataset: ds, templates, result, prospect, ...extra }) };
}

export async function pptxFor(request: CaseRequest, prospect: Prospect, ds = dataset) {
  const { deck, result } = deckFor(request, prospect, ds);
  return { deck, result, bytes: await renderPptx(deck) };
}
