/**
 * The coverage map: for every partner type x vertical x segment (x region) cell, the target
 * that applies, the partners that serve it, and a status.
 *
 * Rules (the page and the guide say the same):
 * - A target applies to a cell when every field it names matches; a field left out matches
 *   every value. Where several match, the most specific (most fields named) wins.
 * - Only active partners count against a target; enrolled and dormant ones are listed beside
 *   it, since activating them is cheaper than recruiting.
 * - A partner's capacity is split evenly over the cells it serves (every vertical, segment
 *   and region it names, or all of them where it names none), so one partner cannot fill
 *   ten cells with the same people.
 * - Recruit next: gaps and thin cells, by priority, gaps first, then the largest shortfall.
 * - Status: gap (no active partner), thin (fewer active partners or less capacity than the
 *   target), crowded (more than `crowdedAbove` times the target of active partners: channel
 *   conflict), met; untargeted where no target applies.
 */
import type { Dataset } from '../dataset.ts';
import type { CoverageFile, Partner, PartnerStatus, Priority, Target } from '../schema/coverage.ts';
import { toCsv, type Cell } from '../csv.ts';

export const CELL_STATUSES = ['gap', 'thin', 'met', 'crowded', 'untargeted'] as const;
export type CellStatus = (typeof CELL_STATUSES)[number];

export const STATUS_LABELS: Record<CellStatus, string> = {
  gap: 'Gap',
  thin: 'Thin',
  met: 'Met',
  crowded: 'Crowded',
  untargeted: 'No target',
};

/**
 * What a status means, with the data's crowding threshold in it: "more active partners than the
 * target" would call a cell with 2 against a target of 1 crowded, where the rule says met.
 */
export function statusMeaning(status: CellStatus, crowdedAbove: number): string {
  const times = crowdedAbove === 2 ? 'twice' : `${crowdedAbove} times`;
  const meaning: Record<CellStatus, string> = {
    gap: 'no active partner where the target needs some',
    thin: 'fewer active partners, or less capacity, than the target',
    met: `the target is met, with up to ${times} the active partners it asks for`,
    crowded: `more than ${times} the active partners the target asks for: watch for channel conflict`,
    untargeted: 'no target is set for this cell',
  };
  return meaning[status];
}

const PRIORITY_ORDER: Record<Priority, number> = { high: 0, normal: 1, low: 2 };

/** The key of the cell a target names exactly: type|vertical|segment|region, `*` for any. */
export const targetKey = (t: Pick<Target, 'type' | 'vertical' | 'segment' | 'region'>): string =>
  [t.type, t.vertical ?? '*', t.segment ?? '*', t.region ?? '*'].join('|');

const specificity = (t: Target) => (t.vertical ? 1 : 0) + (t.segment ? 1 : 0) + (t.region ? 1 : 0);

const matches = (t: Target, c: CellKey) =>
  t.type === c.type &&
  (!t.vertical || t.vertical === c.vertical) &&
  (!t.segment || t.segment === c.segment) &&
  (!t.region || t.region === c.region);

export interface CellKey {
  type: string;
  vertical: string;
  segment: string;
  /** Set only when coverage.yaml defines regions. */
  region?: string | undefined;
}

interface CellTargets {
  cells: (CellKey & { target?: number | undefined })[];
  /** Cells where two equally specific targets apply: their indexes, and the cell in words. */
  ambiguous: { targets: number[]; label: string }[];
}

/** Every cell and the index of the target that applies to it (the most specific one). */
export function coverageCells(
  coverage: Pick<CoverageFile, 'targets' | 'regions'>,
  typeIds: readonly string[],
  verticalIds: readonly string[],
  segmentIds: readonly string[],
): CellTargets {
  const regions: (string | undefined)[] = coverage.regions?.map((r) => r.id) ?? [undefined];
  const cells: CellTargets['cells'] = [];
  const ambiguous: CellTargets['ambiguous'] = [];
  for (const type of typeIds)
    for (const region of regions)
      for (const vertical of verticalIds)
        for (const segment of segmentIds) {
          const key: CellKey = { type, vertical, segment, ...(region ? { region } : {}) };
          let best: number[] = [];
          let bestSpec = -1;
          coverage.targets.forEach((t, i) => {
            if (!matches(t, key)) return;
            const s = specificity(t);
            if (s > bestSpec) [best, bestSpec] = [[i], s];
            else if (s === bestSpec) best.push(i);
          });
          if (best.length > 1)
            ambiguous.push({
              targets: best,
              label: [type, vertical, segment, region].filter(Boolean).join(' / '),
            });
          cells.push({ ...key, target: best[0] });
        }
  return { cells, ambiguous };
}

