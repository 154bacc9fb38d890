// The `story` slide: the key messages of the recruiting story that fits the deck's partner type
// and audience (the deck fixture's in-code stories), as the slide's text, with the story's summary and speaker notes
// in the slide's notes (never a repo path). Drafts never reach a deck, and with no story for the
// type the slide is left out, not shown empty.
import { describe, expect, it } from 'vitest';
import type { Deck } from '../../../src/core/deck/model.ts';
import type { StoryEntryLike } from '../../../src/core/stories/messages.ts';
import { deckFor, single, stories } from '../../helpers/deck-fixture.ts';

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
  it("carries the matching story's key messages on the slide and its speaker notes in the notes", () => {
    const pick = stories.find((s) => s.id === 'msp-cfo')!;
    expect(pick.data.speakerNotes?.length, 'the story has speaker notes').toBeGreaterThan(0);
    const { deck } = deckFor(single('managed-service-provider'), prospect, undefined, {
      stories,
      audience: 'cfo',
    });
    const slide = storySlide(deck)!;
    expect(slide, 'a story slide').toBeDefined();
    expect(slide.title).toBe(pick.data.title);
    const shown = slide.blocks.flatMap((b) => (b.type === 'text' ? b.paragraphs : []));
    expect(shown).toEqual(pick.data.keyMessages);
    // What the recruiter says is said, never shown.
    for (const line of pick.data.speakerNotes!) {
      expect(slide.notes).toContain(line);
      expect(shown.join(' ')).not.toContain(line);
    }
    expect(slide.notes).toContain(pick.data.summary);
    expect(slide.notes).not.toMatch(/content\/stories|\.mdx/);
  });

  it("the audience picks the story: the owner gets the owner's story", () => {
    const { deck } = deckFor(single('managed-service-provider'), prospect, undefined, {
      stories,
      audience: 'owner',
    });
    expect(storySlide(deck)!.title).toBe(stories.find((s) => s.id === 'msp-owner')!.data.title);
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
  it("uses the type's name as a noun, with the right indefinite article", () => {
    const subtitle = (type: string) =>
      deckFor(single(type), prospect)
        .deck.slides[0]!.blocks.flatMap((b) => (b.type === 'text' ? b.paragraphs : []))
        .find((p) => p.startsWith('Partnering with '));
    // The fixture's software-vendor is named "ISV": an initialism keeps its capitals.
    expect(subtitle('influencer')).toBe('Partnering with Test Vendor as an influencer');
    expect(subtitle('software-vendor')).toBe('Partnering with Test Vendor as an ISV');
    expect(subtitle('reseller')).toBe('Partnering with Test Vendor as a value-added reseller');
  });
});
