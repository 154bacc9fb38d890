/**
 * The MDX components marketers may use in stories, playbooks and the guide, without importing
 * anything: the single list the validator checks tags against and the pages provide.
 */
import { FIGURE_NAMES } from './figures.ts';

export interface PropSpec {
  required?: boolean;
  /** Allowed literal values, when the prop is a choice. */
  values?: readonly string[];
  /**
   * Where the allowed values come from when they depend on the file or the data (checked by the
   * validator): a source of the frontmatter, or a case token (src/core/prose-tokens.ts).
   */
  ref?: 'source' | 'case-token';
  help: string;
}

export interface ComponentSpec {
  help: string;
  example: string;
  props: Record<string, PropSpec>;
}

export const CALLOUT_KINDS = ['note', 'tip', 'warning'] as const;

export const STORY_COMPONENTS = {
  Figure: {
    help: "A live figure from the business case for the story's first partner type, vertical and segment: always what the calculator shows for the same inputs.",
    example: '<Figure name="paybackMonth" />',
    props: { name: { required: true, values: FIGURE_NAMES, help: 'Which figure.' } },
  },
  CaseValue: {
    help: "A value the story's business case uses or gives, from the same case as <Figure> (its first type, vertical and segment), so a sentence about what the case assumes cannot drift from it. Names are the prose tokens: assumption.<key>, figure.<name>, grossProfit.<stream>, revenue.<stream>, share.<stream>, cost.<item>, tier.<id>.<benefit>, horizon.",
    example: '<CaseValue of="assumption.hires" />',
    props: {
      of: {
        required: true,
        ref: 'case-token',
        help: 'Which value, e.g. assumption.hires or grossProfit.resale.',
      },
    },
  },
  Cite: {
    help: "A numbered reference to one of the story's `sources`; the list is printed at the end of the story.",
    example: '<Cite source="service-leadership-2024" />',
    props: {
      source: {
        required: true,
        ref: 'source',
        help: 'Id of an entry in the frontmatter `sources`.',
      },
    },
  },
  Callout: {
    help: 'A highlighted box for a point the recruiter must not miss.',
    example: '<Callout kind="tip" title="Lead with services">Text in Markdown.</Callout>',
    props: {
      kind: { values: CALLOUT_KINDS, help: 'note (default), tip or warning.' },
      title: { help: 'Optional heading of the box.' },
    },
  },
  Quote: {
    help: 'A quotation from a cited source, attributed.',
    example:
      '<Quote by="SAP" source="sap-reseller-margins">Reseller margin could be 1% or 30%.</Quote>',
    props: {
      by: { required: true, help: 'Who said or wrote it.' },
      source: {
        ref: 'source',
        help: 'Id of the source it was read in (shown as a numbered reference).',
      },
    },
  },
  Objection: {
    help: 'An objection the partner raises, in their words, and the answer in their economics.',
    example:
      '<Objection says="We cannot staff another practice.">The answer, in Markdown.</Objection>',
    props: { says: { required: true, help: 'What the partner says.' } },
  },
} as const satisfies Record<string, ComponentSpec>;

export type StoryComponentName = keyof typeof STORY_COMPONENTS;
export const STORY_COMPONENT_NAMES = Object.keys(STORY_COMPONENTS) as StoryComponentName[];
export const isStoryComponent = (name: string): name is StoryComponentName =>
  Object.hasOwn(STORY_COMPONENTS, name);
