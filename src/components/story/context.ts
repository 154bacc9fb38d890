// What the story components need to know about the page they are on. A page sets it with
// `setStoryContext(Astro.locals, ...)` before rendering <Content />, so marketers write
// <Figure name="paybackMonth" /> with no other props. Locals live for one page render.
import type { Source } from '../../core/schema/common.ts';
import type { StoryCaseInputs } from '../../core/stories/figures.ts';

export interface StoryRenderContext {
  /** The file being rendered, for build errors. */
  file: string;
  /** The business-case inputs for live figures: the story's first type, vertical and segment. */
  inputs?: StoryCaseInputs | undefined;
  /** The sources <Cite> and <Quote> number, in frontmatter order. */
  sources: Source[];
}

const KEY = 'partnerkitStory';
type Locals = Record<string, unknown>;

export function setStoryContext(locals: object, ctx: StoryRenderContext): void {
  (locals as Locals)[KEY] = ctx;
}

export function storyContext(locals: object, component: string): StoryRenderContext {
  const ctx = (locals as Locals)[KEY] as StoryRenderContext | undefined;
  if (!ctx)
    throw new Error(
      `<${component}> is used outside a story, playbook or guide page: it has nothing to read figures and sources from.`,
    );
  return ctx;
}

/** A source's number in the story (1-based), or 0 if the story does not list it. */
export const sourceNumber = (ctx: StoryRenderContext, id: string): number =>
  ctx.sources.findIndex((s) => s.id === id) + 1;
