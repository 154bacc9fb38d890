/**
 * Metrics beyond revenue: what each partner type moves, so a partner manager measures an
 * adviser on the deals it sources and influences, an integrator on the projects it delivers and
 * an MSP on the customers it runs, not all of them on resale revenue. Which metrics a type moves
 * follows how it earns (its business-case streams) and its journey roles; the figures come from
 * its default business case, so they match its business-case page.
 */
import { defaultCase } from '../business-case/run-case.ts';
import { partnerTypeById, type Dataset } from '../dataset.ts';
import type { StreamKind } from '../schema/partner-type.ts';

export const MOVED_METRICS = [
  'transacted',
  'sourced',
  'influenced',
  'delivered',
  'managed',
  'certified',
  'satisfied',
] as const;
export type MovedMetric = (typeof MOVED_METRICS)[number];

export const MOVED_METRIC_LABELS: Record<
  MovedMetric,
  { label: string; what: string; evidence: string }
> = {
  transacted: {
    label: 'Revenue transacted',
    what: 'what it buys from the vendor and resells or bills through a marketplace',
    evidence: 'orders, distributor point-of-sale and marketplace reports',
  },
  sourced: {
    label: 'Customers sourced',
    what: 'new customers it brings that someone else bills',
    evidence: 'registered referrals and deal registrations',
  },
  influenced: {
    label: 'Deals influenced',
    what: 'deals it shapes without billing them: assessments, recommendations, content',
    evidence: 'the partner named on the opportunity, with the customer’s confirmation',
  },
  delivered: {
    label: 'Customers delivered for',
    what: 'customers it implements, integrates or trains',
    evidence: 'project sign-offs and training completions',
  },
  managed: {
    label: 'Customers managed',
    what: 'customers whose use of the product it runs every month',
    evidence: 'managed-service registrations',
  },
  certified: {
    label: 'Certified people',
    what: 'people holding a current certification',
    evidence: 'certification records',
  },
  satisfied: {
    label: 'Satisfied customers',
    what: 'customer satisfaction and renewals on the customers it looks after',
    evidence: 'post-deployment surveys and renewal rates',
  },
};

/** Streams that mean a type moves a metric. */
const BY_STREAM: Partial<Record<MovedMetric, readonly StreamKind[]>> = {
  transacted: ['resale', 'marketplace'],
  sourced: ['referral'],
  delivered: ['services', 'training'],
  managed: ['managed'],
};

export interface MetricMove {
  metric: MovedMetric;
  label: string;
  what: string;
  evidence: string;
  /** The default case's figure over its horizon, when the case models it. */
  figure?: { value: number; unit: 'money' | 'count' } | undefined;
}

export interface TypeMetrics {
  type: string;
  horizonMonths: number;
  /** Revenue sold or influenced at the default case, over the horizon (the one metric most programs count). */
  revenue: number;
  moves: MetricMove[];
}

/** The metrics a type moves, in MOVED_METRICS order, with its default case's figures. */
export function typeMetrics(d: Dataset, typeId: string): TypeMetrics {
  const type = partnerTypeById(d, typeId);
  if (!type) throw new Error(`unknown partner type "${typeId}"`);
  const r = defaultCase(d, type.id);
  const streams = type.businessCase.streams;
  const has = (m: MovedMetric) => BY_STREAM[m]?.some((s) => streams.includes(s)) ?? false;
  const roles = type.journeyRoles;
  const moves = MOVED_METRICS.filter((m) =>
    m === 'influenced'
      ? roles.includes('influence')
      : m === 'satisfied'
        ? roles.includes('retain') || has('delivered') || has('managed')
        : m === 'certified'
          ? // A plan that certifies no one does not move it (a marketplace lists, it does not deliver).
            r.assumptions.certifications + r.assumptions.hires > 0
          : has(m),
  ).map((m): MetricMove => {
    const figure =
      m === 'transacted'
        ? { value: r.summary.bookings, unit: 'money' as const }
        : m === 'sourced' || m === 'delivered'
          ? { value: r.summary.newCustomers, unit: 'count' as const }
          : m === 'certified'
            ? { value: r.assumptions.certifications + r.assumptions.hires, unit: 'count' as const }
            : undefined;
    return { metric: m, ...MOVED_METRIC_LABELS[m], figure };
  });
  return {
    type: type.id,
    horizonMonths: r.assumptions.horizonMonths,
    revenue: r.summary.bookings,
    moves,
  };
}
