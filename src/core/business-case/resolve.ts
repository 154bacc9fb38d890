/**
 * Resolve every assumption a case uses, and record where each came from.
 *
 * Order, later steps winning: registry fallback -> product (dealValue, renewalRate) ->
 * entry tier benefits (resale margin, rebate, MDF, referral fee and cap, program fee) ->
 * the partner type's defaults -> vertical multiplier -> segment multiplier -> overrides.
 * After each multiplier the value is brought back inside the registry bounds (and rounded
 * for whole-number keys, the horizon alone); the step is then marked `adjusted`. Only a typed
 * value that had to be changed makes a note.
 *
 * A mix resolves once per type ("lane"). The case-level keys (horizonMonths,
 * discountRateAnnual) are the weighted average across the lanes (horizon rounded), since a
 * case has one horizon and one rate. The blended `assumptions` are each key's weighted
 * average: what the calculator shows; the simulation uses each lane's own values.
 */
import type { Dataset } from '../dataset.ts';
import {
  ASSUMPTION_KEYS,
  ASSUMPTIONS,
  type AssumptionKey,
  type AssumptionSpec,
  type Assumptions,
} from '../assumption-registry.ts';
import type { AssumptionModifiers } from '../schema/assumptions.ts';
import type { PartnerType } from '../schema/partner-type.ts';
import type { Product, Tier } from '../schema/vendor.ts';
import { bandsOf, type Bands } from './bands.ts';
import { programOf, type ProgramModel } from './program.ts';
import {
  CaseRequestError,
  findPartnerType,
  normaliseWeights,
  requestProblems,
  weightNotice,
} from './request.ts';
import type {
  CaseLane,
  CaseRequest,
  MixPart,
  Provenance,
  ProvenanceRecord,
  ProvenanceSource,
  ProvenanceStep,
  StreamKind,
} from './types.ts';
import { STREAM_KINDS } from './types.ts';

export const CASE_LEVEL_KEYS = [
  'horizonMonths',
  'discountRateAnnual',
] as const satisfies readonly AssumptionKey[];

export interface ResolvedCase {
  /** The request with canonical type ids and normalised weights. */
  request: CaseRequest & { mix: MixPart[] };
  currency: string;
  locale: string;
  /** Vendor tiers, entry tier first. */
  tiers: readonly Tier[];
  /** The plausibility bands results are read against. */
  bands: Bands;
  /** The vendor's program: metrics, who produces them, who can use each benefit. */
  program: ProgramModel;
  lanes: CaseLane[];
  assumptions: Assumptions;
  provenance: ProvenanceRecord;
  /** Values that had to be brought inside the registry bounds, for the notes. */
  adjustments: string[];
}

/** Bring a value inside the registry's bounds, rounding whole-number keys. */
export function clampAssumption(key: AssumptionKey, value: number): number {
  const s: AssumptionSpec = ASSUMPTIONS[key];
  const v = s.integer ? Math.round(value) : value;
  return Math.min(s.max, Math.max(s.min, v));
}

/** Default product for a type: the request's, else the first of its `fit.products`, else the vendor's first. */
export function productFor(dataset: Dataset, type: PartnerType, productId?: string): Product {
  const products = dataset.vendor.products;
  const id = productId ?? type.fit.products.find((p) => products.some((q) => q.id === p));
  return products.find((p) => p.id === id) ?? products[0]!;
}

