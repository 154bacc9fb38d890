import type { AssumptionKey, Assumptions } from '../assumption-registry.ts';
import type { Billing } from '../schema/partner-type.ts';
import { perStream, STREAM_KINDS, STREAMS, streamLabel, type StreamKind } from '../stream-kinds.ts';
import type { BenefitKey } from '../program-keys.ts';
import type { GateStanding } from './program.ts';
import type { Bands, IrrCaveat } from './bands.ts';
import { COST_ITEMS, type CostItem } from '../cost-items.ts';

export { STREAM_KINDS, STREAMS, type StreamKind };

/** One number per engine stream; streams a case does not use stay 0. */
export type StreamRecord = Record<StreamKind, number>;

export { COST_ITEMS, type CostItem };

export type CostRecord = Record<CostItem, number>;

/** Each stream's label, from its description in src/core/stream-kinds.ts. */
export const STREAM_LABELS: Record<StreamKind, string> = perStream(streamLabel);

export const COST_LABELS: Record<CostItem, string> = {
  onboarding: 'Onboarding',
  practiceBuild: 'Practice or integration build',
  launchMarketing: 'Launch marketing',
  certifications: 'Certifications and training',
  salesCapacity: 'Sales and pre-sales capacity',
  hires: 'Delivery hires',
  programFees: 'Program fees',
  lab: 'Demo and lab',
  marketing: 'Marketing',
  costToServe: 'Cost to serve resale orders',
  workingCapital: 'Working capital',
};

/** One share of a prospect's business: a partner type and its weight. */
export interface MixPart {
  /** Partner type id (an alias such as "MSP" or the id's initials also resolve). */
  type: string;
  /** Positive weight; weights are normalised to add up to 1. */
  weight: number;
}

/** What a business case is asked for: the CLI, the calculator's URL and pages all build one. */
export interface CaseRequest {
  mix: MixPart[];
  vertical?: string | undefined;
  segment?: string | undefined;
  /** Product id; by default each type's first `fit.products` entry. */
  product?: string | undefined;
  /** Values that win over everything else. */
  overrides?: Partial<Assumptions> | undefined;
}

/** Where a value came from, in resolution order. */
export type ProvenanceSource =
  'fallback' | 'product' | 'tier' | 'type' | 'vertical' | 'segment' | 'override';

export interface ProvenanceStep {
  from: ProvenanceSource;
  /** Id of the product, tier, type, vertical or segment. */
  ref?: string;
  /** The value after this step. */
  value: number;
  /** For a vertical or segment: the multiplier applied. */
  factor?: number;
  /** The data's citation: a source id, or why it is an assumption. */
  source?: string;
  assumption?: string;
  /** The step's result was outside the registry bounds (or not whole) and was brought inside. */
  adjusted?: boolean;
}

export interface Provenance {
  value: number;
  /** The last step that set or changed the value; 'mix' when the types of a mix differ. */
  from: ProvenanceSource | 'mix';
  steps: ProvenanceStep[];
  /** For a mix: each type's value, whose weighted average is `value`. */
  lanes?: { type: string; weight: number; value: number; from: ProvenanceSource }[];
}

export type ProvenanceRecord = Record<AssumptionKey, Provenance>;

export interface MonthRow {
  month: number;
  /** Revenue to the partner by stream (resale, rebates, MDF, referral and marketplace are the partner's margin, not the invoiced value). */
  revenue: StreamRecord;
  revenueTotal: number;
  grossProfit: number;
  costs: number;
  costItems: CostRecord;
  /** grossProfit - costs. */
  net: number;
  cumulative: number;
  /** List value of the vendor's product sold or influenced this month (new business and renewals). */
  bookings: number;
  newCustomers: number;
  /** Id of the tier held this month (by the heaviest type of a mix). */
  tier: string;
  /** Each type's tier this month, in the order of `lanes`. */
  tiers: string[];
}

