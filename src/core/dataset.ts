import type { PartnerType } from './schema/partner-type.ts';
import type { Segment, Vertical } from './schema/market.ts';
import type { Vendor } from './schema/vendor.ts';
import type { Source } from './schema/common.ts';
import type { CoverageFile, PartnersFile } from './schema/coverage.ts';
import type { PlaysFile } from './schema/plays.ts';
import type { RoutesFile } from './schema/routes.ts';

/** Everything in `data/`, validated. The one input to pages, the CLI and the engine. */
export interface Dataset {
  vendor: Vendor;
  partnerTypes: PartnerType[];
  verticals: Vertical[];
  segments: Segment[];
  /** Sources cited by `verticals.yaml` and `segments.yaml`. */
  verticalSources: Source[];
  segmentSources: Source[];
  /** The optional ecosystem files: routes per product, coverage targets, partners, plays. */
  routes?: RoutesFile | undefined;
  coverage?: CoverageFile | undefined;
  partners?: PartnersFile | undefined;
  plays?: PlaysFile | undefined;
}

// Indexes of a type list, built once per list: a build looks types up by id on every page, and
// a scan per lookup made a site of N types cost N² (found by `npm run bench` at 5,000 types).
// Datasets are never mutated after loading, so an index stays true for its list.
const typeIndexes = new WeakMap<
  readonly PartnerType[],
  { byId: Map<string, PartnerType>; position: Map<string, number> }
>();

function indexed(types: readonly PartnerType[]) {
  let index = typeIndexes.get(types);
  if (!index)
    typeIndexes.set(
      types,
      (index = {
        byId: new Map(types.map((t) => [t.id, t])),
        position: new Map(types.map((t, i) => [t.id, i])),
      }),
    );
  return index;
}

/** The partner types of a list by id, in the list's order. */
export const typeIndex = (types: readonly PartnerType[]): ReadonlyMap<string, PartnerType> =>
  indexed(types).byId;

export const partnerTypeById = (d: Dataset, id: string) => indexed(d.partnerTypes).byId.get(id);

/** The types named by `ids` (unknown ids skipped), in the dataset's order, each once. */
export function typesByIds(d: Dataset, ids: readonly string[]): PartnerType[] {
  const { byId, position } = indexed(d.partnerTypes);
  const wanted = [...new Set(ids)].filter((id) => byId.has(id));
  if (wanted.length === byId.size) return d.partnerTypes;
  return wanted.sort((a, b) => position.get(a)! - position.get(b)!).map((id) => byId.get(id)!);
}
export const verticalById = (d: Dataset, id: string) => d.verticals.find((v) => v.id === id);
export const segmentById = (d: Dataset, id: string) => d.segments.find((s) => s.id === id);
export const productById = (d: Dataset, id: string) => d.vendor.products.find((p) => p.id === id);
