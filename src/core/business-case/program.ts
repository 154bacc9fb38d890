/**
 * The vendor's partner program as the engine reads it: the metrics the vendor records, which
 * partner types can produce each, the tiers' gates on those metrics, and what a type needs to
 * use each benefit. `tierProgress` is the one place that says when each tier is reached and
 * what locks it: the business case calls it for every lane of every run, and the program audit
 * calls it for every type, so a case and the audit always agree.
 *
 * Without a `program` in data/vendor.yaml, every type produces every metric of a default set
 * (revenue, certified people, deals, customer satisfaction, published content) and may use
 * every benefit.
 */
import type { Program, ProgramMetric, Tier, TierGate, Vendor } from '../schema/vendor.ts';
import { BENEFIT_KEYS, type BenefitKey, type MetricMeasure } from '../program-keys.ts';

/** What the case counts for a metric, month by month (see `measuresFor` in simulate.ts). */
export type MeasureSeries = Record<MetricMeasure, ArrayLike<number>>;

/** One measure a metric adds up, for the types that produce it. */
export interface MetricTerm {
  measure: MetricMeasure;
  weight: number;
  /** The metric that produces it (a composite metric adds up others). */
  from: string;
  producedBy: 'all' | ReadonlySet<string>;
}

export interface ProgramMetricModel {
  id: string;
  name: string;
  description: string;
  unit: ProgramMetric['unit'];
  terms: MetricTerm[];
}

export interface ProgramModel {
  metrics: ReadonlyMap<string, ProgramMetricModel>;
  /** What each benefit needs: any of these metrics (none: every type can use it), and why. */
  benefits: ReadonlyMap<BenefitKey, { needs: readonly string[]; why: string }>;
}

/** The metrics every program has when the vendor's data names none. */
export const DEFAULT_PROGRAM: Program = {
  metrics: [
    {
      id: 'revenue',
      name: 'Revenue',
      description: "Yearly sales or influenced revenue of the vendor's line.",
      unit: 'currency',
      counts: 'bookings',
      producedBy: 'all',
    },
    {
      id: 'certified-people',
      name: 'Certified people',
      description: 'People holding a current certification.',
      unit: 'count',
      counts: 'certified-people',
      producedBy: 'all',
    },
    {
      id: 'deals',
      name: 'Deals',
      description: 'Deals registered or influenced in the last 12 months.',
      unit: 'count',
      counts: 'new-customers',
      producedBy: 'all',
    },
    {
      id: 'customer-satisfaction',
      name: 'Customer satisfaction',
      description: 'Customer-satisfaction score (0-100).',
      unit: 'score',
      counts: 'satisfaction',
      producedBy: 'all',
    },
    {
      id: 'published-content',
      name: 'Published content',
      description: 'Case studies, reference architectures or articles published.',
      unit: 'count',
      counts: 'published-content',
      producedBy: 'all',
    },
  ],
  benefits: [],
};

const models = new WeakMap<object, ProgramModel>();

/** The program a vendor runs, resolved for the engine (composites expanded). Cached per vendor. */
export function programOf(vendor: Pick<Vendor, 'program'>): ProgramModel {
  const key = vendor.program ?? DEFAULT_PROGRAM;
  let model = models.get(key);
  if (model) return model;
  const raw = new Map(key.metrics.map((m) => [m.id, m]));
  const expand = (id: string, weight: number, seen: string[]): MetricTerm[] => {
    const m = raw.get(id);
    if (!m || seen.includes(id)) return [];
    if (m.counts)
      return [
        {
          measure: m.counts,
          weight,
          from: m.id,
          producedBy: m.producedBy === 'all' || !m.producedBy ? 'all' : new Set(m.producedBy),
        },
      ];
    return (m.sumOf ?? []).flatMap((part) =>
      expand(part.metric, weight * (part.weight ?? 1), [...seen, id]),
    );
  };
  const metrics = new Map<string, ProgramMetricModel>();
  for (const m of key.metrics)
    metrics.set(m.id, {
      id: m.id,
      name: m.name,
      description: m.description,
      unit: m.unit,
      terms: expand(m.id, 1, []),
    });
  const benefits = new Map(key.benefits.map((b) => [b.benefit, { needs: b.needs, why: b.why }]));
  models.set(key, (model = { metrics, benefits }));
  return model;
}

const produces = (term: MetricTerm, typeId: string) =>
  term.producedBy === 'all' || term.producedBy.has(typeId);

