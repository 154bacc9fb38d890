// Metrics beyond revenue: a type moves the metrics its way of earning and its journey roles say
// it does, with its default business case's figures; revenue is shown beside them, not instead.
import { describe, expect, it } from 'vitest';
import { dataset as base } from '../../fixtures/business-case-dataset.ts';
import { runCase } from '../../../src/core/business-case/run-case.ts';
import type { Dataset } from '../../../src/core/dataset.ts';
import { typeMetrics } from '../../../src/core/ecosystem/type-metrics.ts';

const OPTIONS = { scenarios: false, sensitivity: false, breakEven: false } as const;
const metricsOf = (d: Dataset, type: string) => typeMetrics(d, type).moves.map((m) => m.metric);
/** The test dataset with one type's journey roles changed. */
const withRoles = (type: string, journeyRoles: ('influence' | 'transact' | 'retain')[]) => ({
  ...base,
  partnerTypes: base.partnerTypes.map((t) => (t.id === type ? { ...t, journeyRoles } : t)),
});

describe('what a type moves besides revenue', () => {
  it('follows how it earns: a referral partner sources customers, an MSP delivers and manages them', () => {
    expect(metricsOf(base, 'referral-partner')).toEqual(['sourced', 'certified']);
    expect(metricsOf(base, 'managed-service-provider')).toEqual([
      'transacted',
      'delivered',
      'managed',
      'certified',
      'satisfied',
    ]);
    expect(metricsOf(base, 'training-partner')).toEqual(['delivered', 'certified', 'satisfied']);
  });

  it('leaves out certified people when the plan certifies and hires no one', () => {
    const none: Dataset = {
      ...base,
      partnerTypes: base.partnerTypes.map((t) =>
        t.id === 'referral-partner'
          ? {
              ...t,
              businessCase: {
                ...t.businessCase,
                defaults: {
                  ...t.businessCase.defaults,
                  certifications: { value: 0, assumption: 'none' },
                  hires: { value: 0, assumption: 'none' },
                },
              },
            }
          : t,
      ),
    };
    expect(metricsOf(none, 'referral-partner')).toEqual(['sourced']);
  });

  it('adds influenced deals for a type that influences, and satisfied customers for one that retains', () => {
    const d = withRoles('referral-partner', ['influence', 'retain']);
    expect(metricsOf(d, 'referral-partner')).toEqual([
      'sourced',
      'influenced',
      'certified',
      'satisfied',
    ]);
  });

  it("takes its figures from the type's default business case", () => {
    const r = runCase(base, { mix: [{ type: 'reseller', weight: 1 }] }, OPTIONS);
    const m = typeMetrics(base, 'reseller');
    expect(m.revenue).toBe(r.summary.bookings);
    expect(m.horizonMonths).toBe(r.assumptions.horizonMonths);
    const figure = (metric: string) => m.moves.find((x) => x.metric === metric)?.figure;
    expect(figure('transacted')).toEqual({ value: r.summary.bookings, unit: 'money' });
    expect(figure('delivered')).toEqual({ value: r.summary.newCustomers, unit: 'count' });
    expect(figure('certified')).toEqual({
      value: r.assumptions.certifications + r.assumptions.hires,
      unit: 'count',
    });
    // Nothing the case does not model gets a figure.
    expect(figure('satisfied')).toBeUndefined();
  });

  it('says how to record each metric', () => {
    for (const t of base.partnerTypes)
      for (const m of typeMetrics(base, t.id).moves) {
        expect(m.label.length, `${t.id} ${m.metric}`).toBeGreaterThan(0);
        expect(m.evidence.length, `${t.id} ${m.metric}`).toBeGreaterThan(0);
      }
  });
});
