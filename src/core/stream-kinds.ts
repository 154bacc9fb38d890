/**
 * The revenue streams the business-case engine can model: one description per kind, from which
 * the labels, chart colours, form groups, sensitivity drivers and the simulation's series are
 * derived. Plain data, no zod: the engine and the calculator's browser script read it;
 * src/core/schema/partner-type.ts builds its YAML enum from it.
 *
 * Adding a stream kind: describe it here, add its inputs to the assumption registry (with a
 * group), give it a step in `STREAM_STEPS` (src/core/business-case/simulate.ts), then list it
 * in a partner type's `businessCase.streams`. Nothing else names the kinds one by one.
 */
import type { AssumptionGroup, AssumptionKey } from './assumption-registry.ts';

export interface StreamSpec {
  /** Name on tables, charts, CLI output and decks. */
  readonly label: string;
  /** Colour on the calculator's charts (six-digit hex). */
  readonly colour: string;
  /** The calculator's form group holding its inputs (shown when a case has the stream). */
  readonly group: AssumptionGroup;
  /**
   * Which part of its gross profit recurs: `all` of it (monthly fees, subscriptions), the part
   * earned on `renewals` of last year's business, or `none` (one-off).
   */
  readonly recurring: 'all' | 'renewals' | 'none';
  /**
   * The gross-margin input applied to its revenue; null when the revenue is already the
   * partner's margin (resale margin, rebates, MDF, fees) and counts 100% as gross profit.
   */
  readonly margin: AssumptionKey | null;
  /** Every input its formula reads, besides volume (new customers, deal value, ramp, renewals). */
  readonly inputs: readonly AssumptionKey[];
  /** The inputs the sensitivity table moves when a case has this stream. */
  readonly drivers: readonly AssumptionKey[];
  /**
   * What one customer is worth in this stream: the deal value its margin or fee is taken on, or
   * its own revenue per customer (a monthly fee, a course, a subscription). The scenarios move it
   * with "each customer worth less or more", and the case's footnotes state it.
   */
  readonly perCustomer: AssumptionKey;
}

const streams = <const T extends Record<string, StreamSpec>>(t: T) => t;

export const STREAMS = streams({
  resale: {
    label: 'Resale margin',
    colour: '#0b4f8a',
    group: 'resale',
    recurring: 'renewals',
    margin: null,
    inputs: ['resaleMargin', 'marketplaceShare'],
    drivers: ['resaleMargin'],
    perCustomer: 'dealValue',
  },
  rebate: {
    label: 'Rebates',
    colour: '#4f86c6',
    group: 'resale',
    recurring: 'renewals',
    margin: null,
    inputs: ['rebateRate'],
    drivers: ['rebateRate'],
    perCustomer: 'dealValue',
  },
  mdf: {
    label: 'MDF received',
    colour: '#9cc0e6',
    group: 'resale',
    recurring: 'none',
    margin: null,
    inputs: ['mdfRate', 'mdfReimbursement', 'marketingMonthly'],
    drivers: ['mdfRate', 'mdfReimbursement'],
    perCustomer: 'dealValue',
  },
  referral: {
    label: 'Referral fees',
    colour: '#5b3fa0',
    group: 'referral',
    recurring: 'none',
    margin: null,
    inputs: ['referralFeeRate', 'referralFeeCap', 'referralLagMonths'],
    drivers: ['referralFeeRate', 'referralFeeCap', 'referralLagMonths'],
    perCustomer: 'dealValue',
  },
  services: {
    label: 'Professional services',
    colour: '#c2700a',
    group: 'services',
    recurring: 'none',
    margin: 'servicesMargin',
    inputs: ['servicesAttachRatio', 'servicesMargin'],
    drivers: ['servicesAttachRatio', 'servicesMargin'],
    perCustomer: 'dealValue',
  },
  managed: {
    label: 'Managed services',
    colour: '#1d6b3a',
    group: 'managed',
    recurring: 'all',
    margin: 'managedMargin',
    inputs: ['managedFeeMonthly', 'managedMargin', 'managedChurnMonthly'],
    drivers: ['managedFeeMonthly', 'managedMargin', 'managedChurnMonthly'],
    perCustomer: 'managedFeeMonthly',
  },
  marketplace: {
    label: 'Marketplace margin',
    colour: '#0e8a8a',
    group: 'marketplace',
    recurring: 'renewals',
    margin: null,
    inputs: [
      'marketplaceShare',
      'marketplaceFee',
      'marketplaceRenewalFee',
      'resaleMargin',
      'ipRevenuePerCustomerAnnual',
    ],
    drivers: ['marketplaceShare', 'marketplaceFee', 'marketplaceRenewalFee'],
    perCustomer: 'dealValue',
  },
  training: {
    label: 'Training delivery',
    colour: '#a0306e',
    group: 'training',
    recurring: 'none',
    margin: 'trainingMargin',
    inputs: ['trainingRevenuePerCustomer', 'trainingMargin'],
    drivers: ['trainingRevenuePerCustomer', 'trainingMargin'],
    perCustomer: 'trainingRevenuePerCustomer',
  },
  ip: {
    label: 'Own IP and software',
    colour: '#5d6673',
    group: 'ip',
    recurring: 'all',
    margin: 'ipMargin',
    inputs: ['ipRevenuePerCustomerAnnual', 'ipMargin'],
    drivers: ['ipRevenuePerCustomerAnnual', 'ipMargin'],
    perCustomer: 'ipRevenuePerCustomerAnnual',
  },
});

export type StreamKind = keyof typeof STREAMS;

/**
 * What a marketplace stream is for a type with these streams: a reseller's private-offer margin
 * (`resells`), the fee an ISV pays on its own software (`own-ip`), the fee a marketplace keeps
 * (`operates`), or no marketplace stream (`none`).
 */
export const marketplaceRole = (
  streams: readonly StreamKind[],
): 'none' | 'resells' | 'own-ip' | 'operates' =>
  !streams.includes('marketplace')
    ? 'none'
    : streams.includes('resale')
      ? 'resells'
      : streams.includes('ip')
        ? 'own-ip'
        : 'operates';
/** Every kind, in the order tables, charts and the YAML enum list them. */
export const STREAM_KINDS = Object.keys(STREAMS) as [StreamKind, ...StreamKind[]];

/** One record per kind built from a function of the kind (always in STREAM_KINDS order). */
export function perStream<T>(f: (kind: StreamKind) => T): Record<StreamKind, T> {
  const out = {} as Record<StreamKind, T>;
  for (const k of STREAM_KINDS) out[k] = f(k);
  return out;
}

export const isStreamKind = (key: string): key is StreamKind => Object.hasOwn(STREAMS, key);

export const streamLabel = (kind: StreamKind): string => STREAMS[kind].label;
