// Build-time helpers for story pages: which stories show (drafts only in `npm run dev`), live
// figures (cached per inputs: one engine run per type/vertical/segment), and the links a
// story carries to its playbook, calculator and deck.
import { getCollection, type CollectionEntry } from 'astro:content';
import { visibleStories } from '../core/stories/messages.ts';
import { liveFigures, storyCaseRequest, type LiveFigure } from '../core/stories/live-figure.ts';
import { caseSearch } from '../core/url-state.ts';
import { runCase } from '../core/business-case/run-case.ts';
import type { CaseResult } from '../core/business-case/types.ts';
import { tokenValue } from '../core/prose-tokens.ts';
import type { FigureName, StoryCaseInputs } from '../core/stories/figures.ts';
import { getDataset } from './dataset.ts';
import { deckHref } from './decks.ts';

export type Story = CollectionEntry<'stories'>;

/** Published stories; drafts too on the dev server, never in the production build. */
export async function getStories(): Promise<Story[]> {
  const all = await getCollection('stories');
  return visibleStories(all, import.meta.env.PARTNERKIT_SHOW_DRAFTS === true).sort((a, b) =>
    a.data.title.localeCompare(b.data.title),
  );
}

const cache = new Map<string, Record<FigureName, LiveFigure>>();

export function liveFigure(inputs: StoryCaseInputs, name: FigureName): LiveFigure {
  const key = `${inputs.type}|${inputs.vertical ?? ''}|${inputs.segment ?? ''}`;
  let figures = cache.get(key);
  if (!figures) cache.set(key, (figures = liveFigures(getDataset(), inputs)));
  return figures[name];
}

const cases = new Map<string, CaseResult>();

/** A case token's value (src/core/prose-tokens.ts) in the story's case: one engine run per inputs. */
export function caseValue(inputs: StoryCaseInputs, token: string): string {
  const key = `${inputs.type}|${inputs.vertical ?? ''}|${inputs.segment ?? ''}`;
  const d = getDataset();
  let result = cases.get(key);
  if (!result)
    cases.set(
      key,
      (result = runCase(d, storyCaseRequest(inputs), { sensitivity: false, breakEven: false })),
    );
  return tokenValue(token, {
    result,
    tiers: d.vendor.tiers,
    type: inputs.type,
    targetTier: d.partnerTypes.find((t) => t.id === inputs.type)?.businessCase.targetTier,
  });
}

/** The calculator with the story's inputs filled in, in the calculator's own link format. */
export function calculatorHref(inputs: StoryCaseInputs): string {
  return `/partners/${inputs.type}/business-case/${caseSearch(storyCaseRequest(inputs), { mixInPath: true })}`;
}

/**
 * The deck for a story's partner type: the type's ready deck (built by src/pages/decks/). Decks
 * take the story's key messages through `storyMessagesFor` in src/core/stories/messages.ts.
 */
export const storyDeckHref = (type: string): string => deckHref(type);
