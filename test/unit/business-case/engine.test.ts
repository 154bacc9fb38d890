import { describe, expect, it } from 'vitest';
import {
  CaseRequestError,
  resolveAssumptions,
  runCase,
  simOptions,
  simulate,
  caseNpv,
  STREAM_KINDS,
  type CaseRequest,
  type CaseResult,
} from '../../../src/core/business-case/index.ts';
import { applyScenario, SCENARIOS } from '../../../src/core/business-case/scenarios.ts';
import type { Dataset } from '../../../src/core/dataset.ts';
import { formatMoney } from '../../../src/core/format.ts';
import { ASSUMPTIONS } from '../../../src/core/assumption-registry.ts';
import { defaultCase, MIX_NOTE } from '../../../src/core/business-case/run-case.ts';
import fc from 'fast-check';
import { dataset } from '../../fixtures/business-case-dataset.ts';

const one = (type: string, extra: Omit<CaseRequest, 'mix'> = {}): CaseRequest => ({
  mix: [{ type, weight: 1 }],
  ...extra,
});
const quick = { scenarios: false, sensitivity: false, breakEven: false } as const;
const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);
/** The fixture with the entry tier only, so tiers change nothing. */
const entryOnly: Dataset = {
  ...dataset,
  vendor: { ...dataset.vendor, tiers: [dataset.vendor.tiers[0]!] },
};

describe('resolution order and provenance', () => {
  it('registry fallback -> product -> entry tier -> type defaults', () => {
    const r = resolveAssumptions(dataset, one('reseller'));
    expect(r.provenance.dealValue).toMatchObject({
      value: 20_000,
      from: 'product',
      steps: [
        { from: 'fallback', value: 25_000 },
        { from: 'product', ref: 'widget', value: 20_000 },
      ],
    });
    expect(r.provenance.renewalRate).toMatchObject({ value: 0.9, from: 'product' });
    expect(r.provenance.resaleMargin).toMatchObject({
      value: 0.15,
      from: 'type',
      steps: [
        { from: 'fallback' },
        { from: 'tier', ref: 'member', value: 0.1 },
        { from: 'type', ref: 'reseller', value: 0.15, assumption: 'Test value.' },
      ],
    });
    expect(r.provenance.referralFeeCap).toMatchObject({
      value: 25_000,
      from: 'tier',
      steps: [{ from: 'fallback' }, { from: 'tier', ref: 'member' }],
    });
    expect(r.provenance.labCostMonthly).toMatchObject({
      value: ASSUMPTIONS.labCostMonthly.fallback,
      from: 'fallback',
    });
    expect(
      resolveAssumptions(dataset, one('managed-service-provider')).provenance.dealValue,
    ).toMatchObject({ value: 18_000, from: 'type' });
  });

  it('a vertical then a segment multiply, overrides win last, and values leaving the bounds are brought back quietly', () => {
    const r = resolveAssumptions(dataset, one('reseller', { vertical: 'health', segment: 'smb' }));
    expect(r.assumptions.dealValue).toBeCloseTo(20_000 * 1.2 * 0.5, 9);
    expect(r.provenance.dealValue.steps.map((s) => s.from)).toEqual([
      'fallback',
      'product',
      'vertical',
      'segment',
    ]);
    expect(r.provenance.dealValue.steps[2]).toMatchObject({ ref: 'health', factor: 1.2 });
    expect(r.assumptions.renewalRate).toBe(1);
    expect(r.provenance.renewalRate.steps.at(-1)).toMatchObject({
      from: 'vertical',
      adjusted: true,
      value: 1,
    });
    // A multiplier landing a default on a bound is in the provenance, not in the notes.
    expect(r.adjustments).toEqual([]);

    const o = resolveAssumptions(
      dataset,
      one('reseller', { vertical: 'health', segment: 'smb', overrides: { dealValue: 31_000 } }),
    );
    expect(o.assumptions.dealValue).toBe(31_000);
    expect(o.provenance.dealValue.from).toBe('override');
  });

  it('months, people and customers keep the fraction a multiplier gives; no rounding note', () => {
    const r = resolveAssumptions(dataset, one('reseller', { vertical: 'retail' })); // monthsToFirstDeal 3 x 0.5
    expect(r.assumptions.monthsToFirstDeal).toBe(1.5);
    expect(r.adjustments).toEqual([]);
    expect(runCase(dataset, one('reseller', { vertical: 'retail' })).notes.join()).not.toMatch(
      /brought to|came to|round/i,
    );
  });

  it('the product defaults to the first fit product; the request can choose another', () => {
    expect(resolveAssumptions(dataset, one('referral-partner')).lanes[0]!.product).toBe('gadget');
    const r = resolveAssumptions(dataset, one('reseller', { product: 'gadget' }));
    expect(r.assumptions.dealValue).toBe(50_000);
    expect(r.lanes[0]!.productName).toBe('Gadget Suite');
  });

  it('unknown ids and bad overrides throw CaseRequestError naming them', () => {
    const catchProblems = (req: CaseRequest) => {
      try {
        resolveAssumptions(dataset, req);
      } catch (e) {
        expect(e).toBeInstanceOf(CaseRequestError);
        return (e as CaseRequestError).problems.map((p) => p.message).join('\n');
      }
      throw new Error('expected an error');
    };
    expect(catchProblems(one('resellr'))).toMatch(
      /unknown partner type `resellr`; did you mean `reseller`\?/,
    );
    expect(catchProblems(one('reseller', { vertical: 'helth' }))).toMatch(
      /unknown vertical `helth`; did you mean `health`/,
    );
    expect(catchProblems(one('reseller', { segment: 'mid' }))).toMatch(/unknown segment `mid`/);
    expect(catchProblems(one('reseller', { product: 'gizmo' }))).toMatch(/unknown product `gizmo`/);
    expect(catchProblems(one('reseller', { overrides: { renewalRate: 1.5 } }))).toMatch(
      /renewalRate must be between 0 and 1 \(got 1\.5\)/,
    );
    expect(catchProblems({ mix: [{ type: 'reseller', weight: 0 }] })).toMatch(
      /weight of `reseller` must be a number above 0/,
    );
  });
});

