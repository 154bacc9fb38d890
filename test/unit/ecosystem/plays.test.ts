// Play economics on the engine's test dataset: every partner works on the same customers and
// deal, earns only from its role's streams (as its own engine case computes them), and the
// shares and marketplace fees move money between partners without creating or losing any.
import { describe, expect, it } from 'vitest';
import { dataset as base } from '../../fixtures/business-case-dataset.ts';
import type { Dataset } from '../../../src/core/dataset.ts';
import { runCase } from '../../../src/core/business-case/run-case.ts';
import { JOINT_KEYS, playEconomics, playsWithType } from '../../../src/core/ecosystem/plays.ts';
import { Play, PlaysFile } from '../../../src/core/schema/plays.ts';

const cite = { assumption: 'Test value.' };
const fig = (value: number) => ({ value, ...cite });

const play = (over: Record<string, unknown> = {}) =>
  Play.parse({
    id: 'joint',
    name: 'Joint play',
    customerNeed: 'Needs all three.',
    trigger: 'A customer asks.',
    product: 'widget',
    vertical: 'health',
    lead: 'reseller',
    leadWhy: 'It found the customer.',
    roles: [
      {
        type: 'reseller',
        role: 'Transact',
        does: 'Sells.',
        credit: ['sourced', 'transacted'],
        streams: ['resale'],
      },
      {
        type: 'managed-service-provider',
        role: 'Operate',
        does: 'Runs it.',
        credit: ['managed'],
        streams: ['managed'],
      },
      {
        type: 'referral-partner',
        role: 'Refer',
        does: 'Introduces.',
        credit: ['influenced'],
        streams: ['referral'],
      },
    ],
    assumptions: { newCustomersPerMonth: fig(1.5) },
    shares: [
      {
        from: 'managed-service-provider',
        to: 'referral-partner',
        on: 'managed',
        rate: fig(0.05),
        why: 'Residual.',
      },
      {
        from: 'reseller',
        to: 'referral-partner',
        on: 'contract',
        rate: fig(0.1),
        renewalRate: fig(0.04),
        why: 'Introduction.',
      },
    ],
    rulesOfEngagement: ['The reseller owns the customer.'],
    ...over,
  });

