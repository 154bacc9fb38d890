import { z } from 'zod';
import { Id, Source, Text } from './common.ts';
import { AssumptionModifiers } from './assumptions.ts';

const marketEntry = (what: string) =>
  z
    .strictObject({
      id: Id.describe(`${what} id.`),
      name: Text.describe(`${what} name.`),
      description: Text.describe('One line for recruiters.'),
      talkingPoints: z
        .array(Text)
        .min(1)
        .describe('Points a recruiter raises with a partner serving it.'),
      modifiers: AssumptionModifiers,
    })
    .describe(`A ${what.toLowerCase()} with talking points and business-case modifiers.`);

export const Vertical = marketEntry('Vertical');
export type Vertical = z.infer<typeof Vertical>;
export const Segment = marketEntry('Segment');
export type Segment = z.infer<typeof Segment>;

export const VerticalsFile = z
  .strictObject({ verticals: z.array(Vertical).min(1), sources: z.array(Source) })
  .describe('Customer verticals.');
export const SegmentsFile = z
  .strictObject({ segments: z.array(Segment).min(1), sources: z.array(Source) })
  .describe('Customer size segments.');
export type VerticalsFile = z.infer<typeof VerticalsFile>;
export type SegmentsFile = z.infer<typeof SegmentsFile>;
