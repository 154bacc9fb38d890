import { z } from 'zod';

// No eval: zod compiles object parsers with `new Function` when it may, and probing for that
// is itself a violation of the site's Content Security Policy (no 'unsafe-eval') in the
// browser. Every schema imports this file, so this runs before any parse, in Node and browser.
z.config({ jitless: true });

/** Kebab-case identifier used in file names, URLs and cross-references. */
export const Id = z
  .string()
  .regex(
    /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
    'a lower-case id with dashes, like "managed-service-provider"',
  )
  .describe('Lower-case id with dashes; used in URLs and cross-references.');

/** Non-empty trimmed prose. */
export const Text = z.string().trim().min(1, 'some text (it is empty)');

/** A fraction between 0 and 1, written as a decimal (0.25 = 25%). */
export const Fraction = z
  .number()
  .min(0, 'a fraction between 0 and 1 (0.25 means 25%)')
  .max(1, 'a fraction between 0 and 1 (0.25 means 25%)');

/** A web address; only http(s) so a marketer's typo like "htps://" is caught. */
export const Url = z.url({
  protocol: /^https?$/,
  error: 'a web address starting with https:// or http://',
});

/** A hex colour such as "#0B5FFF"; colour names break PowerPoint charts (pptxgenjs #588). */
export const HexColour = z
  .string()
  .regex(
    /^#[0-9A-Fa-f]{6}$/,
    'a six-digit hex colour like "#0B5FFF" (colour names are not allowed)',
  );

/** Where a figure comes from: the id of an entry in the file's `sources`. */
export const SourceRef = Id.describe("Id of an entry in this file's `sources` list.");

/** One cited source. */
export const Source = z
  .strictObject({
    id: Id.describe('Short id that figures point at through `source:`.'),
    title: Text.describe('Title of the page or report, as a reader would search for it.'),
    url: Url.describe('Address of the page the figure was read in.'),
    reliability: z
      .enum(['verified', 'secondary', 'low'])
      .describe(
        "verified: read in the cited page; secondary: a page reporting someone else's figure; low: practitioner or vendor blog.",
      ),
  })
  .describe('A cited source.');
export type Source = z.infer<typeof Source>;

/** The citation fields of a figure: `source:` or `assumption:` (exactly one), and an optional note. */
export const citation = {
  source: SourceRef.optional().describe('Id of the source this figure was read in.'),
  assumption: Text.optional().describe(
    'Why this figure is an assumption (no source): say how it was estimated.',
  ),
  note: Text.optional().describe(
    'Context a recruiter may need, e.g. the year or region the figure is for.',
  ),
};

export const exactlyOneCitation = (f: {
  source?: string | undefined;
  assumption?: string | undefined;
}) => (f.source === undefined) !== (f.assumption === undefined);
export const citationMessage = {
  error:
    'either `source:` (the id of a source) or `assumption:` (why it is an estimate), exactly one of them',
};

/** A single number with where it comes from. Every figure is either sourced or marked as an assumption. */
export const Figure = z
  .strictObject({ value: z.number().describe('The figure itself.'), ...citation })
  .refine(exactlyOneCitation, citationMessage)
  .describe('A number with its source, or marked as an assumption.');
export type Figure = z.infer<typeof Figure>;

/** A range (for example a gross-margin range) with where it comes from. */
export const RangeFigure = z
  .strictObject({
    min: z.number().describe('Low end of the range.'),
    max: z.number().describe('High end of the range.'),
    ...citation,
  })
  .refine(exactlyOneCitation, citationMessage)
  .refine((r) => r.min <= r.max, { error: '`min` no larger than `max`', path: ['max'] })
  .describe('A range with its source, or marked as an assumption.');
export type RangeFigure = z.infer<typeof RangeFigure>;

/** A fraction with citation (0..1). */
export const FractionFigure = z
  .strictObject({ value: Fraction.describe('The fraction (0.25 = 25%).'), ...citation })
  .refine(exactlyOneCitation, citationMessage)
  .describe('A fraction with its source, or marked as an assumption.');

/** A range of fractions with citation. */
export const FractionRange = z
  .strictObject({ min: Fraction, max: Fraction, ...citation })
  .refine(exactlyOneCitation, citationMessage)
  .refine((r) => r.min <= r.max, { error: '`min` no larger than `max`', path: ['max'] })
  .describe('A range of fractions with its source, or marked as an assumption.');

/** A statement with a cited figure, used for market facts and playbook intros. */
export const Fact = z
  .strictObject({
    statement: Text.describe('The fact in a sentence a recruiter can say aloud.'),
    source: SourceRef.describe('Id of the source the fact was read in.'),
  })
  .describe('A sourced statement.');
export type Fact = z.infer<typeof Fact>;
