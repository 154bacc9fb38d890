// Node-only: load data and templates once, then render decks to bytes. Shared by the CLI,
// the build (src/pages/decks/[id].pptx.ts) and the tests.
import type { Dataset } from '../core/dataset.ts';
import { formatDiagnostic } from '../core/diagnostics.ts';
import type { CaseRequest } from '../core/business-case/types.ts';
import type { Prospect } from '../core/deck/build-deck.ts';
import { renderPptx } from '../core/deck/render-pptx.ts';
import { nodeRepack } from './pptx-repack.ts';
import { GENERIC_PROSPECT, tailorDeck, type Tailored } from '../core/deck/tailor.ts';
import type { DeckTemplates } from '../core/deck/templates.ts';
import type { Audience } from '../core/schema/content.ts';
import type { StoryEntryLike } from '../core/stories/messages.ts';
import { loadStories } from './load-content.ts';
import { loadDataOnce } from './load-data-once.ts';
import { loadTemplates } from './load-templates.ts';

export interface DeckSources {
  dataset: Dataset;
  templates: DeckTemplates;
  /** content/stories (drafts included: the deck builder skips them). */
  stories: readonly StoryEntryLike[];
}

/** Data, templates and stories, validated; throws with every diagnostic when either is broken. */
export function loadDeckSources(root: string): DeckSources {
  const { dataset, diagnostics } = loadDataOnce(root);
  if (!dataset) throw new Error(`data/ is not valid:\n${diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic).join('\n')}`);
  const t = loadTemplates(root, dataset.partnerTypes);
  if (!t.templates) throw new Error(`templates/ is not valid:\n${t.diagnostics.map(formatDiagnostic).join('\n')}`);
  return { dataset, templates: t.templates, stories: loadStories(root) };
}

export interface RenderedDeck extends Tailored {
  bytes: Uint8Array;
}

/** Tailor and render one deck (compressed). */
export async function renderDeck(src: DeckSources, request: CaseRequest, prospect: Prospect, audience?: Audience): Promise<RenderedDeck> {
  const tailored = tailorDeck(src.dataset, src.templates, request, prospect, undefined, { stories: src.stories, audience });
  return { ...tailored, bytes: await renderPptx(tailored.deck, { compression: true, repack: nodeRepack }) };
}

/** The ready deck of a partner type, as shipped at build time: its own defaults, a generic prospect. */
export const typeDeck = (src: DeckSources, typeId: string) => renderDeck(src, { mix: [{ type: typeId, weight: 1 }] }, { company: GENERIC_PROSPECT });
