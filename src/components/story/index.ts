// The components marketers use in MDX without importing them: pages pass this map to
// <Content components={storyComponents} />. Its keys must match STORY_COMPONENTS in the core,
// which the validator checks tags against (a test keeps the two in step).
import Callout from './Callout.astro';
import Cite from './Cite.astro';
import Figure from './Figure.astro';
import Objection from './Objection.astro';
import Quote from './Quote.astro';

export const storyComponents = { Figure, Cite, Callout, Quote, Objection };
export { setStoryContext, type StoryRenderContext } from './context.ts';
