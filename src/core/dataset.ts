import type { PartnerType } from './schema/partner-type.ts';
import type { Segment, Vertical } from './schema/market.ts';
import type { Vendor } from './schema/vendor.ts';
import type { Source } from './schema/common.ts';

/** Everything in `data/`, validated. The one input to pages, the CLI and the engine. */
export interface Dataset {
  vendor: Vendor;
  partnerTypes: PartnerType[];
  verticals: Vertical[];
  segments: Segment[];
  /** Sources cited by `verticals.yaml` and `segments.yaml`. */
  verticalSources: Source[];
  segmentSources: Source[];
}

export const partnerTypeById = (d: Dataset, id: string) => d.partnerTypes.find((t) => t.id === id);
export const verticalById = (d: Dataset, id: string) => d.verticals.find((v) => v.id === id);
export const segmentById = (d: Dataset, id: string) => d.segments.find((s) => s.id === id);
export const productById = (d: Dataset, id: string) => d.vendor.products.find((p) => p.id === id);
