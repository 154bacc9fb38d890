import { z } from 'zod';
import { HexColour, Id, Text } from './common.ts';
import { JourneyRole, StreamKind } from './partner-type.ts';

/**
 * Deck templates in `templates/`: the brand theme (`theme.yaml`) and one slide sequence per
 * audience (`sequences/*.yaml`). Marketers restyle and reorder decks here, never in code.
 */

/** A font family name; written into the PPTX as-is, so only letters, digits, spaces and dashes. */
export const FontName = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9 -]{0,40}$/,
    'a font family name such as "Arial" (letters, digits, spaces and dashes)',
  )
  .describe('Font family installed on the recruiter\'s machine, e.g. "Arial" or "Calibri".');

export const Theme = z
  .strictObject({
    name: Text.describe('Name of this theme, for people editing it.'),
    colours: z
      .strictObject({
        primary: HexColour.describe('Title bar, headings and the first chart series.'),
        secondary: HexColour.describe('Second accents.'),
        accent: HexColour.describe('Highlights such as key figures.'),
        text: HexColour.describe('Body text.'),
        muted: HexColour.describe('Footer, notes under charts and table rules.'),
        background: HexColour.describe('Slide background.'),
        chart: z
          .array(HexColour)
          .min(3, 'at least three chart colours')
          .describe(
            'Series colours in order; hex only (colour names break PowerPoint charts, pptxgenjs #588).',
          ),
      })
      .describe('Colours, all six-digit hex.'),
    fonts: z
      .strictObject({
        heading: FontName.describe('Font for slide titles.'),
        body: FontName.describe('Font for body text, tables and charts.'),
      })
      .describe(
        'Fonts; decks name them, so pick fonts recruiters have (Arial, Calibri, Segoe UI...).',
      ),
    logo: z
      .strictObject({
        file: z
          .string()
          .regex(
            /^[A-Za-z0-9._/-]+\.(png|jpe?g)$/i,
            'a PNG or JPEG file name inside templates/, like "logo.png"',
          )
          .describe(
            'PNG or JPEG inside templates/; embedded into each deck as data, never fetched.',
          ),
        height: z
          .number()
          .min(0.2)
          .max(1.5)
          .describe('Height on the slide, in inches; the width follows the image.'),
        alt: Text.describe('Text read out instead of the logo.'),
      })
      .describe('The vendor logo on the title slide and in the master slide.'),
    footer: Text.max(160, 'at most 160 characters').describe(
      'Footer on every slide; {vendor}, {prospect} and {type} are replaced.',
    ),
  })
  .describe('Brand theme for recruiting decks.');
export type Theme = z.infer<typeof Theme>;

export const SLIDE_KINDS = [
  'title',
  'earnings',
  'clients-and-reputation',
  'revenue-mix',
  'opportunity',
  'business-case',
  'story',
  'decision-makers',
  'tiers',
  'investment',
  'collaboration',
  'objections',
  'next-steps',
  'sources',
] as const;
/** What a slide shows; each kind is built from the data by the deck model. */
export const SlideKind = z
  .enum(SLIDE_KINDS)
  .describe('Which slide: its content comes from the data.');
export type SlideKind = z.infer<typeof SlideKind>;

export const TIER_BENEFITS = [
  'discount',
  'rebate',
  'mdfRate',
  'referralFee',
  'coSell',
  'nfrLicences',
  'trainingVouchers',
  'privateOffers',
  'programFeeAnnual',
] as const;
export const TierBenefitKey = z.enum(TIER_BENEFITS);
export type TierBenefitKey = z.infer<typeof TierBenefitKey>;
/** Benefits that are margin-and-rebate talk: never in a deck for partners who do not resell. */
export const RESALE_BENEFITS: readonly TierBenefitKey[] = ['discount', 'rebate', 'mdfRate'];

export const SequenceSlide = z
  .strictObject({
    kind: SlideKind,
    title: Text.max(120)
      .optional()
      .describe('Title instead of the default; {vendor}, {prospect} and {type} are replaced.'),
    notes: Text.optional().describe('Talk track said before the generated speaker notes.'),
    benefits: z
      .array(TierBenefitKey)
      .min(1)
      .optional()
      .describe('For a `tiers` slide: the benefit columns, in order.'),
  })
  .describe('One slide in the sequence.');
export type SequenceSlide = z.infer<typeof SequenceSlide>;

export const Sequence = z
  .strictObject({
    id: Id.describe('Sequence id; must equal the file name without .yaml.'),
    name: Text.describe('Who this deck is for, in a sentence fragment.'),
    appliesTo: z
      .strictObject({
        transacts: z
          .boolean()
          .optional()
          .describe('Only partner types that resell (true) or do not (false).'),
        journeyRoles: z
          .array(JourneyRole)
          .min(1)
          .optional()
          .describe('Only types with at least one of these journey roles.'),
        streams: z
          .array(StreamKind)
          .min(1)
          .optional()
          .describe('Only types whose business case models one of these streams.'),
      })
      .describe(
        'Which partner types get this deck; the sequence matching the most conditions wins.',
      ),
    slides: z.array(SequenceSlide).min(2).describe('Slides in order.'),
  })
  .superRefine((s, ctx) => {
    if (s.slides[0]?.kind !== 'title')
      ctx.addIssue({
        code: 'custom',
        path: ['slides', 0, 'kind'],
        message: 'a deck opens with its co-branded `title` slide',
        input: s.slides[0]?.kind,
      });
    const seen = new Set<string>();
    s.slides.forEach((slide, i) => {
      if (seen.has(slide.kind))
        ctx.addIssue({
          code: 'custom',
          path: ['slides', i, 'kind'],
          message: `slide kind \`${slide.kind}\` appears twice`,
          input: slide.kind,
        });
      seen.add(slide.kind);
      if (slide.benefits && slide.kind !== 'tiers')
        ctx.addIssue({
          code: 'custom',
          path: ['slides', i, 'benefits'],
          message: '`benefits` only applies to a `tiers` slide',
          input: slide.benefits,
        });
    });
    if (s.appliesTo.transacts === false) {
      // An influence or advisory deck leads with what the partner earns, never with discounts and rebates.
      if (s.slides[1]?.kind !== 'earnings')
        ctx.addIssue({
          code: 'custom',
          path: ['slides', 1, 'kind'],
          message:
            'a deck for partners who do not resell leads with `earnings` right after the title',
          input: s.slides[1]?.kind,
        });
      s.slides.forEach((slide, i) => {
        if (
          slide.kind === 'tiers' &&
          (slide.benefits ?? []).some((b) => RESALE_BENEFITS.includes(b))
        )
          ctx.addIssue({
            code: 'custom',
            path: ['slides', i, 'benefits'],
            message:
              'discount, rebate and MDF put off partners who do not resell: leave them out of this deck',
            input: slide.benefits,
          });
        if (slide.kind === 'tiers' && !slide.benefits)
          ctx.addIssue({
            code: 'custom',
            path: ['slides', i, 'benefits'],
            message: 'list the `benefits` to show (without discount, rebate and MDF)',
            input: undefined,
          });
      });
    }
  })
  .describe("The slide sequence of one audience's deck.");
export type Sequence = z.infer<typeof Sequence>;
