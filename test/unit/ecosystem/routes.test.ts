// Routes to market: a product's route at its stage, and the product a recruiter leads with for
// the type in front of them.
import { describe, expect, it } from 'vitest';
import { dataset as base } from '../../fixtures/business-case-dataset.ts';
import type { Dataset } from '../../../src/core/dataset.ts';
import { nextStage, productRoute, routesForType } from '../../../src/core/ecosystem/routes.ts';
import { RoutesFile } from '../../../src/core/schema/routes.ts';
import { PartnersFile } from '../../../src/core/schema/coverage.ts';

const cite = { assumption: 'Test.' };
const stage = (name: string, incentives: string[]) => ({
  stage: name,
  summary: `${name} guidance.`,
  incentives: incentives.map((id) => ({ id, name: id, what: `${id}.`, ...cite })),
  exitCriteria: [{ measure: `${name} exit`, target: { value: 10, ...cite } }],
});

const d: Dataset = {
  ...base,
  routes: RoutesFile.parse({
    stages: [stage('growth', ['displacement', 'registration']), stage('mature', ['renewal'])],
    routes: [
      {
        product: 'widget',
        summary: 'Resellers lead.',
        lead: [{ type: 'reseller', why: 'Sells it.' }],
        assist: [{ type: 'referral-partner', why: 'Introduces.' }],
        wait: [{ type: 'training-partner', until: 'A course exists.' }],
        incentives: ['registration'],
      },
      {
        product: 'gadget',
        summary: 'MSPs and resellers.',
        lead: [{ type: 'managed-service-provider', why: 'Runs it.' }],
        assist: [{ type: 'reseller', why: 'Renews it.' }],
        wait: [{ type: 'referral-partner', until: 'Never.' }],
        exitCriteria: [{ measure: 'Own exit', unit: 'percent', target: { value: 0.9, ...cite } }],
      },
    ],
    sources: [],
  }),
  partners: PartnersFile.parse({
    partners: [
      { id: 'a', name: 'A', type: 'reseller', status: 'active', capacity: 1, products: ['widget'] },
      {
        id: 'b',
        name: 'B',
        type: 'reseller',
        status: 'enrolled',
        capacity: 1,
        products: ['widget'],
      },
      { id: 'c', name: 'C', type: 'reseller', status: 'active', capacity: 1, products: ['gadget'] },
    ],
    sources: [],
  }),
};
const widget = d.vendor.products.find((p) => p.id === 'widget')!;
const gadget = d.vendor.products.find((p) => p.id === 'gadget')!;

describe('routes to market', () => {
  it("gives a product its stage's guidance, its route in order, the incentives it uses and its active partners", () => {
    const r = productRoute(d, widget);
    expect(r.stage?.stage).toBe('growth');
    expect(r.entries.map((e) => `${e.position}:${e.type}`)).toEqual([
      'lead:reseller',
      'assist:referral-partner',
      'wait:training-partner',
    ]);
    expect(r.entries[2]!.reason).toBe('A course exists.');
    expect(r.incentives.map((i) => i.id)).toEqual(['registration']);
    expect(r.exitCriteria.map((c) => c.measure)).toEqual(['growth exit']);
    expect(r.nextStage).toBe('mature');
    expect(r.activePartners.map((p) => p.id)).toEqual(['a']);
  });

  it("uses a product's own exit criteria, and all its stage's incentives when it names none", () => {
    const r = productRoute(d, gadget);
    expect(r.exitCriteria.map((c) => c.measure)).toEqual(['Own exit']);
    expect(r.incentives.map((i) => i.id)).toEqual(['renewal']);
    expect(nextStage('sunset')).toBeNull();
  });

  it('leads with the first product a type leads, else one it assists, never one it waits for', () => {
    const reseller = routesForType(d, 'reseller');
    expect(reseller.routes.map((r) => `${r.position}:${r.product.id}`)).toEqual([
      'lead:widget',
      'assist:gadget',
    ]);
    expect(reseller.leadWith?.product.id).toBe('widget');
    // Assists widget, waits on gadget: leads with widget as an assist.
    const referral = routesForType(d, 'referral-partner');
    expect(referral.leadWith).toMatchObject({ position: 'assist', product: { id: 'widget' } });
    // Only waits: nothing to lead with.
    expect(routesForType(d, 'training-partner').leadWith).toBeUndefined();
    expect(routesForType(d, 'cloud-marketplace')).toEqual({ routes: [], leadWith: undefined });
  });
});