describe('mix of partner types', () => {
  it('resolves aliases and initials, normalises weights, blends assumptions by weight', () => {
    const r = resolveAssumptions(dataset, {
      mix: [
        { type: 'MSP', weight: 3 },
        { type: 'var', weight: 1 },
      ],
    });
    expect(r.request.mix).toEqual([
      { type: 'managed-service-provider', weight: 0.75 },
      { type: 'reseller', weight: 0.25 },
    ]);
    expect(r.assumptions.dealValue).toBeCloseTo(0.75 * 18_000 + 0.25 * 20_000, 9);
    expect(r.provenance.dealValue.from).toBe('mix');
    expect(r.provenance.dealValue.lanes).toEqual([
      { type: 'managed-service-provider', weight: 0.75, value: 18_000, from: 'type' },
      { type: 'reseller', weight: 0.25, value: 20_000, from: 'product' },
    ]);
    expect(resolveAssumptions(dataset, one('msp')).lanes[0]!.type).toBe('managed-service-provider');
    expect(resolveAssumptions(dataset, one('mssp')).lanes[0]!.type).toBe(
      'managed-service-provider',
    );
  });

  it('up-front costs are a weighted average, not paid twice', () => {
    const mix = runCase(
      dataset,
      {
        mix: [
          { type: 'managed-service-provider', weight: 0.6 },
          { type: 'reseller', weight: 0.4 },
        ],
      },
      quick,
    );
    const msp = runCase(dataset, one('managed-service-provider'), quick);
    const res = runCase(dataset, one('reseller'), quick);
    expect(mix.monthly[0]!.costs).toBeCloseTo(
      0.6 * msp.monthly[0]!.costs + 0.4 * res.monthly[0]!.costs,
      9,
    );
    expect(mix.monthly[0]!.costs).toBeLessThan(msp.monthly[0]!.costs + res.monthly[0]!.costs);
  });

  it('a mix is the weighted combination of its types, each run on its own: tiers included (property)', () => {
    const types = dataset.partnerTypes.map((t) => t.id);
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom(...types), { minLength: 2, maxLength: 4 }),
        fc.array(fc.double({ min: 0.01, max: 100, noNaN: true }), { minLength: 4, maxLength: 4 }),
        (ids, raw) => {
          const request = { mix: ids.map((type, i) => ({ type, weight: raw[i]! })) };
          const mix = runCase(dataset, request, quick);
          const total = ids.reduce((s, _, i) => s + raw[i]!, 0);
          const alone = ids.map((type) => runCase(dataset, one(type), quick));
          const w = (i: number) => raw[i]! / total;
          const sum = (f: (r: CaseResult) => number) =>
            alone.reduce((s, r, i) => s + w(i) * f(r), 0);
          const close = (x: number, y: number) =>
            expect(Math.abs(x - y)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(y)));
          close(
            mix.summary.npv,
            sum((r) => r.summary.npv),
          );
          close(
            mix.summary.grossProfit,
            sum((r) => r.summary.grossProfit),
          );
          close(
            mix.summary.totalCosts,
            sum((r) => r.summary.totalCosts),
          );
          mix.monthly.forEach((row, t) =>
            close(
              row.net,
              sum((r) => r.monthly[t]!.net),
            ),
          );
          // Each type's tiers are its own: the mix's lane tiers are the types' alone.
          mix.laneTiers.forEach((lane, i) =>
            expect(lane.tiers.map((x) => x.reachedMonth)).toEqual(
              alone[i]!.tiers.map((x) => x.reachedMonth),
            ),
          );
        },
      ),
      { numRuns: 40 },
    );
  });

  it('weights that do not add up to 1 are scaled, and the case says so; huge ones do not overflow', () => {
    const r = runCase(
      dataset,
      {
        mix: [
          { type: 'managed-service-provider', weight: 60 },
          { type: 'reseller', weight: 30 },
        ],
      },
      quick,
    );
    expect(r.request.mix.map((m) => m.weight)).toEqual([2 / 3, 1 / 3]);
    expect(r.notes).toContain(
      'The weights given (60, 30) add up to 90, not 1; the case scales them to 66.7% Managed service provider, 33.3% Value-added reseller.',
    );
    const huge = runCase(
      dataset,
      {
        mix: [
          { type: 'managed-service-provider', weight: 1e308 },
          { type: 'reseller', weight: 1e308 },
        ],
      },
      quick,
    );
    expect(huge.request.mix.map((m) => m.weight)).toEqual([0.5, 0.5]);
    expect(huge.notes.join(' ')).toMatch(/add up to more than a number can hold, not 1/);
    const fine = runCase(
      dataset,
      {
        mix: [
          { type: 'reseller', weight: 0.4 },
          { type: 'training-partner', weight: 0.6 },
        ],
      },
      quick,
    );
    expect(fine.notes.join(' ')).not.toMatch(/weights given/);
    expect(fine.notes).toContain(MIX_NOTE);
  });

  it('without tiers to couple them, a mix is the weighted sum of its types, stream by stream', () => {
    const mix = runCase(
      entryOnly,
      {
        mix: [
          { type: 'managed-service-provider', weight: 0.6 },
          { type: 'software-vendor', weight: 0.4 },
        ],
      },
      quick,
    );
    const a = runCase(entryOnly, one('managed-service-provider'), quick);
    const b = runCase(entryOnly, one('software-vendor'), quick);
    mix.monthly.forEach((row, t) => {
      for (const s of STREAM_KINDS)
        expect(row.revenue[s]).toBeCloseTo(
          0.6 * a.monthly[t]!.revenue[s] + 0.4 * b.monthly[t]!.revenue[s],
          6,
        );
      expect(row.net).toBeCloseTo(0.6 * a.monthly[t]!.net + 0.4 * b.monthly[t]!.net, 6);
    });
    expect(mix.streams).toEqual(['resale', 'services', 'managed', 'marketplace', 'ip']);
  });
});

