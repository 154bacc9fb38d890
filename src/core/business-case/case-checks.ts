/**
 * The example kit's own business cases, checked the way `partnerkit validate` checks data:
 * every type x vertical x segment default case (each vertical and segment, and none) against
 * the vendor's plausibility bands, and each type's default case against the tier its plan
 * names (`businessCase.targetTier`). Each finding is a warning placed on the type's file: at the
 * default of the driver that moves the case most, when the type sets it.
 */
import type { DataPath, Finding } from '../diagnostics.ts';
import type { Dataset } from '../dataset.ts';
import { ASSUMPTIONS } from '../assumption-registry.ts';
import { resultWords, type ResultWords } from '../wording.ts';
import { bandBreaches, type BandBreach } from './bands.ts';
import { runCase, runSummary } from './run-case.ts';
import { resolveAssumptions } from './resolve.ts';
import type { Simulation } from './simulate.ts';
import { tierTimeline } from './tiers.ts';
import type { TierStep } from './types.ts';
import type { CaseResult } from './types.ts';
import { gateText } from '../tier-view.ts';

export interface TypeFinding {
  /** Index of the partner type in `dataset.partnerTypes`. */
  type: number;
  finding: Finding;
}

const WITH_DRIVERS = { scenarios: false, breakEven: false } as const;

function breachText(b: BandBreach, w: ResultWords, horizon: number): string {
  if (b.figure === 'payback')
    return b.value === null
      ? `it does not pay back within ${horizon} months (band: by month ${b.limit})`
      : b.side === 'above'
        ? `payback in month ${b.value} is later than the band's month ${b.limit}`
        : `payback in month ${b.value} is sooner than the band's month ${b.limit}: almost nothing is at risk`;
  if (b.figure === 'roi')
    return `ROI of ${w.percent(b.value)} is above the band's ${w.percent(b.limit)}`;
  return `IRR of ${w.percent(b.value)} a year is above the band's ${w.percent(b.limit)}`;
}

/** Where a value came from, for the message: "5 x 2.5 for smb". */
function origin(r: CaseResult, key: keyof typeof ASSUMPTIONS, w: ResultWords): string {
  const p = r.provenance[key];
  const unit = ASSUMPTIONS[key].unit;
  const steps = p.steps.filter((s) => s.from === 'vertical' || s.from === 'segment');
  const base = p.steps.filter((s) => s.from !== 'vertical' && s.from !== 'segment').at(-1);
  const parts = steps.map((s) => `x${s.factor} for ${s.ref}`);
  return `${w.assumption(unit, base?.value ?? p.value)}${parts.length ? ` ${parts.join(' ')}` : ''}`;
}

/** The verticals and segments each type's default case runs with: none, and each of them. */
const checkedPickers = (dataset: Dataset) => ({
  verticals: [undefined, ...dataset.verticals.map((v) => v.id)],
  segments: [undefined, ...dataset.segments.map((s) => s.id)],
});

/** How many default cases `caseFindings` runs against the bands. */
export function checkedCaseCount(dataset: Dataset): number {
  const { verticals, segments } = checkedPickers(dataset);
  return dataset.partnerTypes.length * verticals.length * segments.length;
}

/** Every default case of every type outside the bands, and every type missing its target tier. */
export function caseFindings(dataset: Dataset): TypeFinding[] {
  const out: TypeFinding[] = [];
  const { verticals, segments } = checkedPickers(dataset);
  const w = resultWords({ currency: dataset.vendor.currency, locale: dataset.vendor.locale });
  // One simulation's arrays serve every case in turn: only the figures are kept.
  let sim: Simulation | undefined;
  dataset.partnerTypes.forEach((type, i) => {
    let defaultTiers: TierStep[] | undefined;
    for (const vertical of verticals)
      for (const segment of segments) {
        const request = { mix: [{ type: type.id, weight: 1 }], vertical, segment };
        const resolved = resolveAssumptions(dataset, request);
        // The tiers are read from the default case alone, when the plan names one to reach.
        const tiersRead = !vertical && !segment && !!type.businessCase.targetTier;
        const run = runSummary(resolved, sim, tiersRead);
        sim = run.sim;
        if (tiersRead) defaultTiers = tierTimeline(sim, resolved.tiers, resolved.program, type.id);
        const breaches = bandBreaches(run.summary, resolved.bands);
        if (!breaches.length) continue;
        const full = runCase(dataset, request, WITH_DRIVERS);
        // The driver: the largest swing in NPV; among those within 10% of it, one the type's file sets (so
        // the warning points at the line to change), then one a vertical or segment moves.
        const top = full.sensitivity[0]?.swing ?? 0;
        const near = full.sensitivity.filter((s) => s.swing >= 0.9 * top);
        const moved = (key: (typeof near)[number]['key']) =>
          full.provenance[key].steps.some((s) => s.from === 'vertical' || s.from === 'segment');
        const driver =
          near.find((s) => type.businessCase.defaults[s.key] !== undefined) ??
          near.find((s) => moved(s.key)) ??
          full.sensitivity[0];
        const where = [vertical && `vertical ${vertical}`, segment && `segment ${segment}`]
          .filter(Boolean)
          .join(', ');
        const sets = driver && type.businessCase.defaults[driver.key] !== undefined;
        const path: DataPath = sets ? ['businessCase', 'defaults', driver.key] : ['businessCase'];
        out.push({
          type: i,
          finding: {
            path,
            severity: 'warning',
            message: `the default case${where ? ` for ${where}` : ''} is outside the plausibility bands in data/vendor.yaml: ${breaches.map((b) => breachText(b, w, resolved.assumptions.horizonMonths)).join('; ')}${driver ? `. The driver that moves it most is ${driver.label.toLowerCase()}: ${origin(full, driver.key, w)}` : ''}`,
            expected:
              'a default case a finance lead accepts (adjust the defaults or the modifiers)',
          },
        });
      }
    const target = type.businessCase.targetTier;
    if (target && defaultTiers) {
      const held = [...defaultTiers].reverse().find((t) => t.reachedMonth !== null);
      const want = defaultTiers.find((t) => t.id === target);
      // An unknown tier id is an error of its own (src/core/references.ts).
      if (want && held?.id !== target) {
        const why =
          want.reachedMonth === null
            ? want.lockedBy.length
              ? `: ${want.name} needs ${want.lockedBy.map((g) => gateText(g, w)).join(' and ')}, which this type does not produce`
              : want.unmet.length
                ? `: ${want.name} still needs ${want.unmet.map((g) => gateText(g, w)).join(' and ')}`
                : ''
            : '';
        out.push({
          type: i,
          finding: {
            path: ['businessCase', 'targetTier'],
            severity: 'warning',
            message: `the default case holds ${held?.name ?? 'no tier'} at the end, not ${want.name}, the tier its plan names${why}`,
            expected: 'a plan that reaches the tier it names (or name the tier it holds)',
            found: JSON.stringify(target),
          },
        });
      }
    }
  });
  return out;
}
