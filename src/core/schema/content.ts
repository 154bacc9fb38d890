import { z } from 'zod';
import { Id, Source, Text } from './common.ts';

/** A date a marketer writes as 2026-11-01. */
const ReviewDate = z.coerce.date({ error: 'a date like 2026-11-01' });

/** Frontmatter of `content/playbooks/<type>.mdx`: narrative around a partner type's data. */
export const PlaybookFrontmatter = z
  .strictObject({
    type: Id.describe('Id of the partner type this narrative belongs to.'),
    intro: Text.optional().describe('Lead paragraph shown above the data.'),
    owner: Text.describe('Who keeps this page true.'),
    lastReviewed: ReviewDate.describe('When it was last checked.'),
  })
  .describe('Frontmatter of a playbook narrative.');
export type PlaybookFrontmatter = z.infer<typeof PlaybookFrontmatter>;

/** Who a story is written for: the person across the table. */
export const AUDIENCES = [
  'owner',
  'cfo',
  'sales-lead',
  'practice-lead',
  'technical-lead',
  'alliance-lead',
  'marketing-lead',
] as const;
export const Audience = z
  .enum(AUDIENCES)
  .describe(
    'Who the story is for: owner, cfo, sales-lead, practice-lead, technical-lead, alliance-lead or marketing-lead.',
  );
export type Audience = z.infer<typeof Audience>;

/** How each audience is named on pages and decks. */
export const AUDIENCE_LABELS: Record<Audience, string> = {
  owner: 'Owner / CEO',
  cfo: 'CFO / finance',
  'sales-lead': 'Sales lead',
  'practice-lead': 'Practice lead',
  'technical-lead': 'Technical lead',
  'alliance-lead': 'Alliances / partnerships lead',
  'marketing-lead': 'Marketing lead',
};

export const STORY_STATUSES = ['draft', 'published'] as const;

/**
 * Words a partner should never read on a slide: the recruiter's tools and instructions. A key
 * message that uses one belongs in `speakerNotes`.
 */
export const RECRUITER_TALK =
  /\b(playbooks?|calculator|partnerkit|npx|the prospect|one click|qualifying questions|engine)\b|\.mdx\b|content\//i;

/** One slide bullet of a story: prospect-facing words only. */
const SlideBullet = Text.superRefine((line, ctx) => {
  const word = RECRUITER_TALK.exec(line)?.[0];
  if (word)
    ctx.addIssue({
      code: 'custom',
      message: `key messages are read by the partner on the deck's story slide, and "${word}" is for the recruiter: move this line to \`speakerNotes\` or say it in the partner's terms`,
      input: line,
    });
});

/** Frontmatter of `content/stories/<slug>.mdx`: a recruiting story for one person at a partner. */
export const StoryFrontmatter = z
  .strictObject({
    title: Text.describe("Headline of the story, in the partner's terms."),
    summary: Text.describe('One or two sentences shown in the stories index and search results.'),
    types: z
      .array(Id)
      .min(1, 'at least one partner type id')
      .describe(
        'Ids of the partner types this story is for; the first one drives live figures and links.',
      ),
    audience: Audience,
    verticals: z
      .array(Id)
      .default([])
      .describe(
        'Ids of verticals (from data/verticals.yaml) the story speaks to; the first one drives live figures. Leave out or [] for any vertical.',
      ),
    segments: z
      .array(Id)
      .default([])
      .describe(
        'Ids of segments (from data/segments.yaml) the story speaks to; the first one drives live figures. Leave out or [] for any segment.',
      ),
    keyMessages: z
      .array(SlideBullet)
      .min(1, 'at least one key message')
      .max(5, 'at most five key messages (a deck slide holds five)')
      .describe(
        'What the partner reads: the bullets of the deck\'s story slide, one sentence each, addressed to the partner ("you"). What the recruiter should say goes in `speakerNotes`.',
      ),
    speakerNotes: z
      .array(Text)
      .default([])
      .describe(
        "What the recruiter needs: said, never shown. The deck's speaker notes for the story slide, after the summary.",
      ),
    status: z
      .enum(STORY_STATUSES)
      .describe('draft: shown by `npm run dev` only; published: on the built site and in decks.'),
    owner: Text.describe('Who keeps this story true.'),
    lastReviewed: ReviewDate.describe(
      'When it was last checked; `partnerkit validate` warns when it gets old.',
    ),
    sources: z
      .array(Source)
      .default([])
      .describe('Sources the story cites with <Cite source="id" />, numbered in this order.'),
  })
  .describe('Frontmatter of a recruiting story.');
export type StoryFrontmatter = z.infer<typeof StoryFrontmatter>;

/** Frontmatter of `content/guide/*.mdx`: pages for marketers about the kit itself. */
export const GuideFrontmatter = z
  .strictObject({
    title: Text.describe('Page title.'),
    summary: Text.describe('One line on what the page covers.'),
    owner: Text.describe('Who keeps this page true.'),
    lastReviewed: ReviewDate.describe('When it was last checked.'),
  })
  .describe('Frontmatter of a guide page.');
export type GuideFrontmatter = z.infer<typeof GuideFrontmatter>;
