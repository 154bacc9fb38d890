/** Every slide kind's builder, by the kind a sequence names. */
import type { SlideKind } from '../../schema/template.ts';
import type { SlideBuilder } from '../context.ts';
import { businessCaseSlide } from './business-case.ts';
import { clientsAndReputationSlide } from './clients-and-reputation.ts';
import { collaborationSlide } from './collaboration.ts';
import { decisionMakersSlide } from './decision-makers.ts';
import { earningsSlide } from './earnings.ts';
import { investmentSlide } from './investment.ts';
import { nextStepsSlide } from './next-steps.ts';
import { objectionsSlide } from './objections.ts';
import { opportunitySlide } from './opportunity.ts';
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
  'business-case': businessCaseSlide,
  story: storySlide,
  'decision-makers': decisionMakersSlide,
  tiers: tiersSlide,
  investment: investmentSlide,
  collaboration: collaborationSlide,
  objections: objectionsSlide,
  'next-steps': nextStepsSlide,
  sources: sourcesSlide,
};