describe('the model, month by month', () => {
  const res = runCase(entryOnly, one('reseller'), quick);
  const a = res.assumptions;

  it('has months 0..horizon, with only up-front costs in month 0', () => {
    expect(res.monthly.map((m) => m.month)).toEqual([...Array(37).keys()]);
    expect(res.monthly[0]!.revenueTotal).toBe(0);
    expect(res.monthly[0]!.costItems.certifications).toBe(
      a.certifications * (a.certificationFee + a.certificationHours * a.loadedHourlyCost),
    );
    expect(res.monthly[1]!.costItems.certifications).toBe(0);
    const long = runCase(entryOnly, one('reseller', { overrides: { horizonMonths: 60 } }), quick);
    expect(long.monthly).toHaveLength(61);
  });

  it('ramps new customers linearly from the first deal to the steady state', () => {
    // monthsToFirstDeal 3, monthsToSteadyState 9, 2 a month
    expect(res.monthly.slice(0, 3).map((m) => m.newCustomers)).toEqual([0, 0, 0]);
    expect(res.monthly[3]!.newCustomers).toBeCloseTo(0.2, 12);
    expect(res.monthly[7]!.newCustomers).toBeCloseTo(1, 12);
    expect(res.monthly[12]!.newCustomers).toBeCloseTo(2, 12);
    expect(res.monthly[30]!.newCustomers).toBeCloseTo(2, 12);
  });

  it("renews each year's business 12 months later at the renewal rate", () => {
    const m = res.monthly;
    expect(m[5]!.bookings).toBeCloseTo(m[5]!.newCustomers * a.dealValue, 9);
    expect(m[15]!.bookings).toBeCloseTo(
      m[15]!.newCustomers * a.dealValue + a.renewalRate * m[3]!.bookings,
      9,
    );
    expect(m[27]!.bookings).toBeCloseTo(
      m[27]!.newCustomers * a.dealValue + a.renewalRate * m[15]!.bookings,
      9,
    );
  });

  it('resale is margin on bookings; services attach to new business; rebates arrive after the quarter', () => {
    const m = res.monthly;
    expect(m[20]!.revenue.resale).toBeCloseTo(a.resaleMargin * m[20]!.bookings, 9);
    expect(m[20]!.revenue.services).toBeCloseTo(
      a.servicesAttachRatio * m[20]!.newCustomers * a.dealValue,
      9,
    );
    const rebateMonths = m.filter((r) => r.revenue.rebate > 0).map((r) => r.month);
    expect(rebateMonths.every((t) => t % 3 === 1)).toBe(true);
    expect(rebateMonths[0]).toBe(4);
    expect(m[7]!.revenue.rebate).toBeCloseTo(
      a.rebateRate * (m[4]!.bookings + m[5]!.bookings + m[6]!.bookings),
      9,
    );
  });

  it('billed monthly: margin, rebates and the cash tied up follow a twelfth of each contract a month; services stay on the sale', () => {
    const monthlyType = {
      ...entryOnly,
      partnerTypes: entryOnly.partnerTypes.map((t) =>
        t.id === 'reseller'
          ? { ...t, businessCase: { ...t.businessCase, billing: 'monthly' as const } }
          : t,
      ),
    };
    const mo = runCase(monthlyType, one('reseller'), quick);
    const m = mo.monthly;
    const y = res.monthly;
    // a month bills a twelfth of the contracts booked in it and the 11 months before
    const billed = (t: number) =>
      sum(m.slice(Math.max(1, t - 11), t + 1).map((r) => r.bookings)) / 12;
    for (const t of [3, 8, 20, 36])
      expect(m[t]!.revenue.resale).toBeCloseTo(a.resaleMargin * billed(t), 9);
    expect(m[7]!.revenue.rebate).toBeCloseTo(a.rebateRate * (billed(4) + billed(5) + billed(6)), 9);
    // the contracts are the same; services are sold with them, whatever the billing
    expect(m.map((r) => r.bookings)).toEqual(y.map((r) => r.bookings));
    expect(m.map((r) => r.revenue.services)).toEqual(y.map((r) => r.revenue.services));
    // less margin within the horizon (the months billed after it are not counted), later payback
    expect(mo.summary.grossProfitByStream.resale).toBeLessThan(
      res.summary.grossProfitByStream.resale,
    );
    expect(mo.summary.paybackMonth!).toBeGreaterThan(res.summary.paybackMonth!);
    expect(mo.notes.join(' ')).toMatch(/bills its customers monthly.*not counted/);
    expect(res.notes.join(' ')).not.toMatch(/monthly/);
    // the cash waiting on customers at the end is a month's purchases, not a year's
    expect(res.summary.workingCapitalAtEnd).toBeGreaterThan(0);
    expect(mo.summary.workingCapitalAtEnd).toBeCloseTo(
      (res.summary.workingCapitalAtEnd * billed(36)) / m[36]!.bookings,
      6,
    );
    // in a mix, the note names the type that bills monthly
    const mix = runCase(
      monthlyType,
      {
        mix: [
          { type: 'reseller', weight: 0.5 },
          { type: 'referral-partner', weight: 0.5 },
        ],
      },
      quick,
    );
    const reseller = monthlyType.partnerTypes.find((t) => t.id === 'reseller')!.name;
    expect(mix.notes.join(' ')).toContain(`${reseller} bills its customers monthly`);
    // over the horizon each contract is billed for the months of it that fall inside: all 12,
    // or 36 - s + 1 for one booked in month s > 25
    const H = m.length - 1;
    const billedInHorizon = sum(m.map((r, s) => (r.bookings * Math.min(12, H - s + 1)) / 12));
    expect(sum(m.map((r) => r.revenue.resale))).toBeCloseTo(a.resaleMargin * billedInHorizon, 6);
  });

  it('MDF received never exceeds what accrued nor the reimbursable share of marketing', () => {
    let accrued = 0;
    let received = 0;
    for (const m of res.monthly) {
      accrued += a.mdfRate * m.bookings;
      received += m.revenue.mdf;
      expect(received).toBeLessThanOrEqual(accrued + 1e-9);
      expect(m.revenue.mdf).toBeLessThanOrEqual(a.mdfReimbursement * m.costItems.marketing + 1e-9);
    }
    expect(received).toBeGreaterThan(0);
  });

  it('pays referral fees, capped, referralLagMonths after the sale', () => {
    const ref = runCase(
      entryOnly,
      one('referral-partner', { overrides: { referralLagMonths: 4 } }),
      quick,
    );
    const first = ref.monthly.findIndex((m) => m.newCustomers > 0);
    expect(ref.monthly.findIndex((m) => m.revenue.referral > 0)).toBe(first + 4);
    // 10% of 50,000 = 5,000 a deal, under the 25,000 cap
    expect(ref.monthly[first + 4]!.revenue.referral).toBeCloseTo(
      ref.monthly[first]!.newCustomers * 5_000,
      9,
    );
    const capped = runCase(
      entryOnly,
      one('referral-partner', {
        overrides: { referralLagMonths: 0, referralFeeCap: 1_000, referralFeeRate: 0.1 },
      }),
      quick,
    );
    // the typed cap is the case's cap, though the entry tier's is 25,000
    expect(capped.monthly[20]!.revenue.referral).toBeCloseTo(
      capped.monthly[20]!.newCustomers * 1_000,
      9,
    );
    const noTier: Dataset = {
      ...entryOnly,
      vendor: {
        ...entryOnly.vendor,
        tiers: [
          {
            ...entryOnly.vendor.tiers[0]!,
            benefits: { ...entryOnly.vendor.tiers[0]!.benefits, referralFee: 0 },
          },
        ],
      },
    };
    const own = runCase(
      noTier,
      one('referral-partner', {
        overrides: { referralLagMonths: 0, referralFeeCap: 1_000, referralFeeRate: 0.1 },
      }),
      quick,
    );
    expect(own.monthly[20]!.revenue.referral).toBeCloseTo(own.monthly[20]!.newCustomers * 1_000, 9);
  });

  it('managed customers churn monthly', () => {
    const msp = runCase(entryOnly, one('managed-service-provider'), quick);
    const b = msp.assumptions;
    let customers = 0;
    for (const m of msp.monthly.slice(1)) {
      customers = customers * (1 - b.managedChurnMonthly) + m.newCustomers;
      expect(m.revenue.managed).toBeCloseTo(customers * b.managedFeeMonthly, 6);
    }
  });

  it('net = gross profit - costs, cumulative is the running sum', () => {
    let c = 0;
    for (const m of res.monthly) {
      expect(m.net).toBeCloseTo(m.grossProfit - m.costs, 9);
      c += m.net;
      expect(m.cumulative).toBeCloseTo(c, 6);
    }
  });
});

