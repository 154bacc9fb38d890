// `defineCollection` from the module that `astro:content` re-exports it from: importing the
// virtual module here made every build's content sync run Astro's whole server runtime (115
// modules) through Vite before a page was built; this path needs 59, and builds start ~0.3 s sooner.
import { defineCollection } from 'astro/content/config';
import { glob } from 'astro/loaders';
import { GuideFrontmatter, PlaybookFrontmatter, StoryFrontmatter } from './core/schema/content.ts';

// Marketers' Markdown/MDX. `_`-prefixed files are partials, never entries. Only the files directly
// in each folder, the ones `partnerkit validate` reads (a subfolder gets a warning, never a page).
// Frontmatter uses the core's schemas; `partnerkit validate` checks the same with line numbers.
const playbooks = defineCollection({
  loader: glob({ base: './content/playbooks', pattern: '[^_]*.{md,mdx}' }),
  schema: PlaybookFrontmatter,
});

// Recruiting stories, one per file; the file name is the story's address (/stories/<name>/).
const stories = defineCollection({
  loader: glob({ base: './content/stories', pattern: '[^_]*.{md,mdx}' }),
  schema: StoryFrontmatter,
});

// The marketers' guide, rendered at /guide/.
const guide = defineCollection({
  loader: glob({ base: './content/guide', pattern: '[^_]*.{md,mdx}' }),
  schema: GuideFrontmatter,
});

export const collections = { playbooks, stories, guide };
