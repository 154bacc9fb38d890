import { z } from 'zod';
import { HexColour, Id, Text } from './common.ts';
import { JourneyRole, StreamKind } from './partner-type.ts';
import { RESALE_BENEFITS, TIER_BENEFITS } from '../tier-benefits.ts';

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
        surface: HexColour.describe(
          'Fill of cards, key-figure tiles and table stripes: a tint a shade off the background.',
        ),
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
        "Fonts; decks name them, so pick fonts PowerPoint has on every machine (Calibri, Arial). Text is fitted to its box with Calibri's and Arial's real widths; other fonts are estimated.",
      ),
    type: z
      .strictObject({
        title: z
          .number()
          .min(20)
          .max(40)
          .describe('Largest size of slide titles, in points (they shrink to fit two lines).'),
        body: z
          .number()
          .min(12)
          .max(28)
          .describe('Largest size of body text and cards, in points.'),
        figure: z
          .number()
          .min(28)
          .max(80)
          .describe('Size of the big numbers on key-figure slides, in points.'),
        small: z
          .number()
          .min(9)
          .max(14)
          .describe('Size of notes under charts, sources and labels, in points.'),
      })
      .describe('Type scale, in points; text shrinks below these only when a box is full.'),
    grid: z
      .strictObject({
        margin: z.number().min(0.3).max(1.2).describe('Left and right slide margin, in inches.'),
        columns: z.number().int().min(4).max(16).describe('Columns of the layout grid.'),
        gutter: z
          .number()
          .min(0.1)
          .max(0.6)
          .describe('Space between columns and between cards, in inches.'),
      })
      .describe('The layout grid every slide is placed on (slides are 13.33 x 7.5 inches).'),
    sections: z
      .strictObject({
        money: Text.max(40).describe("Label of the slides about the partner's own money."),
        opportunity: Text.max(40).describe('Label of the market-opportunity slides.'),
        case: Text.max(40).describe('Label of the business-case slides.'),
        program: Text.max(40).describe('Label of the slides about the partner program.'),
        next: Text.max(40).describe('Label of the next-steps slides.'),
        appendix: Text.max(40).describe('Label of the appendix (sources).'),
      })
      .describe('Section labels shown above each slide title, in deck order.'),
    logo: z
      .strictObject({
        file: z
          .string()
          .regex(
            /^(?!.*(?:^|\/)\.\.?(?:\/|$))[A-Za-z0-9_-][A-Za-z0-9._/-]*\.(png|jpe?g)$/i,
            'a PNG or JPEG file name inside templates/, like "logo.png" (no "..", no leading "/")',
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
  'headline',
  'business-case',
  'story',
  'decision-makers',
  'tiers',
  'investment',
  'collaboration',
  'play',
  'objections',
  'next-steps',
  'closing',
  'sources',
] as const;
/** What a slide shows; each kind is built from the data by the deck model. */
export const SlideKind = z
  .enum(SLIDE_KINDS)
  .describe('Which slide: its content comes from the data.');
export type SlideKind = z.infer<typeof SlideKind>;

export const SECTION_KEYS = [
  'money',
  'opportunity',
  'case',
  'program',
  'next',
  'appendix',
] as const;
/** Which section a slide belongs to; its label (theme.yaml `sections`) is shown above the title. */
export const SectionKey = z
  .enum(SECTION_KEYS)
  .describe('money, opportunity, case, program, next or appendix.');
export type SectionKey = z.infer<typeof SectionKey>;

export { TIER_BENEFITS, RESALE_BENEFITS };
export const TierBenefitKey = z.enum(TIER_BENEFITS);
export type TierBenefitKey = z.infer<typeof TierBenefitKey>;

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
    section: SectionKey.optional().describe(
      "Section the slide belongs to, when not its kind's usual one.",
    ),
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