export interface YearRow {
  year: number;
  /** Months covered; year 1 also holds month 0. */
  fromMonth: number;
  toMonth: number;
  revenue: StreamRecord;
  revenueTotal: number;
  grossProfitByStream: StreamRecord;
  grossProfit: number;
  costItems: CostRecord;
  costs: number;
  net: number;
  /** Cumulative net cash at the end of the year. */
  cumulative: number;
  bookings: number;
  newCustomers: number;
}

export interface CaseSummary {
  /** Sum of net_t / (1 + discountRateAnnual)^(t/12), month 0 undiscounted. */
  npv: number;
  /** (1 + monthly IRR)^12 - 1; null when the flows never change sign or no rate solves NPV = 0. */
  irrAnnual: number | null;
  irrMonthly: number | null;
  /** Net flows change sign more than once: several IRRs may exist; the one nearest 0 is shown. */
  irrAmbiguous: boolean;
  /** False when the IRR is above the vendor's band or too little is at risk for it to mean anything; pages then say "not meaningful" (the number stays in irrAnnual). */
  irrMeaningful: boolean;
  /** Why the IRR is not meaningful (null when it is, or when there is none). */
  irrCaveat: IrrCaveat | null;
  /** The most cash the case ever needs: minus its lowest cumulative net cash (0 if never negative). */
  peakFunding: number;
  /** Cash waiting on customers at the end of the horizon: working capital, counted as collected in the last month. */
  workingCapitalAtEnd: number;
  /** First month whose cumulative net is >= 0 after being negative; 0 if never negative; null if not within the horizon. */
  paybackMonth: number | null;
  /** (grossProfit - totalCosts) / totalCosts over the horizon, undiscounted; null when there are no costs. */
  roi: number | null;
  revenue: number;
  grossProfit: number;
  totalCosts: number;
  /** grossProfit - totalCosts (undiscounted). */
  netCash: number;
  recurringGrossProfit: number;
  /** recurringGrossProfit / grossProfit; null when gross profit is not positive. */
  recurringShare: number | null;
  /** Steady-state new customers a month at which NPV = 0; 0 if NPV >= 0 with none; null if not reachable within the registry bounds. */
  breakEvenCustomers: number | null;
  revenueByStream: StreamRecord;
  grossProfitByStream: StreamRecord;
  costsByItem: CostRecord;
  bookings: number;
  newCustomers: number;
}

export interface TierStep {
  id: string;
  name: string;
  /** Month the case holds the tier (0 for the entry tier); null if not within the horizon or never taken. */
  reachedMonth: number | null;
  /** Month every gate is met; null if not within the horizon. */
  eligibleMonth: number | null;
  /** Eligible but not taken: its fee buys nothing this case puts money on. */
  declined: boolean;
  /** It raises a rate this case earns on (the entry tier: true); false: it pays this type nothing. */
  pays: boolean;
  /** Each gate: its metric, minimum, the month it is met, its value at the end of the horizon. */
  gates: GateStanding[];
  /** Gates on metrics this type cannot produce: what locks it out of the tier. */
  lockedBy: GateStanding[];
  /** Gates still unmet at the end of the horizon, for a tier not reached. */
  unmet: GateStanding[];
  /** The tier's published benefits (see simulate.ts for how the rates apply). */
  benefits: {
    discount: number;
    rebate: number;
    mdfRate: number;
    referralFee: number;
    referralFeeCap: number;
    programFeeAnnual: number;
    privateOffers: boolean;
    marketplaceFeeRebate: number;
    coSell: boolean;
    nfrLicences: number;
    trainingVouchers: number;
  };
  /** Which benefits this partner type can use (the program's `benefits`). */
  usable: Record<BenefitKey, boolean>;
}

/** One partner type's tiers in a case (a mix has one per type). */
export interface LaneTiers {
  type: string;
  name: string;
  weight: number;
  tiers: TierStep[];
  /** Each benefit: whether this type can use it, and what using it takes. */
  benefits: { benefit: BenefitKey; usable: boolean; why: string }[];
  /** What the tiers are worth to this type on its own (not weighted). */
  benefitValue: BenefitValue;
}