/** Whether a type can produce a metric (any part of it, for a composite). */
export const canProduce = (program: ProgramModel, metric: string, typeId: string): boolean =>
  program.metrics.get(metric)?.terms.some((t) => produces(t, typeId)) ?? false;

/**
 * The tiers a type can climb to: in order, up to the first whose gates ask for a metric it cannot
 * produce (a consultancy transacts no revenue). `tierProgress` climbs tiers in order, so none
 * above that one is reached either. The entry tier is always open: signing up is how a partner joins.
 */
export function tiersOpenTo<T extends Pick<Tier, 'requirements'>>(
  program: ProgramModel,
  tiers: readonly T[],
  typeId: string,
): T[] {
  const locked = tiers.findIndex((t) =>
    t.requirements.some((g) => !canProduce(program, g.metric, typeId)),
  );
  return locked < 0 ? [...tiers] : tiers.slice(0, Math.max(1, locked));
}

/** Whether a type can use a benefit, and why (from the program's data). */
export function benefitUse(
  program: ProgramModel,
  benefit: BenefitKey,
  typeId: string,
): { usable: boolean; why: string } {
  const rule = program.benefits.get(benefit);
  if (!rule || rule.needs.length === 0) return { usable: true, why: rule?.why ?? '' };
  return { usable: rule.needs.some((m) => canProduce(program, m, typeId)), why: rule.why };
}

/** Every benefit's use for a type, in the program's benefit order. */
export const benefitUses = (program: ProgramModel, typeId: string) =>
  BENEFIT_KEYS.map((benefit) => ({ benefit, ...benefitUse(program, benefit, typeId) }));

/** One gate of a tier, as a type meets it in a case. */
export interface GateStanding {
  metric: string;
  name: string;
  unit: ProgramMetric['unit'];
  min: number;
  /** The type cannot produce this metric: the gate locks it out whatever its case. */
  lockedOut: boolean;
  /** First month the gate alone is met (null: not within the horizon). */
  metMonth: number | null;
  /** The metric's value at the end of the horizon (satisfaction is treated as met). */
  valueAtEnd: number;
}

export interface TierStanding {
  /** Month every gate is met (the entry tier: 0); null: not within the horizon. */
  eligibleMonth: number | null;
  /** Month the case holds the tier (null: not within the horizon, or never taken). */
  reachedMonth: number | null;
  /** Eligible, but not taken: its fee buys nothing the case puts money on for this type. */
  declined: boolean;
  /**
   * The tier raises a rate this type's case earns on (the entry tier: true). false: it pays the
   * type nothing, whether or not the type could reach it.
   */
  pays: boolean;
  gates: GateStanding[];
  /** The gates the type cannot produce: what locks it out. */
  lockedBy: GateStanding[];
}

/** Trailing sums of fractional customers carry rounding noise: a gate met to 1e-9 is met. */
export const atLeast = (have: number, need: number): boolean =>
  have >= need - 1e-9 * Math.max(1, need);

export interface ProgressOptions {
  /** false: hold the entry tier all along (to value the tiers). */
  progression?: boolean;
  /** Per tier: whether the case takes it once eligible (default: every tier). */
  takes?: readonly boolean[];
  /** Per tier: whether it raises a rate the case earns on (default: every tier). */
  pays?: readonly boolean[];
  /** false: only the tier held each month, no standings (see SimOptions.standings). */
  standings?: boolean | undefined;
}

interface ResolvedGate {
  gate: TierGate;
  name: string;
  unit: ProgramMetric['unit'];
  lockedOut: boolean;
  alwaysMet: boolean;
  measures: MetricMeasure[];
  weights: number[];
}

const gateCache = new WeakMap<ProgramModel, WeakMap<object, Map<string, ResolvedGate[][]>>>();

/** Each tier's gates as a type meets them: what it can produce of each metric, and at what weight. */
function resolvedGates(
  program: ProgramModel,
  tiers: readonly Pick<Tier, 'requirements'>[],
  typeId: string,
): ResolvedGate[][] {
  let byTiers = gateCache.get(program);
  if (!byTiers)
    gateCache.set(program, (byTiers = new WeakMap<object, Map<string, ResolvedGate[][]>>()));
  let byType = byTiers.get(tiers);
  if (!byType) byTiers.set(tiers, (byType = new Map<string, ResolvedGate[][]>()));
  let out = byType.get(typeId);
  if (out) return out;
  out = tiers.map((tier) =>
    tier.requirements.map((g: TierGate): ResolvedGate => {
      const m = program.metrics.get(g.metric);
      const terms = (m?.terms ?? []).filter((x) => produces(x, typeId));
      return {
        gate: g,
        name: m?.name ?? g.metric,
        unit: m?.unit ?? 'count',
        lockedOut: !canProduce(program, g.metric, typeId),
        alwaysMet: terms.some((x) => x.measure === 'satisfaction'),
        measures: terms.map((x) => x.measure),
        weights: terms.map((x) => x.weight),
      };
    }),
  );
  byType.set(typeId, out);
  return out;
}

