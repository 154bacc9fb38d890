import { z } from 'zod';
import {
  CoverageFile,
  PartnersFile,
  PartnerType,
  PlaysFile,
  RoutesFile,
  SegmentsFile,
  Vendor,
  VerticalsFile,
} from './schema/index.ts';
import { Sequence, Theme } from './schema/template.ts';

/** The JSON Schemas editors use for completion and squiggles, generated from the zod source. */
export const JSON_SCHEMAS = {
  'vendor.schema.json': Vendor,
  'partner-type.schema.json': PartnerType,
  'verticals.schema.json': VerticalsFile,
  'segments.schema.json': SegmentsFile,
  'routes.schema.json': RoutesFile,
  'coverage.schema.json': CoverageFile,
  'partners.schema.json': PartnersFile,
  'plays.schema.json': PlaysFile,
  'theme.schema.json': Theme,
  'sequence.schema.json': Sequence,
} as const;

export function jsonSchemaText(schema: z.ZodType): string {
  return `${JSON.stringify(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }), null, 2)}\n`;
}
