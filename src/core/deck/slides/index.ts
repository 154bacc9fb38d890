/** Every slide kind's builder, and the section it belongs to, by the kind a sequence names. */
import type { SectionKey, SlideKind } from '../../schema/template.ts';
import type { SlideBuilder } from '../context.ts';
import { businessCaseSlide } from './business-case.ts';
import { clientsAndReputationSlide } from './clients-and-reputation.ts';
import { closingSlide } from './closing.ts';
import { collaborationSlide } from './collaboration.ts';
import { decisionMakersSlide } from './decision-makers.ts';
import { earningsSlide } from './earnings.ts';
import { headlineSlide } from './headline.ts';
import { investmentSlide } from './investment.ts';
import { nextStepsSlide } from './next-steps.ts';
import { objectionsSlide } from './objections.ts';
import { opportunitySlide } from './opportunity.ts';
import { playSlide } from './play.ts';
import { revenueMixSlide } from './revenue-mix.ts';
import { sourcesSlide } from './sources.ts';
import { storySlide } from './story.ts';
import { tiersSlide } from './tiers.ts';
import { titleSlide } from './title.ts';

export const SLIDES: Record<SlideKind, SlideBuilder> = {
  title: titleSlide,
  earnings: earningsSlide,
  'clients-and-reputation': clientsAndReputationSlide,
  'revenue-mix': revenueMixSlide,
  opportunity: opportunitySlide,
  headline: headlineSlide,
  'business-case': businessCaseSlide,
  story: storySlide,
  'decision-makers': decisionMakersSlide,
  tiers: tiersSlide,
  investment: investmentSlide,
  collaboration: collaborationSlide,
  play: playSlide,
  objections: objectionsSlide,
  'next-steps': nextStepsSlide,
  closing: closingSlide,
  sources: sourcesSlide,
};

/**
 * The section each kind belongs to unless its sequence says otherwise: their money, the
 * opportunity, the case, the program, next steps, then the appendix. The title and closing
 * slides stand outside the sections.
 */
export const SECTION_OF: Record<SlideKind, SectionKey | undefined> = {
  title: undefined,
  earnings: 'money',
  'revenue-mix': 'money',
  opportunity: 'opportunity',
  headline: 'case',
  'business-case': 'case',
  investment: 'case',
  story: 'case',
  tiers: 'program',
  'clients-and-reputation': 'program',
  'decision-makers': 'program',
  collaboration: 'program',
  play: 'program',
  objections: 'program',
  'next-steps': 'next',
  closing: undefined,
  sources: 'appendix',
};