const OPTIONS = { scenarios: false, sensitivity: false, breakEven: false } as const;
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('play economics', () => {
  const p = play();
  const e = playEconomics(base, p);
  const by = (type: string) => e.partners.find((x) => x.type === type)!;

  it('puts every partner on the same customers and deal: the play’s volume, the product’s deal for its vertical', () => {
    // The MSP's own default deal (18,000) and volume are not used: the deal is the product's
    // list value (20,000) times the health vertical's 1.2.
    expect(e.dealValue).toBe(24_000);
    for (const partner of e.partners) {
      for (const key of JOINT_KEYS)
        expect(partner.request.overrides?.[key], `${partner.type} ${key}`).toBe(
          by('reseller').request.overrides?.[key],
        );
      expect(partner.request.overrides?.newCustomersPerMonth).toBe(1.5);
      expect(partner.request.overrides?.dealValue).toBe(24_000);
    }
    // Led by the MSP, whose type sets its own 18,000 deal, the deal is still the product's.
    expect(playEconomics(base, play({ lead: 'managed-service-provider' })).dealValue).toBe(24_000);
  });

  it('counts only the streams each partner earns from in the play, as its full case computes them', () => {
    const full = runCase(base, by('reseller').request, OPTIONS);
    // The reseller type also earns rebates, MDF and services; in this play it only resells.
    expect(full.summary.grossProfit).toBeGreaterThan(by('reseller').grossProfit);
    expect(by('reseller').grossProfit).toBeCloseTo(full.summary.grossProfitByStream.resale, 6);
    expect(Object.keys(by('reseller').grossProfitByStream)).toEqual(['resale']);
    const msp = runCase(base, by('managed-service-provider').request, OPTIONS);
    expect(by('managed-service-provider').grossProfit).toBeCloseTo(
      msp.summary.grossProfitByStream.managed,
      6,
    );
  });

  it("takes each share from the payer's engine figures: managed revenue, or the contract and its renewals", () => {
    const msp = runCase(base, by('managed-service-provider').request, OPTIONS);
    const managed = e.shares.find((s) => s.on === 'managed')!;
    expect(managed.amount).toBeCloseTo(0.05 * msp.summary.revenueByStream.managed, 6);

    const reseller = runCase(base, by('reseller').request, OPTIONS);
    const firstYear = sum(reseller.monthly.map((m) => m.newCustomers * 24_000));
    const renewals = reseller.summary.bookings - firstYear;
    expect(renewals).toBeGreaterThan(0);
    const contract = e.shares.find((s) => s.on === 'contract')!;
    expect(contract.amount).toBeCloseTo(0.1 * firstYear + 0.04 * renewals, 6);
    // Year 1 holds months 0 to 12 only.
    const firstYear12 = sum(reseller.monthly.slice(0, 13).map((m) => m.newCustomers * 24_000));
    expect(contract.amountYear1).toBeCloseTo(0.1 * firstYear12, 6);
  });

  it('moves money between partners without creating or losing any, and credits the payee', () => {
    const referral = by('referral-partner');
    expect(referral.sharesReceived).toBeCloseTo(sum(e.shares.map((s) => s.amount)), 6);
    expect(by('reseller').sharesPaid).toBeCloseTo(
      e.shares.find((s) => s.from === 'reseller')!.amount,
      6,
    );
    expect(sum(e.partners.map((x) => x.net))).toBeCloseTo(
      sum(e.partners.map((x) => x.grossProfit)),
      6,
    );
    for (const x of e.partners) {
      expect(x.net).toBeCloseTo(
        x.grossProfit - x.sharesPaid + x.sharesReceived - x.marketplaceFees,
        6,
      );
      expect(x.perCustomer! * e.customers).toBeCloseTo(x.net, 6);
    }
  });

  it('charges the marketplace fee on the contract to the partner that pays it, renewals at their own rate', () => {
    const withFee = playEconomics(
      base,
      play({ marketplace: { fee: fig(0.03), renewalFee: fig(0.015), paidBy: 'reseller' } }),
    );
    const reseller = runCase(base, withFee.partners[0]!.request, OPTIONS);
    const firstYear = sum(reseller.monthly.map((m) => m.newCustomers * 24_000));
    const fee = 0.03 * firstYear + 0.015 * (reseller.summary.bookings - firstYear);
    expect(withFee.marketplace?.amount).toBeCloseTo(fee, 6);
    expect(withFee.partners[0]!.marketplaceFees).toBeCloseTo(fee, 6);
    expect(withFee.partners[0]!.net).toBeCloseTo(by('reseller').net - fee, 6);
    // Paid by the vendor, it costs no partner anything.
    const vendorPays = playEconomics(
      base,
      play({ marketplace: { fee: fig(0.03), paidBy: 'vendor' } }),
    );
    expect(vendorPays.partners.map((x) => x.net)).toEqual(e.partners.map((x) => x.net));
    expect(vendorPays.marketplace!.amount).toBeGreaterThan(0);
  });

  it("applies a role's own assumptions to that partner only", () => {
    const cheaper = play({
      roles: [
        {
          type: 'reseller',
          role: 'Transact',
          does: 'Sells.',
          credit: ['sourced'],
          streams: ['resale'],
        },
        {
          type: 'managed-service-provider',
          role: 'Operate',
          does: 'Runs it.',
          credit: ['managed'],
          streams: ['managed'],
          assumptions: { managedFeeMonthly: fig(600) },
        },
        {
          type: 'referral-partner',
          role: 'Refer',
          does: 'Introduces.',
          credit: ['influenced'],
          streams: ['referral'],
        },
      ],
    });
    const c = playEconomics(base, cheaper);
    expect(c.partners[1]!.grossProfit).toBeCloseTo(
      by('managed-service-provider').grossProfit / 2,
      6,
    );
    expect(c.partners[0]!.grossProfit).toBe(by('reseller').grossProfit);
    expect(c.partners[2]!.grossProfit).toBe(by('referral-partner').grossProfit);
  });

  it('finds the plays a type is part of', () => {
    const d: Dataset = { ...base, plays: PlaysFile.parse({ plays: [p], sources: [] }) };
    expect(playsWithType(d, 'referral-partner').map((x) => x.id)).toEqual(['joint']);
    expect(playsWithType(d, 'training-partner')).toEqual([]);
  });
});
