// A type names its streams in its own words (`businessCase.streamNames`): a consultancy's
// recurring `managed` stream is its retained advisory, in its case, its charts and its offer.
// And its costs (`businessCase.costNames`): an influencer's sales capacity is time on content.
import { describe, expect, it } from 'vitest';
import { runCase } from '../../src/core/business-case/run-case.ts';
import type { Dataset } from '../../src/core/dataset.ts';
import type { StreamKind } from '../../src/core/stream-kinds.ts';
import { earningsOffer } from '../../src/core/offer.ts';
import { costLabel, revenueByYear, streamLabel } from '../../src/core/result-display.ts';
import { caseText } from '../../src/cli/commands/case.ts';
import { dataset } from '../fixtures/business-case-dataset.ts';

/** `ds` with one type naming its streams. */
const withStreamNames = (
  ds: Dataset,
  typeId: string,
  streamNames: Partial<Record<StreamKind, string>>,
): Dataset => ({
  ...ds,
  partnerTypes: ds.partnerTypes.map((t) =>
    t.id === typeId ? { ...t, businessCase: { ...t.businessCase, streamNames } } : t,
  ),
});

const named = withStreamNames(dataset, 'managed-service-provider', {
  managed: 'Retained advisory',
});

describe('a type’s own names for its streams', () => {
  it('label its case and its charts; a mix whose types disagree keeps the generic label', () => {
    const r = runCase(named, { mix: [{ type: 'managed-service-provider', weight: 1 }] });
    expect(streamLabel(r, 'managed')).toBe('Retained advisory');
    expect(streamLabel(r, 'services')).toBe('Professional services');
    const labels = revenueByYear(r).series.map((d) => d.label);
    expect(labels).toContain('Retained advisory');
    expect(labels).not.toContain('Managed services');
    const plain = runCase(dataset, { mix: [{ type: 'managed-service-provider', weight: 1 }] });
    expect(streamLabel(plain, 'managed')).toBe('Managed services');
    // In a mix, a stream only the naming type earns keeps its name; one a type calls otherwise
    // (the reseller's services, under their generic label) is named only when all agree.
    const both = withStreamNames(named, 'reseller', { services: 'Deployments' });
    const mix = runCase(both, {
      mix: [
        { type: 'managed-service-provider', weight: 1 },
        { type: 'reseller', weight: 1 },
      ],
    });
    expect(streamLabel(mix, 'managed')).toBe('Retained advisory');
    expect(streamLabel(mix, 'services')).toBe('Professional services');
  });
});

describe('the earnings offer of a type with a recurring service of its own', () => {
  it('names it as the type does, with its monthly fee', () => {
    const t = named.partnerTypes.find((x) => x.id === 'managed-service-provider')!;
    const offer = earningsOffer(named, t);
    const managed = offer?.figures.find((f) => f.id === 'managed');
    expect(managed?.label).toBe('Retained advisory');
    expect(managed?.value).toMatch(/^\$[\d,]+ a month$/);
    // A type that does not name it: the generic words.
    const plain = dataset.partnerTypes.find((x) => x.id === 'managed-service-provider')!;
    expect(earningsOffer(dataset, plain)?.figures.find((f) => f.id === 'managed')?.label).toBe(
      'Your managed service',
    );
  });
});

describe('a type’s own names for its costs', () => {
  const content = 'Time making content';
  const withCostNames = (ds: Dataset, typeId: string): Dataset => ({
    ...ds,
    partnerTypes: ds.partnerTypes.map((t) =>
      t.id === typeId
        ? { ...t, businessCase: { ...t.businessCase, costNames: { salesCapacity: content } } }
        : t,
    ),
  });
  const ds = withCostNames(dataset, 'reseller');

  it('label its case; a mix whose types disagree keeps the generic label', () => {
    const r = runCase(ds, { mix: [{ type: 'reseller', weight: 1 }], overrides: { salesFte: 0.5 } });
    expect(r.summary.costsByItem.salesCapacity).toBeGreaterThan(0);
    expect(costLabel(r, 'salesCapacity')).toBe(content);
    expect(costLabel(r, 'lab')).toBe('Demo and lab');
    expect(caseText(r)).toContain(`  ${content}`);
    expect(caseText(r)).not.toContain('Sales and pre-sales capacity');
    const mix = runCase(ds, {
      mix: [
        { type: 'reseller', weight: 1 },
        { type: 'managed-service-provider', weight: 1 },
      ],
    });
    expect(costLabel(mix, 'salesCapacity')).toBe('Sales and pre-sales capacity');
    const both = withCostNames(ds, 'managed-service-provider');
    expect(
      costLabel(
        runCase(both, {
          mix: [
            { type: 'reseller', weight: 1 },
            { type: 'managed-service-provider', weight: 1 },
          ],
        }),
        'salesCapacity',
      ),
    ).toBe(content);
  });
});
