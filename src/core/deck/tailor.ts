/** One call from a request and a prospect to a deck: the CLI, the build and the browser form all use it. */
import type { Dataset } from '../dataset.ts';
import { runCase } from '../business-case/run-case.ts';
import { requestProblems, CaseRequestError } from '../business-case/request.ts';
import type { CaseRequest, CaseResult } from '../business-case/types.ts';
import type { Audience } from '../schema/content.ts';
import type { StoryEntryLike } from '../stories/messages.ts';
import type { PlayCard } from '../ecosystem/plays.ts';
import { buildDeck, type Prospect } from './build-deck.ts';
import type { Deck } from './model.ts';
import type { DeckTemplates } from './templates.ts';

export interface Tailored {
  deck: Deck;
  result: CaseResult;
}

export interface TailorOptions {
  /** Recruiting stories: the deck's `story` slide carries the best published one's key messages. */
  stories?: readonly StoryEntryLike[] | undefined;
  /** Who the deck is for (picks the story written for them). */
  audience?: Audience | undefined;
  /**
   * The plays a type is part of (`playCards`, computed where the whole dataset is at hand); the
   * deck asks for its main type's.
   */
  playsFor?: ((typeId: string) => readonly PlayCard[] | undefined) | undefined;
}

/** Run the business case for `request` and build the prospect's deck from it; throws CaseRequestError on unknown ids or bad values. */
export function tailorDeck(
  dataset: Dataset,
  templates: DeckTemplates,
  request: CaseRequest,
  prospect: Prospect,
  typeNames?: Record<string, string>,
  options: TailorOptions = {},
): Tailored {
  const problems = requestProblems(dataset, request);
  if (problems.length) throw new CaseRequestError(problems);
  // Scenarios are shown in the notes; sensitivity and break-even are not on any slide.
  const result = runCase(dataset, request, { sensitivity: false, breakEven: false });
  return {
    deck: buildDeck({
      dataset,
      templates,
      result,
      prospect,
      typeNames,
      stories: options.stories,
      audience: options.audience,
      playsFor: options.playsFor,
    }),
    result,
  };
}

export { GENERIC_PROSPECT } from './context.ts';
