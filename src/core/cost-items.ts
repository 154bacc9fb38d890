// What adding the line costs the partner, by item: the engine's cost records, their labels
// (src/core/business-case/types.ts) and the names a partner type gives them in its data
// (`businessCase.costNames`, src/core/schema/partner-type.ts) share this list.
/** What adding the line costs the partner: month-0 investment first, then running costs. */
export const COST_ITEMS = [
  'onboarding',
  'practiceBuild',
  'launchMarketing',
  'certifications',
  'salesCapacity',
  'hires',
  'programFees',
  'lab',
  'marketing',
  'costToServe',
  'workingCapital',
] as const;
export type CostItem = (typeof COST_ITEMS)[number];
