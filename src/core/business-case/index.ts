/**
 * The business-case engine: pure functions of validated data, the same in Node, Astro pages
 * and the browser (no node:*, no DOM, no astro:*).
 *
 * Conventions:
 * - Monthly steps; month 0 holds up-front costs, months 1..horizonMonths operate, so
 *   `monthly` has horizonMonths + 1 rows. Year 1 covers months 0..12.
 * - NPV = sum over t of net_t / (1 + discountRateAnnual)^(t / 12), month 0 undiscounted.
 * - IRR: the monthly rate solving NPV = 0, annualised as (1 + irr_m)^12 - 1; null when net
 *   cash never changes sign (or no rate is found), `irrAmbiguous` when it changes sign more
 *   than once (the rate nearest 0 is then given). Found by bisection; never NaN or Infinity.
 * - Payback month: the first month whose cumulative net cash is >= 0 after having been
 *   negative; 0 when cumulative cash is never negative; null when it does not recover
 *   within the horizon.
 * - ROI = (total gross profit - total costs) / total costs over the horizon, undiscounted;
 *   null when there are no costs.
 * - Gross profit: resale, rebates, MDF, referral fees and marketplace margin count 100%
 *   (they are the partner's margin, reported net, not the invoiced value); services,
 *   managed services, training and own IP at their gross margins.
 * - recurringShare = recurring gross profit / gross profit (null when gross profit <= 0);
 *   recurring = renewal margin and rebates on renewals, all managed services, all own-IP
 *   subscriptions. New-business margin, referral fees, services, training and MDF are not.
 * - Net cash = gross profit - costs.
 * See resolve.ts (where values come from), simulate.ts (the model), tiers.ts (tier rules),
 * scenarios.ts and sensitivity.ts (their multipliers).
 */
export { MAIN_ONLY, runCase, runResolved, simOptions, type RunOptions } from './run-case.ts';
export {
  resolveAssumptions,
  clampAssumption,
  productFor,
  caseStreams,
  CASE_LEVEL_KEYS,
  type ResolvedCase,
} from './resolve.ts';
export {
  primaryLane,
  simulate,
  tierRateAt,
  withAssumptions,
  type SimLane,
  type SimOptions,
  type Simulation,
} from './simulate.ts';
export { summarise, monthlyRows, yearlyRows, caseNpv } from './report.ts';
export {
  npv,
  npvMonthly,
  monthlyRate,
  irr,
  annualise,
  paybackPeriod,
  paybackFromCumulative,
  cumulate,
  signChanges,
  type IrrResult,
} from './finance.ts';
export {
  tierTimeline,
  benefitValue,
  publishedContent,
  supersededOverrides,
  TIER_RATES,
} from './tiers.ts';
export { SCENARIOS, applyScenario, runScenarios } from './scenarios.ts';
export {
  sensitivityTable,
  sensitivityDrivers,
  moveValue,
  SENSITIVITY_STEP,
} from './sensitivity.ts';
export { breakEvenCustomers } from './break-even.ts';
export {
  caseSentence,
  horizonWords,
  article,
  lowerName,
  proseAmount,
  type SentenceInput,
} from './summary-sentence.ts';
export {
  parseMix,
  parseOverrides,
  parseNumber,
  formatMix,
  normaliseWeights,
  weightNotice,
  findPartnerType,
  requestProblems,
  overrideProblem,
  requestToSearchParams,
  CaseRequestError,
  type RequestProblem,
} from './request.ts';
export {
  programOf,
  tierProgress,
  benefitUse,
  benefitUses,
  canProduce,
  DEFAULT_PROGRAM,
  type ProgramModel,
  type TierStanding,
  type GateStanding,
  type MeasureSeries,
} from './program.ts';
export {
  typeProgramStanding,
  programStandings,
  laneStanding,
  type TypeProgramStanding,
  type TypeTierStanding,
  type TypeBenefitUse,
  type GateWhy,
} from './tier-standing.ts';
export {
  bandsOf,
  bandBreaches,
  irrCaveat,
  DEFAULT_BANDS,
  type Bands,
  type BandBreach,
  type IrrCaveat,
} from './bands.ts';
export * from './types.ts';
