/**
 * Stories feed the decks: the key messages of the story that best fits a partner type and an
 * audience. Pure, so the deck builder in the browser, the CLI and pages all pick the same story.
 */
import type { Audience, StoryFrontmatter } from '../schema/content.ts';

/** A story as Astro's `getCollection('stories')` and the Node loader `loadStories(root)` both give it. */
export interface StoryEntryLike {
  id: string;
  data: Pick<
    StoryFrontmatter,
    'title' | 'summary' | 'types' | 'audience' | 'verticals' | 'segments' | 'keyMessages' | 'status'
  > &
    Partial<Pick<StoryFrontmatter, 'speakerNotes'>>;
}

export interface StoryMessages {
  /** The story's slug: its page is /stories/<id>/. */
  id: string;
  title: string;
  summary: string;
  audience: Audience;
  /** What the partner reads on the story slide. */
  keyMessages: string[];
  /** What the recruiter says with it: the slide's speaker notes. */
  speakerNotes: string[];
  /** 'audience' when the story is written for the audience asked for; 'type' when it is the type's best story for someone else. */
  matched: 'audience' | 'type';
}

export interface StoryMessagesOptions {
  /** Prefer a story for this vertical id. */
  vertical?: string | undefined;
  /** Consider drafts too (the dev server does; decks and the built site do not). */
  includeDrafts?: boolean | undefined;
}

/**
 * The key messages for a deck about `typeId`, told to `audience`: the published story for that
 * type and audience (a story whose first type is `typeId` beats one that also lists it; one for
 * the vertical asked for beats one for any vertical, which beats one for another vertical; then
 * by id), or, when no story is written for that audience, the type's best story for anyone.
 * Undefined when no published story lists the type.
 */
export function storyMessagesFor(
  stories: readonly StoryEntryLike[],
  typeId: string,
  audience?: Audience,
  options: StoryMessagesOptions = {},
): StoryMessages | undefined {
  const candidates = stories.filter(
    (s) =>
      (options.includeDrafts || s.data.status === 'published') && s.data.types.includes(typeId),
  );
  const verticalRank = (s: StoryEntryLike) => {
    const v = s.data.verticals ?? [];
    if (!options.vertical) return v.length === 0 ? 0 : 1;
    return v.includes(options.vertical) ? 0 : v.length === 0 ? 1 : 2;
  };
  const rank = (s: StoryEntryLike) => [
    audience && s.data.audience === audience ? 0 : 1,
    s.data.types[0] === typeId ? 0 : 1,
    verticalRank(s),
    s.data.status === 'published' ? 0 : 1,
  ];
  const best = candidates
    .map((s) => ({ s, r: rank(s) }))
    .sort((a, b) => {
      for (let i = 0; i < a.r.length; i++) if (a.r[i] !== b.r[i]) return a.r[i]! - b.r[i]!;
      return a.s.id < b.s.id ? -1 : a.s.id > b.s.id ? 1 : 0;
    })[0]?.s;
  if (!best) return undefined;
  return {
    id: best.id,
    title: best.data.title,
    summary: best.data.summary,
    audience: best.data.audience,
    keyMessages: [...best.data.keyMessages],
    speakerNotes: [...(best.data.speakerNotes ?? [])],
    matched: audience === undefined || best.data.audience === audience ? 'audience' : 'type',
  };
}

/** Published stories only, unless drafts are wanted (the dev server). */
export const visibleStories = <T extends { data: { status: string } }>(
  stories: readonly T[],
  includeDrafts: boolean,
): T[] => stories.filter((s) => includeDrafts || s.data.status === 'published');

/** Whether a review date is older than `days` days on `today`. */
export function isStale(lastReviewed: Date, today: Date, days: number): boolean {
  return today.getTime() - lastReviewed.getTime() > days * 86_400_000;
}