describe('tiers', () => {
  // resaleMargin below the silver discount, so reaching silver raises it
  const res = runCase(
    dataset,
    one('reseller', { overrides: { resaleMargin: 0.1, rebateRate: 0, mdfRate: 0 } }),
  );
  const silver = res.tiers[1]!;

  it('reports when each tier is reached, entry at month 0', () => {
    expect(res.tiers[0]).toMatchObject({ id: 'member', reachedMonth: 0 });
    expect(silver.reachedMonth).not.toBeNull();
    const t = silver.reachedMonth!;
    expect(res.monthly[t]!.tier).toBe('silver');
    expect(res.monthly[t - 1]!.tier).toBe('member');
    // every gate met by then; the last one met is what unlocks the tier
    const months = silver.gates.map((g) => g.metMonth);
    expect(months.every((m) => m !== null && m <= t)).toBe(true);
    expect(Math.max(...(months as number[]))).toBe(t);
    expect(silver.eligibleMonth).toBe(t);
  });

  it("applies the tier's larger rates from the month it is reached", () => {
    const t = silver.reachedMonth!;
    const m = res.monthly;
    expect(m[t - 1]!.revenue.resale).toBeCloseTo(0.1 * m[t - 1]!.bookings, 9);
    expect(m[t]!.revenue.resale).toBeCloseTo(0.15 * m[t]!.bookings, 9);
    // program fee follows the tier when the type does not set it
    expect(m[t - 1]!.costItems.programFees).toBe(0);
    expect(m[t]!.costItems.programFees).toBeCloseTo(2_500 / 12, 9);
  });

  it('a pinned program fee does not follow the tier', () => {
    const pinned = runCase(
      dataset,
      one('reseller', { overrides: { programFeeAnnual: 1_200 } }),
      quick,
    );
    expect(
      pinned.monthly.slice(1).every((m) => Math.abs(m.costItems.programFees - 100) < 1e-9),
    ).toBe(true);
  });

  it('names what is missing for a tier not reached', () => {
    const gold = res.tiers[2]!;
    expect(gold.reachedMonth).toBeNull();
    expect(gold.unmet.map((g) => g.metric)).toContain('certified-people'); // two certified, gold needs four
    const hired = runCase(
      dataset,
      one('reseller', { overrides: { hires: 2, hireRampMonths: 2 } }),
      quick,
    );
    const certified = hired.tiers[2]!.gates.find((g) => g.metric === 'certified-people')!;
    expect(certified.metMonth).toBe(3); // hires count from month 1 + ramp
  });

  it('values the tiers against staying at the entry tier', () => {
    const v = res.benefitValue;
    const flat = runCase(
      entryOnly,
      one('reseller', { overrides: { resaleMargin: 0.1, rebateRate: 0, mdfRate: 0 } }),
      quick,
    );
    expect(v.extraGrossProfit).toBeCloseTo(res.summary.grossProfit - flat.summary.grossProfit, 6);
    expect(v.extraProgramFees).toBeCloseTo(
      res.summary.costsByItem.programFees - flat.summary.costsByItem.programFees,
      6,
    );
    expect(v.total).toBeCloseTo(v.extraGrossProfit - v.extraProgramFees, 6);
    expect(sum(v.byTier.map((b) => b.net))).toBeCloseTo(v.total, 6);
    expect(sum(STREAM_KINDS.map((s) => v.byStream[s]))).toBeCloseTo(v.extraGrossProfit, 6);
    expect(v.byStream.resale).toBeGreaterThan(0);
    expect(v.byTier[0]!.net).toBe(0);
  });

  it('a marketplace keeps its fee; an ISV listing its own software pays it on that software', () => {
    // 3% on a first-year contract, the renewal fee (1.5% by default) on renewals.
    const market = runCase(dataset, one('cloud-marketplace'), quick);
    const dv = market.assumptions.dealValue;
    for (const m of market.monthly) {
      const first = m.newCustomers * dv;
      expect(m.revenue.marketplace).toBeCloseTo(0.03 * first + 0.015 * (m.bookings - first), 9);
    }
    expect(market.monthly.some((m) => m.bookings > m.newCustomers * dv + 1)).toBe(true);
    expect(market.summary.grossProfit).toBeGreaterThan(0);
    // An ISV pays the first-year fee on subscribers in their first year, the renewal fee after.
    const isv = runCase(dataset, one('listing-isv'), quick);
    for (const m of isv.monthly.slice(0, 15))
      expect(m.revenue.marketplace).toBeCloseTo(-0.4 * 0.03 * m.revenue.ip, 9);
    for (const m of isv.monthly.slice(16)) {
      expect(m.revenue.marketplace).toBeGreaterThan(-0.4 * 0.03 * m.revenue.ip);
      expect(m.revenue.marketplace).toBeLessThan(-0.4 * 0.015 * m.revenue.ip);
    }
    expect(isv.summary.recurringGrossProfit).toBeCloseTo(
      isv.summary.grossProfitByStream.ip + isv.summary.grossProfitByStream.marketplace,
      6,
    );
  });

  it("a reseller's marketplace deals wait for a tier that allows private offers", () => {
    const isv = runCase(dataset, one('software-vendor'), quick);
    const t = isv.tiers[1]!.reachedMonth!;
    expect(isv.monthly.slice(0, t).every((m) => m.revenue.marketplace === 0)).toBe(true);
    expect(isv.monthly[t]!.revenue.marketplace).toBeGreaterThan(0);
  });
});