export interface CellPartner {
  id: string;
  name: string;
  status: PartnerStatus;
  /** This partner's capacity counted in this cell (its capacity split over its cells). */
  capacity: number;
}

export interface CoverageCell extends CellKey {
  target?: {
    index: number;
    minActive: number;
    minCapacity?: number | undefined;
    priority: Priority;
    source?: string | undefined;
    assumption?: string | undefined;
    note?: string | undefined;
  };
  active: number;
  /** Capacity of the active partners in this cell. */
  capacity: number;
  enrolled: number;
  dormant: number;
  partners: CellPartner[];
  status: CellStatus;
}

/**
 * Find a cell by type, vertical and segment (in a region, when the map has regions) in constant
 * time: a page that looks up every cell of a map of N types with a linear search did N² work.
 */
export function cellFinder<C extends CellKey>(
  cells: readonly C[],
): (type: string, vertical: string, segment: string) => C | undefined {
  const byKey = new Map<string, C>();
  for (const c of cells) {
    const k = `${c.type}\u0000${c.vertical}\u0000${c.segment}`;
    if (!byKey.has(k)) byKey.set(k, c); // the first, as Array.find would give
  }
  return (type, vertical, segment) => byKey.get(`${type}\u0000${vertical}\u0000${segment}`);
}

export interface RecruitItem {
  rank: number;
  cell: CoverageCell;
  /** Active partners still needed (0 when only capacity is short). */
  needPartners: number;
  /** Capacity still needed, in the capacity unit (0 when none is). */
  needCapacity: number;
  /** Enrolled or dormant partners in the cell: activate them before recruiting. */
  toActivate: CellPartner[];
  /** How far below target, 0..1: the larger of the partner and capacity shortfalls. */
  shortfall: number;
}

export interface CoverageMap {
  capacityUnit: string;
  activeMeans: string;
  crowdedAbove: number;
  regions: { id: string; name: string }[];
  cells: CoverageCell[];
  counts: Record<CellStatus, number>;
  partners: { total: number; active: number; enrolled: number; dormant: number };
  recruitNext: RecruitItem[];
}

const EPS = 1e-9;

/** The cells a partner serves, as a predicate, and how many there are (for its capacity split). */
function reach(p: Partner, d: Dataset, regions: readonly string[] | undefined) {
  const v = p.verticals ?? d.verticals.map((x) => x.id);
  const s = p.segments ?? d.segments.map((x) => x.id);
  const r = regions ? (p.regions ?? regions) : [undefined];
  return {
    serves: (c: CellKey) =>
      p.type === c.type &&
      v.includes(c.vertical) &&
      s.includes(c.segment) &&
      (c.region === undefined || (r as string[]).includes(c.region)),
    cells: v.length * s.length * r.length,
  };
}

function statusOf(
  active: number,
  capacity: number,
  target: CoverageCell['target'],
  crowdedAbove: number,
): CellStatus {
  if (!target) return 'untargeted';
  if (active === 0) return 'gap';
  if (active > crowdedAbove * target.minActive) return 'crowded';
  if (active < target.minActive) return 'thin';
  if (target.minCapacity !== undefined && capacity < target.minCapacity - EPS) return 'thin';
  return 'met';
}

