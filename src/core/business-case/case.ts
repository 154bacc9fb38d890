/** Run a whole business case: resolve, simulate, summarise, value the tiers, scenarios, sensitivity, sentence. */
import type { Dataset } from '../dataset.ts';
import { breakEvenCustomers } from './break-even.ts';
import { monthlyRows, summarise, yearlyRows } from './report.ts';
import { caseStreams, resolveAssumptions, type ResolvedCase } from './resolve.ts';
import { runScenarios } from './scenarios.ts';
import { sensitivityTable } from './sensitivity.ts';
import { simulate, type SimOptions } from './simulate.ts';
import { caseSentence } from './summary-sentence.ts';
import { ASSUMPTIONS } from '../assumption-registry.ts';
import { resultWords } from '../wording.ts';
import { benefitValue, supersededOverrides, tierTimeline } from './tiers.ts';
import type { CaseRequest, CaseResult } from './types.ts';

export interface RunOptions {
  /** Skip the extra simulations (scenarios, sensitivity, break-even) when only the main case is wanted. Default: all on. */
  scenarios?: boolean;
  sensitivity?: boolean;
  breakEven?: boolean;
}

export const simOptions = (resolved: ResolvedCase): SimOptions => ({
  horizon: resolved.assumptions.horizonMonths,
  tiers: resolved.tiers,
});

/** Run a case from an already resolved request (the calculator resolves once, then reruns on edits through runCase). */
export function runResolved(resolved: ResolvedCase, options: RunOptions = {}): CaseResult {
  const { lanes, tiers } = resolved;
  const opts = simOptions(resolved);
  const rate = resolved.assumptions.discountRateAnnual;
  const sim = simulate(lanes, opts);
  const entryOnly = simulate(lanes, { ...opts, tierProgression: false });
  const base = summarise(sim, rate);
  const summary = {
    ...base,
    breakEvenCustomers: options.breakEven === false ? null : breakEvenCustomers(lanes, opts, rate),
  };
  const horizonMonths = opts.horizon;
  const timeline = tierTimeline(sim, tiers);
  const superseded = supersededOverrides(lanes, timeline, tiers);
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
  if (lanes.length > 1)
    notes.push(
      'In a mix, each type brings its own streams and assumptions; its new customers and its costs are scaled by its weight, so costs are a weighted average and setting up is not paid twice.',
    );
  if (tiers.slice(1).some((t) => t.requirements.customerSatisfaction > 0))
    notes.push('Customer-satisfaction requirements of the tiers are treated as met.');
  if (tiers.slice(1).some((t) => t.requirements.publishedContent > 0))
    notes.push(
      'Published content is assumed at one piece a quarter, the first one quarter after the first deal.',
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
    assumptions: resolved.assumptions,
    provenance: resolved.provenance,
    lanes,
    streams: caseStreams(lanes),
    monthly: monthlyRows(sim, tiers),
    yearly: yearlyRows(sim),
    summary,
    tiers: timeline,
    benefitValue: benefitValue(sim, entryOnly, tiers),
    scenarios: options.scenarios === false ? [] : runScenarios(lanes, opts, rate, base),
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