describe('key figures', () => {
  it('break-even customers bring NPV to zero', () => {
    const res = runCase(dataset, one('reseller'));
    const be = res.summary.breakEvenCustomers!;
    expect(be).toBeGreaterThan(0);
    expect(be).toBeLessThan(2);
    const npvAt = (n: number) =>
      runCase(dataset, one('reseller', { overrides: { newCustomersPerMonth: n } }), quick).summary
        .npv;
    expect(npvAt(be)).toBeGreaterThanOrEqual(0);
    expect(npvAt(be - 0.002)).toBeLessThan(0);
  });

  it('break-even is null when out of reach and 0 with nothing to recover', () => {
    const hopeless = runCase(
      dataset,
      one('training-partner', {
        overrides: { hires: 500, hireCostAnnual: 2_000_000, trainingRevenuePerCustomer: 1 },
      }),
    );
    expect(hopeless.summary.breakEvenCustomers).toBeNull();
    expect(hopeless.summary.paybackMonth).toBeNull();
    expect(hopeless.sentence).toMatch(/does not break even within three years/);
    const free = runCase(
      dataset,
      one('training-partner', {
        overrides: { certifications: 0, labCostMonthly: 0, marketingMonthly: 0 },
      }),
    );
    expect(free.summary.breakEvenCustomers).toBe(0);
    expect(free.summary.paybackMonth).toBe(0);
    expect(free.summary.irrAnnual).toBeNull(); // flows never change sign
    expect(free.sentence).toMatch(/is cash-positive from the start/);
  });

  it('ROI and recurring share follow their definitions', () => {
    const s = runCase(dataset, one('managed-service-provider'), quick).summary;
    expect(s.roi).toBeCloseTo((s.grossProfit - s.totalCosts) / s.totalCosts, 12);
    expect(s.recurringShare).toBeCloseTo(s.recurringGrossProfit / s.grossProfit, 12);
    // managed services are all recurring
    expect(s.recurringGrossProfit).toBeGreaterThanOrEqual(s.grossProfitByStream.managed - 1e-6);
    const noCosts = runCase(
      dataset,
      one('training-partner', {
        overrides: { certifications: 0, labCostMonthly: 0, marketingMonthly: 0 },
      }),
      quick,
    ).summary;
    expect(noCosts.roi).toBeNull();
  });

  it('IRR is annualised from the monthly rate', () => {
    const s = runCase(dataset, one('reseller'), quick).summary;
    expect(s.irrAnnual).toBeCloseTo(Math.pow(1 + s.irrMonthly!, 12) - 1, 9);
    expect(s.irrAmbiguous).toBe(false);
  });
});

