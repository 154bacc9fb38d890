// Business-case engine timings: one 60-month case, the full sensitivity table, and a full
// case (scenarios, sensitivity, break-even included, as the calculator runs it on each edit).
// Medians over `runs` after a warm-up, timed with performance.now().
import {
  resolveAssumptions,
  runCase,
  sensitivityTable,
  simOptions,
  type CaseRequest,
} from '../src/core/business-case/index.ts';
import type { Dataset } from '../src/core/dataset.ts';
import { loadData } from '../src/node/load-data.ts';
import { dataset as fixture } from '../test/fixtures/business-case-dataset.ts';

export interface BusinessCaseBench {
  runs: number;
  horizonMonths: number;
  type: string;
  /** Data used: the repo's data/ when valid, else the test fixture. */
  data: 'data/' | 'fixture';
  /** Median ms of runCase for the main case only (no scenarios, sensitivity or break-even). */
  caseMs: number;
  /** Median ms of the sensitivity table alone. */
  sensitivityMs: number;
  sensitivityDrivers: number;
  /** Median ms of a full runCase. */
  fullCaseMs: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

function time(runs: number, f: () => unknown): number {
  for (let i = 0; i < Math.min(50, runs); i++) f(); // warm-up: let the JIT settle
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

/** Median timings in ms. `repo` (as bench/run.ts passes it) reads that project's data/. */
export function benchBusinessCase(
  options: { runs?: number; dataset?: Dataset; repo?: string } = {},
): BusinessCaseBench {
  const runs = options.runs ?? 200;
  const loaded = options.dataset ?? (options.repo ? loadData(options.repo).dataset : undefined);
  const dataset = loaded ?? fixture;
  const type = (
    dataset.partnerTypes.find((t) => t.id === 'managed-service-provider') ??
    dataset.partnerTypes[0]!
  ).id;
  const request: CaseRequest = { mix: [{ type, weight: 1 }], overrides: { horizonMonths: 60 } };
  const resolved = resolveAssumptions(dataset, request);
  const opts = simOptions(resolved);
  const rate = resolved.assumptions.discountRateAnnual;
  return {
    runs,
    horizonMonths: 60,
    type,
    data: loaded ? 'data/' : 'fixture',
    caseMs: time(runs, () =>
      runCase(dataset, request, { scenarios: false, sensitivity: false, breakEven: false }),
    ),
    sensitivityMs: time(runs, () => sensitivityTable(resolved.lanes, opts, rate)),
    sensitivityDrivers: sensitivityTable(resolved.lanes, opts, rate).length,
    fullCaseMs: time(Math.max(10, Math.round(runs / 4)), () => runCase(dataset, request)),
  };
}
