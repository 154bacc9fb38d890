import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { PlaybookFrontmatter } from './core/schema/content.ts';

// Marketers' Markdown/MDX. `_`-prefixed files are partials, never entries.
// Frontmatter uses the core's schemas; `partnerkit validate` checks the same with line numbers.
const playbooks = defineCollection({
  loader: glob({ base: './content/playbooks', pattern: '**/[^_]*.{md,mdx}' }),
  schema: PlaybookFrontmatter,
});

export const collections = { playbooks };