describe('certifications', () => {
  it('cost each person certified up front in month 0, and each hire as it joins in month 1', () => {
    const r = runCase(dataset, {
      ...one('reseller'),
      overrides: {
        certifications: 2,
        hires: 1.5,
        certificationFee: 300,
        certificationHours: 40,
        loadedHourlyCost: 50,
      },
    });
    const each = 300 + 40 * 50;
    expect(r.monthly[0]!.costItems.certifications).toBeCloseTo(2 * each, 6);
    expect(r.monthly[1]!.costItems.certifications).toBeCloseTo(1.5 * each, 6);
    expect(r.summary.costsByItem.certifications).toBeCloseTo(3.5 * each, 6);
  });
});

describe('the cost to serve resold orders', () => {
  const ordersCost = (type: string, overrides: Record<string, number>) => {
    const r = runCase(dataset, { ...one(type), overrides });
    return { r, cost: r.summary.costsByItem.costToServe };
  };

  it('is the cost of an order times the orders: each new contract and each renewal', () => {
    const none = ordersCost('reseller', { costPerOrder: 100, renewalRate: 0 });
    const customers = none.r.monthly.reduce((s, m) => s + m.newCustomers, 0);
    expect(customers).toBeGreaterThan(1);
    expect(none.cost).toBeCloseTo(100 * customers, 6);
    // Renewals are orders too: with 90% renewing, more orders than new customers.
    const renewing = ordersCost('reseller', { costPerOrder: 100, renewalRate: 0.9 });
    expect(renewing.cost).toBeGreaterThan(none.cost + 100);
    // A row of its own among the costs, and in the total.
    const y = renewing.r.yearly.at(-1)!;
    expect(y.costItems.costToServe).toBeGreaterThan(0);
    expect(ordersCost('reseller', { costPerOrder: 0 }).cost).toBe(0);
  });

  it('is paid by a partner that resells, never by one paid fees', () => {
    expect(ordersCost('referral-partner', { costPerOrder: 100 }).cost).toBe(0);
    expect(ordersCost('training-partner', { costPerOrder: 100 }).cost).toBe(0);
  });
});

