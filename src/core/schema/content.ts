import { z } from 'zod';
import { Id, Text } from './common.ts';

/** Frontmatter of `content/playbooks/<type>.mdx`: narrative around a partner type's data. */
export const PlaybookFrontmatter = z
  .strictObject({
    type: Id.describe('Id of the partner type this narrative belongs to.'),
    intro: Text.optional().describe('Lead paragraph shown above the data.'),
    owner: Text.describe('Who keeps this page true.'),
    lastReviewed: z.coerce.date({ error: 'a date like 2026-11-01' }).describe('When it was last checked.'),
  })
  .describe('Frontmatter of a playbook narrative.');
export type PlaybookFrontmatter = z.infer<typeof PlaybookFrontmatter>;
