/** Run a whole business case: resolve, simulate, summarise, value the tiers, scenarios, sensitivity, sentence. */
import type { Dataset } from '../dataset.ts';
import { breakEvenCustomers } from './break-even.ts';
import { monthlyRows, summarise, yearlyRows } from './report.ts';
import { caseStreams, resolveAssumptions, type ResolvedCase } from './resolve.ts';
import { runScenarios } from './scenarios.ts';
import { sensitivityTable } from './sensitivity.ts';
import { primaryLane, simulate, type SimOptions, type Simulation } from './simulate.ts';
import { benefitUses } from './program.ts';
import { caseSentence } from './summary-sentence.ts';
import { ASSUMPTIONS } from '../assumption-registry.ts';
import { resultWords } from '../wording.ts';
import { benefitValue, supersededOverrides, tierTimeline } from './tiers.ts';
import {
  STREAM_KINDS,
  type BenefitValue,
  type CaseRequest,
  type CaseResult,
  type LaneTiers,
} from './types.ts';

/** What a mix is, in one sentence: the page, the CLI's notes and the README say the same. */
export const MIX_NOTE =
  "A mix is the weighted combination of its types' cases: each type runs as it would on its own (its customers, costs and tiers), and its money counts at its weight. Payback and IRR are read from the combined cash.";

/** The tiers' worth across a mix: each type's value at its weight. */
function combinedBenefitValue(lanes: readonly LaneTiers[]): BenefitValue {
  const first = lanes[0]!.benefitValue;
  const scaled = (f: (v: BenefitValue) => number) =>
    lanes.reduce((s, l) => s + l.weight * f(l.benefitValue), 0);
  return {
    total: scaled((v) => v.total),
    extraGrossProfit: scaled((v) => v.extraGrossProfit),
    extraProgramFees: scaled((v) => v.extraProgramFees),
    byTier: first.byTier.map((row, k) => {
      const at = (f: (r: BenefitValue['byTier'][number]) => number) =>
        lanes.reduce((s, l) => s + l.weight * f(l.benefitValue.byTier[k]!), 0);
      return {
        tier: row.tier,
        name: row.name,
        extraGrossProfit: at((r) => r.extraGrossProfit),
        extraProgramFees: at((r) => r.extraProgramFees),
        net: at((r) => r.net),
      };
    }),
    byStream: Object.fromEntries(
      STREAM_KINDS.map((s) => [s, scaled((v) => v.byStream[s])]),
    ) as BenefitValue['byStream'],
  };
}

export interface RunOptions {
  /** Skip the extra simulations (scenarios, sensitivity, break-even) when only the main case is wanted. Default: all on. */
  scenarios?: boolean;
  sensitivity?: boolean;
  breakEven?: boolean;
}

export const simOptions = (resolved: ResolvedCase): SimOptions => ({
  horizon: resolved.assumptions.horizonMonths,
  tiers: resolved.tiers,
  program: resolved.program,
});

/** Every measure a tier gate counts on, across the program's metrics. */
const gateMeasures = (resolved: ResolvedCase) =>
  new Set(
    resolved.tiers
      .slice(1)
      .flatMap((t) => t.requirements.filter((g) => g.min > 0))
      .flatMap((g) => resolved.program.metrics.get(g.metric)?.terms.map((x) => x.measure) ?? []),
  );

/**
 * A case's key figures and the simulation behind them, from one simulation: what the band check
 * reads for each of a kit's thousands of default cases (runResolved adds the entry-tier case,
 * the rows, the tiers' worth and the sentence). `reuse`: as in `simulate`; `standings`: false
 * when the tiers' standing is not read (see SimOptions).
 */
export function runSummary(resolved: ResolvedCase, reuse?: Simulation, standings = true) {
  const sim = simulate(resolved.lanes, { ...simOptions(resolved), standings }, reuse);
  return { sim, summary: summarise(sim, resolved.assumptions.discountRateAnnual, resolved.bands) };
}