describe('scenarios and sensitivity', () => {
  const res = runCase(dataset, one('managed-service-provider'));

  it('less volume < expected < more volume for a case that earns, and expected is the case itself', () => {
    const [c, e, u] = res.scenarios;
    expect([c!.id, e!.id, u!.id]).toEqual(['lower', 'expected', 'higher']);
    expect([c!.label, e!.label, u!.label]).toEqual([
      'Less volume, slower',
      'Expected',
      'More volume, faster',
    ]);
    expect(e!.summary.npv).toBe(res.summary.npv);
    expect(c!.summary.npv).toBeLessThan(e!.summary.npv);
    expect(u!.summary.npv).toBeGreaterThan(e!.summary.npv);
    expect(c!.multipliers).toEqual({ newCustomersPerMonth: 0.7, valuePerCustomer: 0.7, ramp: 1.5 });
  });

  it('"each customer worth less" moves what each stream earns on: the deal, a monthly fee, a course, a subscription', () => {
    const a = runCase(dataset, one('managed-service-provider')).assumptions;
    const lower = applyScenario(a, SCENARIOS[0]!.multipliers);
    expect(lower.dealValue).toBeCloseTo(a.dealValue * 0.7, 9);
    expect(lower.managedFeeMonthly).toBeCloseTo(a.managedFeeMonthly * 0.7, 9);
    expect(lower.trainingRevenuePerCustomer).toBeCloseTo(a.trainingRevenuePerCustomer * 0.7, 9);
    expect(lower.ipRevenuePerCustomerAnnual).toBeCloseTo(a.ipRevenuePerCustomerAnnual * 0.7, 9);
    // Not what a customer is worth: margins, fees' rates, costs.
    expect(lower.managedMargin).toBe(a.managedMargin);
    expect(lower.resaleMargin).toBe(a.resaleMargin);
    // The managed service provider's lower case earns less than smaller deals alone would
    // leave it: its monthly fee is smaller too.
    const dealsOnly = runCase(dataset, {
      ...one('managed-service-provider'),
      overrides: {
        newCustomersPerMonth: a.newCustomersPerMonth * 0.7,
        dealValue: a.dealValue * 0.7,
        monthsToFirstDeal: a.monthsToFirstDeal * 1.5,
        monthsToSteadyState: a.monthsToSteadyState * 1.5,
      },
    });
    const lowerCase = res.scenarios.find((sc) => sc.id === 'lower')!.summary;
    expect(a.managedFeeMonthly).toBeGreaterThan(0);
    expect(lowerCase.grossProfit).toBeLessThan(dealsOnly.summary.grossProfit - 1);
  });

  it('sorts drivers by swing and moves each to exactly x0.8 and x1.2, months and people too', () => {
    const rows = res.sensitivity;
    for (let i = 1; i < rows.length; i++)
      expect(rows[i - 1]!.swing).toBeGreaterThanOrEqual(rows[i]!.swing);
    const volume = rows.find((r) => r.key === 'newCustomersPerMonth')!;
    expect(volume.low.value).toBeCloseTo(1.6, 12);
    expect(volume.high.value).toBeCloseTo(2.4, 12);
    expect(volume.low.npv).toBeLessThan(res.summary.npv);
    expect(volume.high.npv).toBeGreaterThan(res.summary.npv);
    expect(volume.swing).toBeCloseTo(volume.high.npv - volume.low.npv, 6);
    const firstDeal = rows.find((r) => r.key === 'monthsToFirstDeal')!; // 2 -> 1.6 and 2.4
    expect(firstDeal.low.value).toBeCloseTo(1.6, 12);
    expect(firstDeal.high.value).toBeCloseTo(2.4, 12);
    const certs = rows.find((r) => r.key === 'certifications')!; // 3 -> 2.4 and 3.6
    expect(certs.low.value).toBeCloseTo(2.4, 12);
    expect(certs.high.value).toBeCloseTo(3.6, 12);
    // Every move is exactly x0.8 or x1.2, unless it meets a bound, and then it says so.
    for (const row of rows)
      for (const [p, factor] of [
        [row.low, 0.8],
        [row.high, 1.2],
      ] as const) {
        const spec = ASSUMPTIONS[row.key];
        if (p.atBound) expect([spec.min, spec.max], row.key).toContain(p.value);
        else expect(p.value, row.key).toBeCloseTo(factor * row.base, 9);
      }
    const renewal = rows.find((r) => r.key === 'renewalRate')!; // 90% x 1.2 stops at 100%
    expect(renewal.high).toMatchObject({ value: 1, atBound: true });
    expect(renewal.low.atBound).toBe(false);
    const rate = rows.find((r) => r.key === 'discountRateAnnual')!;
    expect(rate.low.npv).toBeGreaterThan(rate.high.npv);
  });

  it("uses only the drivers of the case's streams and costs", () => {
    const keys = new Set(res.sensitivity.map((r) => r.key));
    for (const k of [
      'managedFeeMonthly',
      'managedMargin',
      'managedChurnMonthly',
      'resaleMargin',
      'servicesAttachRatio',
      'dealValue',
      'programFeeAnnual',
    ] as const)
      expect(keys).toContain(k);
    for (const k of [
      'referralFeeRate',
      'ipMargin',
      'trainingMargin',
      'marketplaceFee',
      'rebateRate',
      'mdfRate',
      'hires',
      'hireCostAnnual',
      'horizonMonths',
    ] as const)
      expect(keys).not.toContain(k);
    const referral = new Set(
      runCase(dataset, one('referral-partner')).sensitivity.map((r) => r.key),
    );
    expect(referral).toContain('referralFeeRate');
    expect(referral).not.toContain('resaleMargin');
    expect(referral).not.toContain('labCostMonthly'); // 0 for this type
  });

  it('the sensitivity NPVs are the NPVs of the moved cases', () => {
    const resolved = resolveAssumptions(
      dataset,
      one('managed-service-provider', { overrides: { managedFeeMonthly: 1_200 * 1.2 } }),
    );
    const high = res.sensitivity.find((r) => r.key === 'managedFeeMonthly')!.high.npv;
    expect(
      caseNpv(
        simulate(resolved.lanes, simOptions(resolved)),
        resolved.assumptions.discountRateAnnual,
      ),
    ).toBeCloseTo(high, 6);
  });
});