/** The coverage map of a dataset; undefined when it has no coverage.yaml. */
export function coverageMap(d: Dataset): CoverageMap | undefined {
  const coverage = d.coverage;
  if (!coverage) return undefined;
  const regionIds = coverage.regions?.map((r) => r.id);
  const { cells: keyed } = coverageCells(
    coverage,
    d.partnerTypes.map((t) => t.id),
    d.verticals.map((v) => v.id),
    d.segments.map((s) => s.id),
  );
  const partners = (d.partners?.partners ?? []).map((p) => ({ p, ...reach(p, d, regionIds) }));
  const crowdedAbove = coverage.crowdedAbove.value;

  const cells = keyed.map(({ target: index, ...key }): CoverageCell => {
    const t = index === undefined ? undefined : coverage.targets[index]!;
    const target: CoverageCell['target'] = t && {
      index: index!,
      minActive: t.minActive,
      minCapacity: t.minCapacity,
      priority: t.priority ?? 'normal',
      source: t.source,
      assumption: t.assumption,
      note: t.note,
    };
    const here: CellPartner[] = partners
      .filter((x) => x.serves(key))
      .map(({ p, cells: n }) => ({
        id: p.id,
        name: p.name,
        status: p.status,
        capacity: n > 0 ? p.capacity / n : 0,
      }));
    const active = here.filter((p) => p.status === 'active');
    const capacity = active.reduce((s, p) => s + p.capacity, 0);
    return {
      ...key,
      ...(target ? { target } : {}),
      active: active.length,
      capacity,
      enrolled: here.filter((p) => p.status === 'enrolled').length,
      dormant: here.filter((p) => p.status === 'dormant').length,
      partners: here,
      status: statusOf(active.length, capacity, target, crowdedAbove),
    };
  });

  const counts = Object.fromEntries(CELL_STATUSES.map((s) => [s, 0])) as Record<CellStatus, number>;
  for (const c of cells) counts[c.status]++;
  const all = d.partners?.partners ?? [];
  return {
    capacityUnit: coverage.capacityUnit,
    activeMeans: coverage.activeMeans,
    crowdedAbove,
    regions: coverage.regions?.map((r) => ({ id: r.id, name: r.name })) ?? [],
    cells,
    counts,
    partners: {
      total: all.length,
      active: all.filter((p) => p.status === 'active').length,
      enrolled: all.filter((p) => p.status === 'enrolled').length,
      dormant: all.filter((p) => p.status === 'dormant').length,
    },
    recruitNext: recruitNext(cells),
  };
}

/**
 * Gaps and thin cells, ranked: by the target's priority, then gaps before thin cells, then by
 * how far below target the cell is, then in the data's order (type, region, vertical, segment).
 */
export function recruitNext(cells: readonly CoverageCell[]): RecruitItem[] {
  const items = cells.flatMap((cell, order) => {
    const t = cell.target;
    if (!t || (cell.status !== 'gap' && cell.status !== 'thin')) return [];
    const needPartners = Math.max(0, t.minActive - cell.active);
    const needCapacity =
      t.minCapacity !== undefined ? Math.max(0, t.minCapacity - cell.capacity) : 0;
    const shortfall = Math.max(
      needPartners / t.minActive,
      t.minCapacity ? needCapacity / t.minCapacity : 0,
    );
    const toActivate = cell.partners.filter((p) => p.status !== 'active');
    return [{ cell, needPartners, needCapacity, toActivate, shortfall, order }];
  });
  items.sort(
    (a, b) =>
      PRIORITY_ORDER[a.cell.target!.priority] - PRIORITY_ORDER[b.cell.target!.priority] ||
      (a.cell.status === 'gap' ? 0 : 1) - (b.cell.status === 'gap' ? 0 : 1) ||
      b.shortfall - a.shortfall ||
      a.order - b.order,
  );
  return items.map(({ order: _order, ...item }, i) => ({ rank: i + 1, ...item }));
}

export const COVERAGE_CSV_HEADER = [
  'type',
  'region',
  'vertical',
  'segment',
  'status',
  'active',
  'target_active',
  'capacity',
  'target_capacity',
  'priority',
  'enrolled',
  'dormant',
  'partners',
] as const;

/** The map as CSV (one row per cell): the page's download and `partnerkit coverage --csv`. */
export function coverageCsv(map: CoverageMap): string {
  const rows: Cell[][] = map.cells.map((c) => [
    c.type,
    c.region ?? '',
    c.vertical,
    c.segment,
    c.status,
    c.active,
    c.target?.minActive ?? '',
    Math.round(c.capacity * 100) / 100,
    c.target?.minCapacity ?? '',
    c.target?.priority ?? '',
    c.enrolled,
    c.dormant,
    c.partners.map((p) => `${p.name} (${p.status})`).join('; '),
  ]);
  return toCsv(COVERAGE_CSV_HEADER, rows);
}