/**
 * When each tier is reached, and what locks it, for one partner type's metrics month by month
 * (months 0..horizon). The entry tier is held from month 0: signing up is how a partner joins.
 * Tiers are climbed in order and kept once reached; a tier whose gates are all met is taken
 * unless `takes` says the case would not pay for it (it is then `declined`, and the next tier
 * may still be taken). `held[t]` is the index of the tier held in month t.
 */
export function tierProgress(
  program: ProgramModel,
  tiers: readonly Pick<Tier, 'requirements'>[],
  typeId: string,
  measures: MeasureSeries,
  horizon: number,
  options: ProgressOptions = {},
): { held: Int32Array; standings: TierStanding[] } {
  const held = new Int32Array(horizon + 1);
  const progression = options.progression !== false;
  // Each gate's metric resolved once per program, tiers and type (this runs for every lane of
  // every simulation, dozens per case): the measures it adds up, and their weights. Only plain
  // arrays and numbers in the month loop.
  const resolved = resolvedGates(program, tiers, typeId);
  const T = tiers.length;
  const series = resolved.map((tier) => tier.map((g) => g.measures.map((m) => measures[m])));
  const metMonth = resolved.map((tier) => tier.map(() => -1));
  const eligible: number[] = [];
  const reached: number[] = [];
  const declined: boolean[] = [];
  // A tier is settled once eligible (every gate met in one month, so every gate's first month
  // is known): later months change nothing of it, so it is not tested again.
  const settled: boolean[] = [];
  for (let k = 0; k < T; k++) {
    eligible.push(k === 0 ? 0 : -1);
    reached.push(k === 0 ? 0 : -1);
    declined.push(false);
    settled.push(k === 0);
  }
  let cur = 0;
  for (let t = 0; t <= horizon; t++) {
    for (let k = 1; k < T; k++) {
      if (settled[k]) continue;
      const gs = resolved[k]!;
      const sk = series[k]!;
      const mk = metMonth[k]!;
      let all = true;
      for (let j = 0; j < gs.length; j++) {
        const g = gs[j]!;
        let met = g.alwaysMet;
        if (!met) {
          const sj = sk[j]!;
          let v = 0;
          for (let i = 0; i < sj.length; i++) v += g.weights[i]! * (sj[i]![t] ?? 0);
          met = atLeast(v, g.gate.min);
        }
        if (met && mk[j]! < 0) mk[j] = t;
        if (!met) all = false;
      }
      if (all) {
        eligible[k] = t;
        settled[k] = true;
      }
    }
    if (progression) {
      for (let k = cur + 1; k < T; k++) {
        if (eligible[k]! < 0) break;
        if (options.takes && options.takes[k] === false) {
          declined[k] = true;
          continue;
        }
        cur = k;
        if (reached[k]! < 0) reached[k] = t;
      }
    }
    held[t] = cur;
  }
  if (options.standings === false) return { held, standings: [] };
  // Satisfaction is treated as met: its value at the end is the gate's own minimum.
  const atEnd = (k: number, j: number) => {
    const g = resolved[k]![j]!;
    if (g.alwaysMet) return g.gate.min;
    const sj = series[k]![j]!;
    let v = 0;
    for (let i = 0; i < sj.length; i++) v += g.weights[i]! * (sj[i]![horizon] ?? 0);
    return v;
  };
  const standings = tiers.map((_, k): TierStanding => {
    const gs = resolved[k]!.map((g, j): GateStanding => ({
      metric: g.gate.metric,
      name: g.name,
      unit: g.unit,
      min: g.gate.min,
      lockedOut: g.lockedOut,
      metMonth: k === 0 ? 0 : metMonth[k]![j]! < 0 ? null : metMonth[k]![j]!,
      valueAtEnd: atEnd(k, j),
    }));
    return {
      eligibleMonth: eligible[k]! < 0 ? null : eligible[k]!,
      reachedMonth: reached[k]! < 0 ? null : reached[k]!,
      declined: declined[k]! && reached[k]! < 0,
      pays: k === 0 || options.pays?.[k] !== false,
      gates: gs,
      lockedBy: gs.filter((g) => g.lockedOut),
    };
  });
  return { held, standings };
}
