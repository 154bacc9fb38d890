// Adding a story is a content change only: in a temporary copy of the project, a new story file
// appears in the stories index, on its own page, in the search index and in the key messages
// decks take for its type (and in the built deck's story slide), with no code change; a draft
// appears in none of them.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storyMessagesFor } from '../../src/core/stories/messages.ts';
import { loadStories } from '../../src/node/load-content.ts';
import { openPptx } from '../helpers/pptx.ts';
import { repoCopy } from '../helpers/repo-copy.ts';

// Sorts before the type's shipped story (training-partner-demand): the ready deck of a type is
// for no particular audience, so storyMessagesFor breaks the tie by id and picks this one.
const NEW = 'aa-build-test-training-cfo';
const DRAFT = 'zz-build-test-draft';
const WORD = 'Quokkaflux';
const DRAFT_WORD = 'Draftonium';
const MESSAGE = 'Seats sold to certified engineers pay for the instructor within the first cohort.';

const storyFile = (title: string, status: string, word: string) => `---
title: ${title}
summary: A story added by the build test.
types: [training-partner]
audience: cfo
keyMessages:
  - ${MESSAGE}
status: ${status}
owner: Build test
lastReviewed: 2026-11-01
---

The ${word} story: payback at <Figure name="paybackMonth" />.
`;

let root: string;
let build: ReturnType<typeof spawnSync>;
const dist = (...p: string[]) => join(root, 'dist', ...p);

/** Every page Pagefind indexed, decoded from its fragments: url and text. */
function searchFragments(): { url: string; content: string; filters: Record<string, string[]> }[] {
  const dir = dist('pagefind', 'fragment');
  return readdirSync(dir).map((f) => {
    const text = gunzipSync(readFileSync(join(dir, f))).toString('utf8');
    return JSON.parse(text.slice(text.indexOf('{'))) as {
      url: string;
      content: string;
      filters: Record<string, string[]>;
    };
  });
}

beforeAll(() => {
  root = repoCopy();
  writeFileSync(
    join(root, 'content', 'stories', `${NEW}.mdx`),
    storyFile('Build test story', 'published', WORD),
  );
  writeFileSync(
    join(root, 'content', 'stories', `${DRAFT}.mdx`),
    storyFile('Build test draft', 'draft', DRAFT_WORD),
  );
  build = spawnSync(
    process.execPath,
    [join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'],
    {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
      timeout: 540_000,
      maxBuffer: 64 * 1024 * 1024,
    },
  );
}, 600_000);

afterAll(() => {
  if (root && build?.status === 0) rmSync(root, { recursive: true, force: true });
});

describe('a new story file, with no code change', () => {
  it('builds', () => {
    expect(
      build.status,
      `astro build failed:\n${String(build.stderr).slice(-4000)}\n${String(build.stdout).slice(-4000)}`,
    ).toBe(0);
  });

  it('appears in the stories index and gets its page with a live figure', () => {
    const index = readFileSync(dist('stories', 'index.html'), 'utf8');
    expect(index).toContain(`href="/stories/${NEW}/"`);
    expect(index).toMatch(new RegExp(`data-story="${NEW}"[^>]*data-type="training-partner"`));
    const page = readFileSync(dist('stories', NEW, 'index.html'), 'utf8');
    expect(page).toContain(WORD);
    expect(page).toMatch(
      /class="live-figure" data-figure="paybackMonth"[^>]*>(Month \d+|From the start|After month \d+)</,
    );
  });

  it('appears in the search index with its filters', () => {
    const hit = searchFragments().find((f) => f.url === `/stories/${NEW}/`);
    expect(hit, 'a Pagefind fragment for the new story').toBeDefined();
    expect(hit!.content).toContain(WORD);
    expect(hit!.filters).toMatchObject({
      type: ['training-partner'],
      audience: ['cfo'],
      role: expect.any(Array),
      vertical: expect.any(Array),
    });
  });

  it('gives the deck for its type and audience its key messages', () => {
    expect(storyMessagesFor(loadStories(root), 'training-partner', 'cfo')).toMatchObject({
      id: NEW,
      keyMessages: [MESSAGE],
      matched: 'audience',
    });
  });

  it('the built deck for its type carries its key messages on the story slide', async () => {
    expect(
      storyMessagesFor(loadStories(root), 'training-partner')?.id,
      "the type's ready deck picks the new story",
    ).toBe(NEW);
    const deck = await openPptx(readFileSync(dist('decks', 'training-partner.pptx')));
    const i = deck.slideText.findIndex((t) => t.includes('Build test story'));
    expect(i, 'a slide titled with the new story').toBeGreaterThan(0);
    expect(deck.slideText[i]!.replace(/\s+/g, ' ')).toContain(MESSAGE);
    expect(deck.notes[i]).not.toMatch(/content\/stories|\.mdx/);
  });

  it('a draft is in neither the index, its own page, search nor the deck messages', () => {
    expect(readFileSync(dist('stories', 'index.html'), 'utf8')).not.toContain(DRAFT);
    expect(existsSync(dist('stories', DRAFT))).toBe(false);
    expect(searchFragments().some((f) => f.content.includes(DRAFT_WORD))).toBe(false);
    expect(storyMessagesFor(loadStories(root), 'training-partner', 'cfo')?.id).not.toBe(DRAFT);
  });

  it('a draft is in no built deck', async () => {
    for (const f of readdirSync(dist('decks')).filter((n) => n.endsWith('.pptx'))) {
      const deck = await openPptx(readFileSync(dist('decks', f)));
      expect([...deck.slideText, ...deck.notes].join(' '), f).not.toMatch(
        new RegExp(`Build test draft|${DRAFT}`),
      );
    }
  });
});
