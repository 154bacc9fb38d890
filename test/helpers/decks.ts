// Data, templates and deck helpers for the deck tests: the shipped example data through the
// Node loaders (never astro:content), rendered with the same renderer the site uses.
import { join } from 'node:path';
import { runCase } from '../../src/core/business-case/case.ts';
import type { CaseRequest } from '../../src/core/business-case/types.ts';
import { buildDeck, type DeckInput, type Prospect } from '../../src/core/deck/build-deck.ts';
import { renderPptx } from '../../src/core/deck/render-pptx.ts';
import { linesHeight, wrap, INSET_X, INSET_Y } from '../../src/core/deck/fit-text.ts';
import type { TextBlock } from '../../src/core/deck/model.ts';
import { loadDeckSources } from '../../src/node/deck-sources.ts';

export const ROOT = join(import.meta.dirname, '..', '..');
export const sources = loadDeckSources(ROOT);
export const { dataset, templates, stories } = sources;

export const single = (type: string, extra: Partial<CaseRequest> = {}): CaseRequest => ({
  mix: [{ type, weight: 1 }],
  ...extra,
});

/** The deck as the build and the CLI make it: with the project's stories (the `story` slide). */
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

/** Re-measure a fitted block with the same estimator: its lines fit the box height. */
export function textFits(b: TextBlock): boolean {
  const width = b.box.w - (b.bullets ? 0.35 : 0) - 2 * INSET_X;
  const lines = b.paragraphs.reduce((n, p) => n + wrap(p, width, b.fontSize, b.bold).length, 0);
  return linesHeight(lines, b.fontSize) <= b.box.h - 2 * INSET_Y + 1e-9;
}