/** Run a case from an already resolved request (the calculator resolves once, then reruns on edits through runCase). */
export function runResolved(resolved: ResolvedCase, options: RunOptions = {}): CaseResult {
  const { lanes, tiers } = resolved;
  const opts = simOptions(resolved);
  const rate = resolved.assumptions.discountRateAnnual;
  const { sim, summary: base } = runSummary(resolved);
  const entryOnly = simulate(lanes, { ...opts, tierProgression: false, standings: false });
  const summary = {
    ...base,
    breakEvenCustomers: options.breakEven === false ? null : breakEvenCustomers(lanes, opts, rate),
  };
  const horizonMonths = opts.horizon;
  const primary = primaryLane(lanes);
  // Each type's tiers and what they are worth to it on its own; one type: the case itself.
  const laneTiers: LaneTiers[] = lanes.map((lane, i) => {
    const alone = lanes.length === 1 ? null : [{ ...lane, weight: 1 }];
    const s = alone ? simulate(alone, opts) : sim;
    const e = alone
      ? simulate(alone, { ...opts, tierProgression: false, standings: false })
      : entryOnly;
    return {
      type: lane.type,
      name: lane.name,
      weight: lane.weight,
      tiers: tierTimeline(
        sim,
        tiers,
        resolved.program,
        lane.type,
        i,
        lane.programFeePinned ? lane.assumptions.programFeeAnnual : undefined,
      ),
      benefits: benefitUses(resolved.program, lane.type),
      benefitValue: benefitValue(s, e, tiers),
    };
  });
  const timeline = laneTiers[primary]!.tiers;
  const superseded = supersededOverrides(lanes, laneTiers, tiers);
  const words = resultWords({ currency: resolved.currency, locale: resolved.locale });

  const notes: string[] = [];
  for (const s of superseded) {
    const spec = ASSUMPTIONS[s.key];
    const v = (x: number) =>
      s.key === 'referralFeeCap' && x === 0 ? 'no cap' : words.assumption(spec.unit, x);
    notes.push(
      `You set ${spec.label.toLowerCase()} to ${v(s.typed)}; ${s.tier} pays ${v(s.value)}, so the case uses ${v(s.value)} from ${words.month(s.month)}, when ${s.tier} is reached.`,
    );
  }
  if (lanes.length > 1) notes.push(MIX_NOTE);
  const measures = gateMeasures(resolved);
  if (measures.has('satisfaction'))
    notes.push('Customer-satisfaction requirements of the tiers are treated as met.');
  if (measures.has('published-content'))
    notes.push(
      'Published content is assumed at one piece a quarter, the first one quarter after the first deal.',
    );
  const monthly = lanes.filter((l) => l.billing === 'monthly' && l.streams.includes('resale'));
  if (monthly.length)
    notes.push(
      `${monthly.length === lanes.length ? 'The partner bills' : `${monthly.map((l) => l.name).join(', ')} ${monthly.length === 1 ? 'bills' : 'bill'}`} its customers monthly, so each year's contract is billed a twelfth a month: the margin and rebates on it arrive over its 12 months, and what would be billed after ${words.month(horizonMonths)} is not counted.`,
    );
  if (summary.workingCapitalAtEnd > 0.5)
    notes.push(
      `Customers pay later than the partner pays for what it resells, so cash waits on them: the case counts that working capital as a cost as it builds up. The ${words.money(summary.workingCapitalAtEnd)} customers still owe at ${words.month(horizonMonths)} is collected after the case and not counted.`,
    );
  if (summary.irrAmbiguous)
    notes.push(
      'Net cash changes sign more than once, so more than one IRR may exist; the one nearest 0 is shown.',
    );
  notes.push(...resolved.adjustments);

  return {
    request: resolved.request,
    currency: resolved.currency,
    locale: resolved.locale,
    bands: resolved.bands,
    assumptions: resolved.assumptions,
    provenance: resolved.provenance,
    lanes,
    streams: caseStreams(lanes),
    monthly: monthlyRows(sim, tiers, primary),
    yearly: yearlyRows(sim),
    summary,
    tiers: timeline,
    laneTiers,
    benefitValue: combinedBenefitValue(laneTiers),
    scenarios:
      options.scenarios === false ? [] : runScenarios(lanes, opts, rate, base, resolved.bands),
    sensitivity: options.sensitivity === false ? [] : sensitivityTable(lanes, opts, rate, sim),
    sentence: caseSentence({
      lanes,
      summary,
      horizonMonths,
      money: { currency: resolved.currency, locale: resolved.locale },
    }),
    superseded,
    notes,
  };
}

/** Resolve and run a case; throws CaseRequestError when the request names unknown ids or values out of range. */
export function runCase(
  dataset: Dataset,
  request: CaseRequest,
  options: RunOptions = {},
): CaseResult {
  return runResolved(resolveAssumptions(dataset, request), options);
}

/** The main case alone: no scenarios, sensitivity or break-even (the extra simulations). */
export const MAIN_ONLY = { scenarios: false, sensitivity: false, breakEven: false } as const;
/** How many types' default cases `defaultCase` keeps per dataset: a page's worth, not a kit's. */
const RECENT = 8;
const recent = new WeakMap<Dataset, Map<string, CaseResult>>();

/**
 * A type's default case, main case only (no scenarios, sensitivity or break-even), kept for
 * the last few types asked: a playbook's components (its metrics, its program standing) each
 * read it, and one run serves them all. Callers read it; none may change it.
 */
export function defaultCase(dataset: Dataset, typeId: string): CaseResult {
  let cases = recent.get(dataset);
  if (!cases) recent.set(dataset, (cases = new Map<string, CaseResult>()));
  let r = cases.get(typeId);
  if (r) {
    cases.delete(typeId); // most recently used last
  } else {
    r = runCase(dataset, { mix: [{ type: typeId, weight: 1 }] }, MAIN_ONLY);
    if (cases.size >= RECENT) cases.delete(cases.keys().next().value!);
  }
  cases.set(typeId, r);
  return r;
}