function resolveLane(
  dataset: Dataset,
  type: PartnerType,
  weight: number,
  request: CaseRequest,
  adjustments: string[],
): CaseLane {
  const product = productFor(dataset, type, request.product);
  const entry = dataset.vendor.tiers[0]!;
  const vertical = request.vertical
    ? dataset.verticals.find((v) => v.id === request.vertical)
    : undefined;
  const segment = request.segment
    ? dataset.segments.find((s) => s.id === request.segment)
    : undefined;

  const assumptions = {} as Assumptions;
  const provenance = {} as ProvenanceRecord;
  for (const key of ASSUMPTION_KEYS) {
    const value = ASSUMPTIONS[key].fallback;
    assumptions[key] = value;
    provenance[key] = { value, from: 'fallback', steps: [{ from: 'fallback', value }] };
  }
  const set = (key: AssumptionKey, raw: number, step: Omit<ProvenanceStep, 'value'>) => {
    const value = clampAssumption(key, raw);
    const s: ProvenanceStep = { ...step, value };
    if (value !== raw) {
      s.adjusted = true;
      // Only a value the user typed gets a note: a multiplier that lands a default on a bound
      // (a renewal rate of 90% x 1.2 kept at 100%) is recorded in the provenance, not shouted.
      if (step.from === 'override')
        adjustments.push(
          `You entered ${+raw.toPrecision(6)} for ${ASSUMPTIONS[key].label.toLowerCase()}; the case uses ${value}, the nearest value it allows (${ASSUMPTIONS[key].min} to ${ASSUMPTIONS[key].max}).`,
        );
    }
    assumptions[key] = value;
    const p = provenance[key];
    p.value = value;
    p.from = step.from;
    p.steps.push(s);
  };

  set('dealValue', product.firstYearDealValue, { from: 'product', ref: product.id });
  set('renewalRate', product.renewalRate, { from: 'product', ref: product.id });

  const b = entry.benefits;
  const tierRates: [AssumptionKey, number][] = [
    ['resaleMargin', b.discount],
    ['rebateRate', b.rebate],
    ['mdfRate', b.mdfRate],
    ['referralFeeRate', b.referralFee],
    ['referralFeeCap', b.referralFeeCap],
    ['programFeeAnnual', b.programFeeAnnual],
  ];
  for (const [key, value] of tierRates) set(key, value, { from: 'tier', ref: entry.id });

  let programFeePinned = false;
  for (const key of ASSUMPTION_KEYS) {
    const f = type.businessCase.defaults[key];
    if (!f) continue;
    set(key, f.value, {
      from: 'type',
      ref: type.id,
      ...(f.source ? { source: f.source } : {}),
      ...(f.assumption ? { assumption: f.assumption } : {}),
    });
    if (key === 'programFeeAnnual') programFeePinned = true;
  }
  const modify = (from: 'vertical' | 'segment', ref: string, modifiers: AssumptionModifiers) => {
    for (const key of ASSUMPTION_KEYS) {
      const f = modifiers[key];
      if (!f) continue;
      set(key, assumptions[key] * f.value, {
        from,
        ref,
        factor: f.value,
        ...(f.source ? { source: f.source } : {}),
        ...(f.assumption ? { assumption: f.assumption } : {}),
      });
      if (key === 'programFeeAnnual') programFeePinned = true;
    }
  };
  if (vertical) modify('vertical', vertical.id, vertical.modifiers);
  if (segment) modify('segment', segment.id, segment.modifiers);
  for (const key of ASSUMPTION_KEYS) {
    const v = request.overrides?.[key];
    if (v === undefined) continue;
    set(key, v, { from: 'override' });
    if (key === 'programFeeAnnual') programFeePinned = true;
  }
  const streams = STREAM_KINDS.filter((s) => type.businessCase.streams.includes(s));
  const overridden = ASSUMPTION_KEYS.filter((k) => request.overrides?.[k] !== undefined);
  return {
    type: type.id,
    name: type.name,
    weight,
    product: product.id,
    productName: product.name,
    streams,
    assumptions,
    provenance,
    programFeePinned,
    overridden,
    billing: type.businessCase.billing ?? 'yearly',
    streamNames: type.businessCase.streamNames ?? {},
    costNames: type.businessCase.costNames ?? {},
  };
}

/** Resolve a request to the values a case uses; throws CaseRequestError if the request names unknown ids or bad values. */
export function resolveAssumptions(dataset: Dataset, request: CaseRequest): ResolvedCase {
  const problems = requestProblems(dataset, request);
  if (problems.length) throw new CaseRequestError(problems);

  // Canonical ids; a type named twice (e.g. by id and alias) adds its weights.
  const merged = new Map<string, number>();
  for (const m of request.mix) {
    const id = findPartnerType(dataset, m.type)!.id;
    merged.set(id, (merged.get(id) ?? 0) + m.weight);
  }
  const given = [...merged].map(([type, weight]) => ({ type, weight }));
  const mix = normaliseWeights(given);
  const adjustments: string[] = [];
  const notice = weightNotice(
    given,
    'share',
    dataset.vendor.locale,
    (id) => findPartnerType(dataset, id)?.name ?? id,
  );
  if (notice) adjustments.push(notice);
  const lanes = mix.map((m) =>
    resolveLane(dataset, findPartnerType(dataset, m.type)!, m.weight, request, adjustments),
  );

  const assumptions = {} as Assumptions;
  const provenance = {} as ProvenanceRecord;
  for (const key of ASSUMPTION_KEYS) {
    let value = 0;
    for (const lane of lanes) value += lane.weight * lane.assumptions[key];
    if (lanes.length === 1) {
      value = lanes[0]!.assumptions[key];
      provenance[key] = lanes[0]!.provenance[key];
    } else {
      const froms = new Set(lanes.map((l) => l.provenance[key].from));
      const p: Provenance = {
        value,
        from: froms.size === 1 ? [...froms][0]! : 'mix',
        steps: [],
        lanes: lanes.map((l) => ({
          type: l.type,
          weight: l.weight,
          value: l.assumptions[key],
          from: l.provenance[key].from as ProvenanceSource,
        })),
      };
      provenance[key] = p;
    }
    assumptions[key] = value;
  }
  // One horizon and one discount rate for the whole case.
  for (const key of CASE_LEVEL_KEYS) {
    const value = clampAssumption(key, assumptions[key]);
    assumptions[key] = value;
    provenance[key].value = value;
    for (const lane of lanes) lane.assumptions[key] = value;
  }
  return {
    request: { ...request, mix, overrides: { ...request.overrides } },
    currency: dataset.vendor.currency,
    locale: dataset.vendor.locale,
    tiers: dataset.vendor.tiers,
    bands: bandsOf(dataset.vendor),
    program: programOf(dataset.vendor),
    lanes,
    assumptions,
    provenance,
    adjustments,
  };
}

/** Streams of at least one lane, in engine order. */
export const caseStreams = (lanes: readonly CaseLane[]): StreamKind[] =>
  STREAM_KINDS.filter((s) => lanes.some((l) => l.streams.includes(s)));
