import { z } from 'zod';
import {
  citation,
  citationMessage,
  exactlyOneCitation,
  Figure,
  Id,
  Source,
  Text,
} from './common.ts';

export const Region = z
  .strictObject({
    id: Id.describe('Region id, used by targets and partners.'),
    name: Text.describe('Region name shown on the map.'),
  })
  .describe("A sales region (where the customers are, not the partner's office).");
export type Region = z.infer<typeof Region>;

export const PRIORITIES = ['high', 'normal', 'low'] as const;
export const Priority = z.enum(PRIORITIES).describe('high, normal or low.');
export type Priority = z.infer<typeof Priority>;

/** How many active partners of a type one cell of the map needs. */
export const Target = z
  .strictObject({
    type: Id.describe('Partner type id.'),
    vertical: Id.optional().describe(
      'Vertical id; leave out to set the same target for every vertical.',
    ),
    segment: Id.optional().describe(
      'Segment id; leave out to set the same target for every segment.',
    ),
    region: Id.optional().describe('Region id; leave out to set the same target for every region.'),
    minActive: z
      .int()
      .min(1, 'at least 1 (leave the target out for cells that need none)')
      .describe('Active partners the cell needs.'),
    minCapacity: z
      .number()
      .min(0)
      .optional()
      .describe('Capacity the cell needs, in the unit of `capacityUnit`.'),
    priority: Priority.optional().describe('Ranks gaps in the recruit-next list (default normal).'),
    ...citation,
  })
  .refine(exactlyOneCitation, citationMessage)
  .describe(
    'A coverage target; the most specific target wins where several match a cell, and targets as specific as each other may not overlap.',
  );
export type Target = z.infer<typeof Target>;

export const CoverageFile = z
  .strictObject({
    activeMeans: Text.describe(
      'What makes a partner active (only active partners count against targets).',
    ),
    capacityUnit: Text.describe(
      'What partner capacity counts, e.g. "new customers a quarter"; partners and targets use it.',
    ),
    crowdedAbove: Figure.describe(
      'A cell is crowded (channel conflict) when it has more than this many times its target of active partners.',
    ),
    regions: z
      .array(Region)
      .optional()
      .describe('Regions, when the map is split by region; leave out for one map.'),
    targets: z.array(Target).describe('Targets per partner type, vertical, segment and region.'),
    sources: z.array(Source).describe('Sources cited by this file.'),
  })
  .describe('Coverage targets: how many active partners each cell of the market needs.');
export type CoverageFile = z.infer<typeof CoverageFile>;

export const PARTNER_STATUSES = ['enrolled', 'active', 'dormant'] as const;
export const PartnerStatus = z
  .enum(PARTNER_STATUSES)
  .describe('enrolled (signed, nothing sold yet), active or dormant.');
export type PartnerStatus = z.infer<typeof PartnerStatus>;

/** One partner the vendor has. */
export const Partner = z
  .strictObject({
    id: Id.describe('Partner id.'),
    name: Text.describe('Company name.'),
    type: Id.describe('Partner type id.'),
    status: PartnerStatus,
    verticals: z
      .array(Id)
      .min(1)
      .optional()
      .describe('Verticals it serves; leave out for a generalist that serves every vertical.'),
    segments: z
      .array(Id)
      .min(1)
      .optional()
      .describe('Segments it serves; leave out for every segment.'),
    regions: z
      .array(Id)
      .min(1)
      .optional()
      .describe('Regions whose customers it serves; leave out for every region.'),
    capacity: z
      .number()
      .min(0)
      .describe(
        "Capacity for the vendor's products, in coverage.yaml's `capacityUnit`; split evenly over the cells it serves.",
      ),
    products: z
      .array(Id)
      .optional()
      .describe("Ids of the vendor's products it sells or delivers today."),
  })
  .describe('A partner in the program.');
export type Partner = z.infer<typeof Partner>;

export const PartnersFile = z
  .strictObject({
    partners: z.array(Partner).describe('The partners the vendor has today.'),
    sources: z.array(Source).describe('Sources cited by this file.'),
  })
  .describe('The partners the vendor has: type, where they sell, status and capacity.');
export type PartnersFile = z.infer<typeof PartnersFile>;
