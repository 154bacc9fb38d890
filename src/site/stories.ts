// Build-time helpers for story pages: which stories show (drafts only in `npm run dev`), live
// figures (cached per inputs: one engine run per type/vertical/segment), and the links a
// story carries to its playbook, calculator and deck.
import { getCollection, type CollectionEntry } from 'astro:content';
import { visibleStories } from '../core/stories/messages.ts';
import { liveFigures, type LiveFigure } from '../core/stories/live-figure.ts';
import type { FigureName, StoryCaseInputs } from '../core/stories/figures.ts';
import { getDataset } from './dataset.ts';

export type Story = CollectionEntry<'stories'>;

/** Published stories; drafts too on the dev server, never in the production build. */
export async function getStories(): Promise<Story[]> {
  const all = await getCollection('stories');
  return visibleStories(all, !import.meta.env.PROD).sort((a, b) => a.data.title.localeCompare(b.data.title));
}

const cache = new Map<string, Record<FigureName, LiveFigure>>();

export function liveFigure(inputs: StoryCaseInputs, name: FigureName): LiveFigure {
  const key = `${inputs.type}|${inputs.vertical ?? ''}|${inputs.segment ?? ''}`;
  let figures = cache.get(key);
  if (!figures) cache.set(key, (figures = liveFigures(getDataset(), inputs)));
  return figures[name];
}

/** The calculator with the story's inputs filled in. */
export function calculatorHref(inputs: StoryCaseInputs): string {
  const params = new URLSearchParams();
  if (inputs.vertical) params.set('vertical', inputs.vertical);
  if (inputs.segment) params.set('segment', inputs.segment);
  const q = params.toString();
  return `/partners/${inputs.type}/business-case/${q ? `?${q}` : ''}`;
}

/**
 * The tailored deck for a type and audience, or undefined while the site has no deck page.
 * One place to change when the deck page's address changes.
 */
export function deckHref(_type: string, _audience: string): string | undefined {
  return undefined;
}
