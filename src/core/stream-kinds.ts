/**
 * The revenue streams the business-case engine can model. Plain data, no zod: the engine and the
 * calculator's browser script read it; src/core/schema/partner-type.ts builds its YAML enum from it.
 */
export const STREAM_KINDS = [
  'resale',
  'rebate',
  'mdf',
  'referral',
  'services',
  'managed',
  'marketplace',
  'training',
  'ip',
] as const;
export type StreamKind = (typeof STREAM_KINDS)[number];
