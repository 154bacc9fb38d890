// Node-only: the validated data, templates and stories a deck is made from, loaded once.
// Apart from rendering (src/node/decks.ts) so that the build's deck workers, which are handed
// these sources, do not load the loaders' YAML parsers and schemas (about 180 modules).
import type { Dataset } from '../core/dataset.ts';
import { formatDiagnostic } from '../core/diagnostics.ts';
import type { DeckTemplates } from '../core/deck/templates.ts';
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

/**
 * Data, templates and stories, validated; throws with every diagnostic when either is broken.
 * `dataset`: data/ already validated (the pages get it from the partnerkit() integration).
 */
export function loadDeckSources(root: string, dataset?: Dataset): DeckSources {
  if (!dataset) {
    const loaded = loadDataOnce(root);
    if (!loaded.dataset)
      throw new Error(
        `data/ is not valid:\n${loaded.diagnostics
          .filter((d) => d.severity === 'error')
          .map(formatDiagnostic)
          .join('\n')}`,
      );
    dataset = loaded.dataset;
  }
  const t = loadTemplates(root, dataset.partnerTypes);
  if (!t.templates)
    throw new Error(`templates/ is not valid:\n${t.diagnostics.map(formatDiagnostic).join('\n')}`);
  return { dataset, templates: t.templates, stories: loadStories(root) };
}