describe('summary sentence', () => {
  const sentence = (r: CaseResult) => r.sentence;
  it("says who, what, when it breaks even, how much and how much recurs, in the vendor's money", () => {
    const r = runCase(dataset, one('managed-service-provider'));
    const share = Math.round(r.summary.recurringShare! * 100);
    expect(sentence(r)).toMatch(
      new RegExp(
        `^A managed service provider adding Widget Cloud breaks even in month ${r.summary.paybackMonth} and makes \\$[\\d,]+ gross profit over three years, ${share}% of it recurring\\.$`,
      ),
    );
    const gp = Number(/\$([\d,]+)/.exec(r.sentence)![1]!.replace(/,/g, ''));
    expect(Math.abs(gp - r.summary.grossProfit) / r.summary.grossProfit).toBeLessThan(0.005);
  });
  it('words a mix, the horizon, articles and other currencies', () => {
    const mix = runCase(
      dataset,
      {
        mix: [
          { type: 'reseller', weight: 0.4 },
          { type: 'managed-service-provider', weight: 0.6 },
        ],
      },
      quick,
    );
    expect(mix.sentence).toMatch(
      /^A partner that is 60% managed service provider and 40% value-added reseller adding Widget Cloud /,
    );
    expect(
      runCase(dataset, one('software-vendor', { overrides: { horizonMonths: 24 } }), quick)
        .sentence,
    ).toMatch(/^An ISV adding Widget Cloud .* over two years/);
    expect(
      runCase(dataset, one('reseller', { overrides: { horizonMonths: 30 } }), quick).sentence,
    ).toMatch(/over 30 months/);
    const euro: Dataset = {
      ...dataset,
      vendor: { ...dataset.vendor, currency: 'EUR', locale: 'de-DE' },
    };
    // Money in the sentence is the figure beside it, in whole units (never "1,810,000" above a
    // slide that says 1,812,268), in the vendor's currency and locale.
    const eur = runCase(euro, one('reseller'), quick);
    expect(eur.sentence).toContain(
      `makes ${formatMoney(eur.summary.grossProfit, { currency: 'EUR', locale: 'de-DE' })} gross profit`,
    );
    expect(eur.summary.grossProfit % 1000).not.toBe(0);
  });
});

describe('scenario names stay true when the case loses money', () => {
  it('named by what they assume: with no margin on its own software, more volume loses more', () => {
    const loss = runCase(dataset, {
      mix: [{ type: 'listing-isv', weight: 1 }],
      overrides: { ipMargin: 0 },
    });
    const [lower, expected, higher] = loss.scenarios;
    expect(expected!.summary.npv).toBeLessThan(0);
    expect(higher!.summary.npv).toBeLessThan(lower!.summary.npv);
    expect(higher!.label).toBe('More volume, faster');
    expect(higher!.multipliers.newCustomersPerMonth).toBeGreaterThan(1);
    expect(JSON.stringify(loss.scenarios.map((s) => s.label))).not.toMatch(/upside|conservative/i);
  });
});

describe('defaultCase', () => {
  it("is the type's main case, run once for the components of a page, for a few types at a time", () => {
    const ids = dataset.partnerTypes.map((t) => t.id);
    const first = defaultCase(dataset, ids[0]!);
    expect(first).toEqual(runCase(dataset, one(ids[0]!), quick));
    expect(defaultCase(dataset, ids[0]!)).toBe(first); // kept: not run again
    // Another dataset (the pages' bound prose) has its own cases.
    expect(defaultCase({ ...dataset }, ids[0]!)).not.toBe(first);
    // Eight other types later, the first is no longer kept (a kit's worth is never held).
    const base = dataset.partnerTypes[1]!;
    const many: Dataset = {
      ...dataset,
      partnerTypes: [
        ...dataset.partnerTypes,
        ...Array.from({ length: 8 }, (_, i) => ({ ...base, id: `clone-${i}`, aliases: [] })),
      ],
    };
    const kept = defaultCase(many, ids[0]!);
    for (let i = 0; i < 8; i++) defaultCase(many, `clone-${i}`);
    const again = defaultCase(many, ids[0]!);
    expect(again).not.toBe(kept);
    expect(again).toEqual(kept);
  });
});

describe('simulate without standings', () => {
  it('gives the same money and tiers held, and no standings (the reruns read money only)', () => {
    for (const t of dataset.partnerTypes) {
      const resolved = resolveAssumptions(dataset, one(t.id));
      const full = simulate(resolved.lanes, simOptions(resolved));
      const quiet = simulate(resolved.lanes, { ...simOptions(resolved), standings: false });
      expect(full.standings[0]!.length).toBe(resolved.tiers.length);
      expect(quiet.standings).toEqual([[]]);
      expect([...quiet.net]).toEqual([...full.net]);
      expect([...quiet.laneTiers[0]!]).toEqual([...full.laneTiers[0]!]);
    }
  });
});
