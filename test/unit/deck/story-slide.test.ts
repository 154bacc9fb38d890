// The `story` slide: the key messages of the recruiting story that fits the deck's partner type
// and audience (content/stories), as bullets, with the story named in the speaker notes. Drafts
// never reach a deck, and with no story for the type the slide is left out, not shown empty.
import { describe, expect, it } from 'vitest';
import type { Deck } from '../../../src/core/deck/model.ts';
import type { StoryEntryLike } from '../../../src/core/stories/messages.ts';
import { deckFor, single, stories } from '../../helpers/decks.ts';

const prospect = { company: 'Northwind Systems' };
const storySlide = (d: Deck) => d.slides.find((s) => s.kind === 'story');
const deckText = (d: Deck) => JSON.stringify(d.slides.map((s) => [s.title, s.blocks, s.notes]));

const story = (
  id: string,
  status: 'draft' | 'published',
  keyMessages: string[],
  audience: StoryEntryLike['data']['audience'] = 'cfo',
): StoryEntryLike => ({
  id,
  data: {
    title: `Story ${id}`,
    summary: `Summary of ${id}, a story written for the unit test.`,
    types: ['reseller'],
    audience,
    verticals: [],
    segments: [],
    keyMessages,
    status,
  },
});

describe('the story slide', () => {
  it("carries the matching story's key messages as bullets, titled and credited in the notes", () => {
    const pick = stories.find((s) => s.id === 'msp-cfo-smb')!;
    const { deck } = deckFor(single('managed-service-provider'), prospect, undefined, {
      stories,
      audience: 'cfo',
    });
    const slide = storySlide(deck)!;
    expect(slide, 'a story slide').toBeDefined();
    expect(slide.title).toBe(pick.data.title);
    const body = slide.blocks.find((b) => b.type === 'text')!;
    expect(body.type === 'text' && body.bullets).toBe(true);
    expect(body.type === 'text' && body.paragraphs).toEqual(pick.data.keyMessages);
    expect(slide.notes).toContain(pick.data.summary);
    expect(slide.notes).toContain(
      `From the story '${pick.data.title}' (content/stories/msp-cfo-smb.mdx)`,
    );
  });

  it("the audience picks the story: the owner gets the owner's story", () => {
    const { deck } = deckFor(single('managed-service-provider'), prospect, undefined, {
      stories,
      audience: 'owner',
    });
    expect(storySlide(deck)!.notes).toContain('(content/stories/msp-owner-recurring.mdx)');
  });

  it("a draft story's messages never appear, even when it is the only story for the type", () => {
    const draft = story('draft-only', 'draft', ['Draftonium margins beat every other line.']);
    const { deck } = deckFor(single('reseller'), prospect, undefined, {
      stories: [draft],
      audience: 'cfo',
    });
    expect(storySlide(deck)).toBeUndefined();
    expect(deckText(deck)).not.toContain('Draftonium');

    const published = story(
      'published-one',
      'published',
      ['Publishium pays back in a quarter.'],
      'owner',
    );
    const both = deckFor(single('reseller'), prospect, undefined, {
      stories: [draft, published],
      audience: 'cfo',
    }).deck;
    expect(
      storySlide(both)!.blocks.flatMap((b) => (b.type === 'text' ? b.paragraphs : [])),
    ).toEqual(['Publishium pays back in a quarter.']);
    expect(deckText(both)).not.toContain('Draftonium');
  });

  it('without a story for the type the slide is left out, not shown empty', () => {
    const withStories = deckFor(single('reseller'), prospect).deck;
    const without = deckFor(single('reseller'), prospect, undefined, { stories: [] }).deck;
    expect(storySlide(withStories)).toBeDefined();
    expect(storySlide(without)).toBeUndefined();
    expect(without.slides).toHaveLength(withStories.slides.length - 1);
  });
});

describe('the title slide', () => {
  it('uses the right indefinite article for the partner type', () => {
    const subtitle = (type: string) =>
      deckFor(single(type), prospect)
        .deck.slides[0]!.blocks.flatMap((b) => (b.type === 'text' ? b.paragraphs : []))
        .find((p) => p.endsWith(' partnership'));
    expect(subtitle('influencer')).toBe('An influencer / content creator partnership');
    expect(subtitle('reseller')).toBe('A value-added reseller partnership');
  });
});
