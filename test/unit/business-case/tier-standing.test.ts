// A type's standing in the program (what the program audit reads): per tier reachable, the
// month its default case gets there and the gates that lock it or are short; per benefit usable
// and why. It must agree with the business case itself.
import { describe, expect, it } from 'vitest';
import { runCase } from '../../../src/core/business-case/index.ts';
import {
  programStandings,
  typeProgramStanding,
} from '../../../src/core/business-case/tier-standing.ts';
import type { Dataset } from '../../../src/core/dataset.ts';
import { Vendor, type Program } from '../../../src/core/schema/vendor.ts';
import { dataset } from '../../fixtures/business-case-dataset.ts';

const program: Program = {
  metrics: [
    {
      id: 'resale-revenue',
      name: 'Resale revenue',
      description: 'Resold.',
      unit: 'currency',
      counts: 'bookings',
      producedBy: ['reseller', 'managed-service-provider'],
    },
    {
      id: 'certified-people',
      name: 'Certified people',
      description: 'Certified.',
      unit: 'count',
      counts: 'certified-people',
      producedBy: 'all',
    },
  ],
  benefits: [
    { benefit: 'discount', needs: ['resale-revenue'], why: 'Margin on what is resold.' },
    { benefit: 'rebate', needs: ['resale-revenue'], why: 'On resold value.' },
  ],
};
const tiers = dataset.vendor.tiers.map((t, k) => ({
  ...t,
  requirements: [
    [],
    [{ metric: 'certified-people', min: 2 }],
    [
      { metric: 'resale-revenue', min: 600_000 },
      { metric: 'certified-people', min: 40 },
    ],
  ][k]!,
}));
const kit: Dataset = { ...dataset, vendor: Vendor.parse({ ...dataset.vendor, tiers, program }) };

describe("a type's standing in the program", () => {
  it('a referral partner is locked out of a tier on resale revenue, and cannot use the discount', () => {
    const s = typeProgramStanding(kit, 'referral-partner');
    const [entry, silver, gold] = s.tiers;
    expect(entry).toMatchObject({ tier: 'member', reachable: true, reachedMonth: 0 });
    // One certified person against Silver's two: reachable, short by a gate it can produce.
    expect(silver).toMatchObject({ reachable: true, reachedMonth: null, lockedBy: [] });
    expect(silver!.short).toEqual([
      { metric: 'certified-people', gate: '2 certified people', why: 'the case has 1 by month 36' },
    ]);
    expect(gold!.reachable).toBe(false);
    expect(gold!.lockedBy).toEqual([
      {
        metric: 'resale-revenue',
        gate: '$600,000 of resale revenue a year',
        why: 'a referral partner does not produce resale revenue',
      },
    ]);
    expect(s.benefits.find((b) => b.benefit === 'discount')).toEqual({
      benefit: 'discount',
      usable: false,
      why: 'Margin on what is resold.',
    });
    expect(s.benefits.find((b) => b.benefit === 'coSell')!.usable).toBe(true);
  });

  it("agrees with each type's own default case, month for month", () => {
    for (const s of programStandings(kit)) {
      const r = runCase(kit, { mix: [{ type: s.type, weight: 1 }] });
      expect(s.tiers.map((t) => t.reachedMonth)).toEqual(r.tiers.map((t) => t.reachedMonth));
      expect(s.tiers.map((t) => t.reachable)).toEqual(r.tiers.map((t) => t.lockedBy.length === 0));
    }
    // A reseller certifies two people: it holds Silver from the start of month 1 or so.
    const reseller = typeProgramStanding(kit, 'reseller');
    expect(reseller.tiers[1]!.reachedMonth).not.toBeNull();
    expect(reseller.benefits.find((b) => b.benefit === 'discount')!.usable).toBe(true);
  });

  it('follows the vertical, segment and overrides it is given', () => {
    const more = typeProgramStanding(kit, 'referral-partner', { overrides: { certifications: 2 } });
    expect(more.tiers[1]!.short).toEqual([]);
    expect(more.tiers[1]!.eligibleMonth).not.toBeNull();
  });
});
