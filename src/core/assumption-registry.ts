/**
 * The registry of business-case assumptions: one entry per input the engine reads.
 * It is the single source for the YAML schema of `businessCase.defaults`
 * (src/core/schema/assumptions.ts), for the CLI's `--set key=value` checks, and for the
 * calculator's labelled, bounded inputs. Plain data, no zod: the calculator's up-front
 * script reads it, and the schemas that need zod stay out of that script.
 */
export type Unit = 'currency' | 'fraction' | 'months' | 'days' | 'count' | 'hours' | 'factor';

export interface AssumptionSpec {
  readonly label: string;
  readonly group: AssumptionGroup;
  readonly unit: Unit;
  readonly min: number;
  readonly max: number;
  /** Fallback when neither the type, the vendor nor the prospect sets it. */
  readonly fallback: number;
  readonly help: string;
  /**
   * Whole numbers only. Only the horizon is: the model takes fractional people, customers and
   * months (it works in expected values), so every driver can move by exactly x0.8 and x1.2.
   */
  readonly integer?: boolean;
}

export const ASSUMPTION_GROUPS = {
  horizon: 'Horizon and money',
  volume: 'Customers and deals',
  resale: 'Resale, rebates and MDF',
  referral: 'Referral and influence fees',
  services: 'Professional services',
  managed: 'Managed services',
  marketplace: 'Marketplace',
  training: 'Training delivery',
  ip: 'Own IP and software',
  investment: "The partner's investment",
  costs: 'Running costs',
} as const;
export type AssumptionGroup = keyof typeof ASSUMPTION_GROUPS;

const spec = <const T extends Record<string, AssumptionSpec>>(t: T) => t;