/** A rate the user typed that a tier pays more than: the tier's rate applies from `month`. */
export interface SupersededOverride {
  key: AssumptionKey;
  /** The value typed. */
  typed: number;
  /** Name of the first tier that pays more, the month it is reached and what it pays. */
  tier: string;
  month: number;
  value: number;
}

export interface BenefitValue {
  /** Extra gross profit less extra program fees, against staying at the entry tier for the whole horizon. */
  total: number;
  extraGrossProfit: number;
  extraProgramFees: number;
  /** Attributed to the tier held in the month the money arrives. */
  byTier: {
    tier: string;
    name: string;
    extraGrossProfit: number;
    extraProgramFees: number;
    net: number;
  }[];
  byStream: StreamRecord;
}

export interface ScenarioMultipliers {
  newCustomersPerMonth: number;
  /** Applied to the deal value and each stream's revenue per customer (stream-kinds.ts `perCustomer`). */
  valuePerCustomer: number;
  /** Applied to monthsToFirstDeal and monthsToSteadyState (rounded). */
  ramp: number;
}

export interface ScenarioResult {
  /** Named by what it assumes: less or more volume (and a slower or faster ramp) than expected. */
  id: 'lower' | 'expected' | 'higher';
  label: string;
  multipliers: ScenarioMultipliers;
  summary: Omit<CaseSummary, 'breakEvenCustomers'>;
}

export interface SensitivityPoint {
  /** The value used (blended for a mix). */
  value: number;
  npv: number;
  /** The move met a registry bound, so the value is not exactly x0.8 or x1.2 of the base. */
  atBound: boolean;
  /** The move changes the highest tier reached within the horizon: that tier, reached or missed. */
  tier?: { name: string; reached: boolean };
}

export interface SensitivityRow {
  key: AssumptionKey;
  label: string;
  /** Blended base value (for a mix, the weighted average). */
  base: number;
  /** The driver at x0.8. */
  low: SensitivityPoint;
  /** The driver at x1.2. */
  high: SensitivityPoint;
  /** |high.npv - low.npv|. */
  swing: number;
}

export interface CaseLane {
  type: string;
  name: string;
  weight: number;
  product: string;
  productName: string;
  streams: StreamKind[];
  assumptions: Assumptions;
  provenance: ProvenanceRecord;
  /** True when the program fee is set by the type, a modifier or an override, so tiers do not change it. */
  programFeePinned: boolean;
  /** Keys the user typed: used as typed, until a tier that pays more is reached. */
  overridden: AssumptionKey[];
  /** How the partner bills the product (the type's `businessCase.billing`). */
  billing: Billing;
  /** What the type calls its streams (`businessCase.streamNames`), where it names them. */
  streamNames: Partial<Record<StreamKind, string>>;
  /** What the type calls its costs (`businessCase.costNames`), where it names them. */
  costNames: Partial<Record<CostItem, string>>;
}

export interface CaseResult {
  request: CaseRequest & { mix: MixPart[] };
  currency: string;
  locale: string;
  /** The plausibility bands the case is read against (the vendor's, or the defaults). */
  bands: Bands;
  /** Every value used; for a mix, each key's weighted average across the types (see `lanes` for each type's values). */
  assumptions: Assumptions;
  provenance: ProvenanceRecord;
  lanes: CaseLane[];
  /** Streams modelled by at least one type of the mix. */
  streams: StreamKind[];
  /** Months 0..horizonMonths. */
  monthly: MonthRow[];
  yearly: YearRow[];
  summary: CaseSummary;
  /** The tiers of the type with the largest weight (the only type, for one type). */
  tiers: TierStep[];
  /** Every type's tiers: a mix's types each climb the tiers on their own. */
  laneTiers: LaneTiers[];
  /** What the tiers are worth: each type's value at its weight, added up. */
  benefitValue: BenefitValue;
  scenarios: ScenarioResult[];
  sensitivity: SensitivityRow[];
  sentence: string;
  /** Typed rates a tier pays more than, from the month it is reached. */
  superseded: SupersededOverride[];
  /** Modelling notes a reader should know about this case. */
  notes: string[];
}
