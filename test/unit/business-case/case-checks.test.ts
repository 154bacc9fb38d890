// validate's case checks on the in-code dataset: a default case outside the bands is a warning
// saying which figure and which driver; a type that does not reach its target tier says why.
import { describe, expect, it } from 'vitest';
import { caseFindings } from '../../../src/core/business-case/case-checks.ts';
import type { Dataset } from '../../../src/core/dataset.ts';
import { Vendor } from '../../../src/core/schema/vendor.ts';
import { dataset } from '../../fixtures/business-case-dataset.ts';

const band = (value: number) => ({ value, assumption: 'Test band.' });
const withBands = (
  plausibility: Record<string, { value: number; assumption: string }>,
): Dataset => ({
  ...dataset,
  partnerTypes: dataset.partnerTypes.filter((t) => t.id === 'reseller'),
  verticals: [],
  segments: [],
  vendor: Vendor.parse({ ...dataset.vendor, plausibility }),
});
const messages = (d: Dataset) => caseFindings(d).map((f) => f.finding.message);

describe('case checks (partnerkit validate)', () => {
  it('a payback later than the band names the month and the band', () => {
    const [m] = messages(withBands({ paybackMonthsMin: band(1), paybackMonthsMax: band(2) }));
    expect(m).toMatch(/payback in month \d+ is later than the band's month 2/);
    expect(m).toMatch(/The driver that moves it most is /);
  });

  it('a payback sooner than the band says almost nothing is at risk', () => {
    const [m] = messages(withBands({ paybackMonthsMin: band(35), paybackMonthsMax: band(36) }));
    expect(m).toMatch(/is sooner than the band's month 35: almost nothing is at risk/);
  });

  it('ROI and IRR above their bands are each named, with their limits', () => {
    const [m] = messages(withBands({ roiMax: band(0.01), irrAnnualMax: band(0.01) }));
    expect(m).toMatch(/ROI of [\d.,]+% is above the band's 1%/);
    expect(m).toMatch(/IRR of [\d.,]+% a year is above the band's 1%/);
  });

  it('a case inside the bands gives nothing', () => {
    const wide = { paybackMonthsMin: band(0.5), paybackMonthsMax: band(60) };
    expect(messages(withBands({ ...wide, roiMax: band(1000), irrAnnualMax: band(1000) }))).toEqual(
      [],
    );
  });

  it('a target tier the type is locked out of says which gate it cannot produce', () => {
    const referral = dataset.partnerTypes.find((t) => t.id === 'referral-partner')!;
    const program = {
      metrics: [
        {
          id: 'resale-revenue',
          name: 'Resale revenue',
          description: 'Resold.',
          unit: 'currency' as const,
          counts: 'bookings' as const,
          producedBy: ['reseller'],
        },
      ],
      benefits: [],
    };
    const tiers = dataset.vendor.tiers.map((t, k) => ({
      ...t,
      requirements: k === 0 ? [] : [{ metric: 'resale-revenue', min: 1 }],
    }));
    const d: Dataset = {
      ...dataset,
      partnerTypes: [
        { ...referral, businessCase: { ...referral.businessCase, targetTier: tiers[1]!.id } },
      ],
      verticals: [],
      segments: [],
      vendor: Vendor.parse({ ...dataset.vendor, tiers, program }),
    };
    const f = caseFindings(d).find((x) => x.finding.path.at(-1) === 'targetTier');
    expect(f!.finding.path).toEqual(['businessCase', 'targetTier']);
    expect(f!.finding.message).toMatch(
      /not Silver, the tier its plan names: Silver needs \$1 of resale revenue a year, which this type does not produce$/,
    );
  });
});