export const ASSUMPTIONS = spec({
  horizonMonths: {
    label: 'Horizon',
    group: 'horizon',
    unit: 'months',
    min: 12,
    max: 60,
    fallback: 36,
    integer: true,
    help: 'Months the case covers.',
  },
  discountRateAnnual: {
    label: 'Cost of capital',
    group: 'horizon',
    unit: 'fraction',
    min: 0,
    max: 0.5,
    fallback: 0.1,
    help: 'Yearly rate future cash is weighed at for the net present value: what money costs the partner (10% is the usual convention for three-year cases).',
  },

  newCustomersPerMonth: {
    label: 'New customers a month (steady state)',
    group: 'volume',
    unit: 'count',
    min: 0,
    max: 1000,
    fallback: 2,
    help: "New customers for the vendor's line each month once the practice is up to speed.",
  },
  monthsToFirstDeal: {
    label: 'Months to first deal',
    group: 'volume',
    unit: 'months',
    min: 0,
    max: 24,
    fallback: 3,
    help: 'Months from signing up to the first closed customer.',
  },
  monthsToSteadyState: {
    label: 'Months to steady state',
    group: 'volume',
    unit: 'months',
    min: 0,
    max: 48,
    fallback: 9,
    help: 'Months from the first deal until new customers reach the steady-state rate.',
  },
  dealValue: {
    label: 'First-year deal value',
    group: 'volume',
    unit: 'currency',
    min: 0,
    max: 100_000_000,
    fallback: 25_000,
    help: "Average first-year list value of one customer's purchase of the product.",
  },
  renewalRate: {
    label: 'Renewal rate',
    group: 'volume',
    unit: 'fraction',
    min: 0,
    max: 1,
    fallback: 0.9,
    help: 'Share of customers who renew each year.',
  },

  resaleMargin: {
    label: 'Resale margin (discount off list)',
    group: 'resale',
    unit: 'fraction',
    min: 0,
    max: 0.6,
    fallback: 0,
    help: 'Front-end margin on what the partner resells; tier discounts raise it as tiers are reached.',
  },
  rebateRate: {
    label: 'Back-end rebate',
    group: 'resale',
    unit: 'fraction',
    min: 0,
    max: 0.2,
    fallback: 0,
    help: 'Rebate on resold value, paid after the quarter.',
  },
  mdfRate: {
    label: 'MDF accrual',
    group: 'resale',
    unit: 'fraction',
    min: 0,
    max: 0.1,
    fallback: 0,
    help: 'Market development funds accrued as a share of resold value.',
  },

  referralFeeRate: {
    label: 'Referral fee',
    group: 'referral',
    unit: 'fraction',
    min: 0,
    max: 0.5,
    fallback: 0,
    help: "Fee as a share of the referred customer's first-year value.",
  },
  referralFeeCap: {
    label: 'Referral fee cap',
    group: 'referral',
    unit: 'currency',
    min: 0,
    max: 10_000_000,
    fallback: 0,
    help: 'Most paid for one referral (0 = no cap).',
  },
  referralLagMonths: {
    label: 'Months until a fee is paid',
    group: 'referral',
    unit: 'months',
    min: 0,
    max: 12,
    fallback: 3,
    help: 'Months between the sale and the fee arriving.',
  },

  servicesAttachRatio: {
    label: 'Services per unit of product',
    group: 'services',
    unit: 'factor',
    min: 0,
    max: 20,
    fallback: 0,
    help: 'Professional services sold for each unit of first-year product value: 0.5 means half as much again in services.',
  },
  servicesMargin: {
    label: 'Services gross margin',
    group: 'services',
    unit: 'fraction',
    min: 0,
    max: 1,
    fallback: 0.36,
    help: 'Gross margin on project work.',
  },

  managedFeeMonthly: {
    label: 'Managed-service fee a customer a month',
    group: 'managed',
    unit: 'currency',
    min: 0,
    max: 1_000_000,
    fallback: 0,
    help: 'Monthly fee for running the product for a customer.',
  },
  managedMargin: {
    label: 'Managed-services gross margin',
    group: 'managed',
    unit: 'fraction',
    min: 0,
    max: 1,
    fallback: 0.46,
    help: 'Gross margin on managed services.',
  },
  managedChurnMonthly: {
    label: 'Managed-services churn a month',
    group: 'managed',
    unit: 'fraction',
    min: 0,
    max: 0.5,
    fallback: 0.01,
    help: 'Share of managed customers lost each month.',
  },

  marketplaceShare: {
    label: 'Share sold through a marketplace',
    group: 'marketplace',
    unit: 'fraction',
    min: 0,
    max: 1,
    fallback: 0,
    help: 'Share of deals transacted through a cloud marketplace private offer.',
  },
  marketplaceFee: {
    label: 'Marketplace fee',
    group: 'marketplace',
    unit: 'fraction',
    min: 0,
    max: 0.3,
    fallback: 0.03,
    help: 'Fee the marketplace keeps on a new deal (its first-year contract).',
  },
  marketplaceRenewalFee: {
    label: 'Marketplace fee on renewals',
    group: 'marketplace',
    unit: 'fraction',
    min: 0,
    max: 0.3,
    fallback: 0.015,
    help: 'Fee the marketplace keeps when a customer renews through it (often lower than on new deals).',
  },

  trainingRevenuePerCustomer: {
    label: 'Training revenue a customer',
    group: 'training',
    unit: 'currency',
    min: 0,
    max: 1_000_000,
    fallback: 0,
    help: 'Training sold to each new customer.',
  },
  trainingMargin: {
    label: 'Training gross margin',
    group: 'training',
    unit: 'fraction',
    min: 0,
    max: 1,
    fallback: 0.4,
    help: 'Gross margin on training delivery.',
  },

  ipRevenuePerCustomerAnnual: {
    label: 'Own IP revenue a customer a year',
    group: 'ip',
    unit: 'currency',
    min: 0,
    max: 10_000_000,
    fallback: 0,
    help: "The partner's own software or IP sold alongside, per customer per year.",
  },
  ipMargin: {
    label: 'Own IP gross margin',
    group: 'ip',
    unit: 'fraction',
    min: 0,
    max: 1,
    fallback: 0.6,
    help: "Gross margin on the partner's own IP.",
  },

  onboardingCost: {
    label: 'Onboarding',
    group: 'investment',
    unit: 'currency',
    min: 0,
    max: 1_000_000,
    fallback: 0,
    help: 'Month 0: the agreement and its legal and finance review, setting the line up in quoting, ordering, billing and the PSA or CRM, and the internal kick-off.',
  },
  practiceBuildCost: {
    label: 'Practice or integration build',
    group: 'investment',
    unit: 'currency',
    min: 0,
    max: 10_000_000,
    fallback: 0,
    help: 'Month 0: service definitions, runbooks, pricing and a demo build; for an ISV, engineering and certifying the integration; for a training partner, the courseware.',
  },
  launchMarketingCost: {
    label: 'Launch marketing',
    group: 'investment',
    unit: 'currency',
    min: 0,
    max: 10_000_000,
    fallback: 0,
    help: 'Month 0: the launch campaign, web pages, collateral and a launch event or content.',
  },
  salesFte: {
    label: 'Sales and pre-sales capacity',
    group: 'investment',
    unit: 'count',
    min: 0,
    max: 100,
    fallback: 0,
    help: 'People selling and scoping the line, in full-time equivalents (0.5 = half of one person), paid from month 1, through the ramp before the first deal.',
  },
  salesCostAnnual: {
    label: 'Cost of a sales FTE a year',
    group: 'investment',
    unit: 'currency',
    min: 0,
    max: 2_000_000,
    fallback: 120_000,
    help: 'Loaded yearly cost of one full-time sales or pre-sales person: salary, commission at plan, benefits and overhead.',
  },
  customerPaymentDays: {
    label: 'Days customers take to pay',
    group: 'resale',
    unit: 'days',
    min: 0,
    max: 365,
    fallback: 45,
    help: 'Days sales outstanding on what the partner resells: how long after invoicing its customers pay.',
  },
  vendorPaymentDays: {
    label: 'Days to pay the vendor',
    group: 'resale',
    unit: 'days',
    min: 0,
    max: 365,
    fallback: 30,
    help: "Payment terms on what the partner buys to resell (from the vendor or a distributor). When customers take longer, the partner's cash waits: that is working capital.",
  },
  costPerOrder: {
    label: 'Cost to serve an order',
    group: 'resale',
    unit: 'currency',
    min: 0,
    max: 100_000,
    fallback: 0,
    help: 'What handling one resold order costs the partner: quoting and order processing, credit checks and collections, first-line support. Counted for each new contract and each renewal; matters where orders are many and margins thin, as in distribution.',
  },

  certifications: {
    label: 'Certifications needed',
    group: 'investment',
    unit: 'count',
    min: 0,
    max: 200,
    fallback: 2,
    help: 'People to certify to start.',
  },
  certificationFee: {
    label: 'Fee per certification',
    group: 'investment',
    unit: 'currency',
    min: 0,
    max: 100_000,
    fallback: 300,
    help: 'Exam and course fees per person.',
  },
  certificationHours: {
    label: 'Hours per certification',
    group: 'investment',
    unit: 'hours',
    min: 0,
    max: 2_000,
    fallback: 40,
    help: 'Study hours per person, taken from billable time.',
  },
  loadedHourlyCost: {
    label: 'Loaded hourly cost',
    group: 'investment',
    unit: 'currency',
    min: 0,
    max: 10_000,
    fallback: 85,
    help: "Cost of one hour of a person's time, salary and overheads included.",
  },
  hires: {
    label: 'Delivery hires',
    group: 'costs',
    unit: 'count',
    min: 0,
    max: 500,
    fallback: 0,
    help: 'People hired to deliver or run the line (engineers on a rota, consultants), in full-time equivalents.',
  },
  hireCostAnnual: {
    label: 'Cost of a hire a year',
    group: 'costs',
    unit: 'currency',
    min: 0,
    max: 2_000_000,
    fallback: 110_000,
    help: 'Loaded yearly cost of one hire.',
  },
  hireRampMonths: {
    label: 'Months a hire takes to ramp',
    group: 'costs',
    unit: 'months',
    min: 0,
    max: 24,
    fallback: 3,
    help: 'Months before a hire is productive (paid meanwhile).',
  },
  programFeeAnnual: {
    label: 'Program fee a year',
    group: 'costs',
    unit: 'currency',
    min: 0,
    max: 1_000_000,
    fallback: 0,
    help: 'Yearly partner-program or support-plan fee.',
  },
  labCostMonthly: {
    label: 'Demo and lab a month',
    group: 'costs',
    unit: 'currency',
    min: 0,
    max: 1_000_000,
    fallback: 200,
    help: 'Demo tenants, lab infrastructure and tooling.',
  },
  marketingMonthly: {
    label: 'Marketing a month',
    group: 'costs',
    unit: 'currency',
    min: 0,
    max: 10_000_000,
    fallback: 1_000,
    help: 'Campaigns and events for the line, a month, in full (what pays part of it back is its own input).',
  },
  mdfReimbursement: {
    label: 'Share of marketing reimbursed by MDF',
    group: 'resale',
    unit: 'fraction',
    min: 0,
    max: 1,
    fallback: 0.5,
    help: "Share of the monthly marketing spend the vendor's MDF pays back, up to the MDF accrued on resold value.",
  },
});

export type AssumptionKey = keyof typeof ASSUMPTIONS;
export const ASSUMPTION_KEYS = Object.keys(ASSUMPTIONS) as AssumptionKey[];
export type Assumptions = Record<AssumptionKey, number>;

export const isAssumptionKey = (key: string): key is AssumptionKey =>
  Object.hasOwn(ASSUMPTIONS, key);

/** Why a value is not acceptable for a key, or undefined if it is. */
export function assumptionProblem(key: AssumptionKey, value: number): string | undefined {
  const s: AssumptionSpec = ASSUMPTIONS[key];
  if (!Number.isFinite(value)) return `${key} must be a number between ${s.min} and ${s.max}`;
  if (value < s.min || value > s.max)
    return `${key} must be between ${s.min} and ${s.max} (got ${value})`;
  if (s.integer && !Number.isInteger(value))
    return `${key} must be a whole number between ${s.min} and ${s.max} (got ${value})`;
  return undefined;
}
