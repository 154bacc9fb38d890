// The program as data: tier gates on metrics the vendor records, which types produce each,
// which benefits each type can use; tierProgress is the one rule for when a tier is reached and
// what locks it, and the case follows it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  benefitUse,
  canProduce,
  programOf,
  runCase,
  tierProgress,
  type MeasureSeries,
} from '../../../src/core/business-case/index.ts';
import { formatter, tierItems, tierWorth } from '../../../src/core/result-display.ts';
import type { Dataset } from '../../../src/core/dataset.ts';
import { METRIC_MEASURES } from '../../../src/core/program-keys.ts';
import { Vendor, type Program } from '../../../src/core/schema/vendor.ts';
import { programFindings } from '../../../src/core/program-references.ts';
import { dataset } from '../../fixtures/business-case-dataset.ts';

const f = formatter({ currency: 'USD', locale: 'en-US' });

/** A program like the example's: resale vs sourced revenue, a composite, per-type benefits. */
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
      id: 'sourced-revenue',
      name: 'Sourced revenue',
      description: 'Referred.',
      unit: 'currency',
      counts: 'new-bookings',
      producedBy: ['referral-partner'],
    },
    {
      id: 'partner-revenue',
      name: 'Resale or sourced revenue',
      description: 'Either.',
      unit: 'currency',
      sumOf: [{ metric: 'resale-revenue' }, { metric: 'sourced-revenue', weight: 0.6 }],
    },
    {
      id: 'certified-people',
      name: 'Certified people',
      description: 'Certified.',
      unit: 'count',
      counts: 'certified-people',
      producedBy: 'all',
    },
    {
      id: 'deals',
      name: 'Deals',
      description: 'Deals.',
      unit: 'count',
      counts: 'new-customers',
      producedBy: 'all',
    },
  ],
  benefits: [
    { benefit: 'discount', needs: ['resale-revenue'], why: 'Margin on what is resold.' },
    { benefit: 'rebate', needs: ['resale-revenue'], why: 'On resold value.' },
    { benefit: 'mdfRate', needs: ['resale-revenue'], why: 'On resold value.' },
    { benefit: 'referralFee', needs: ['sourced-revenue'], why: 'For referrals.' },
  ],
};

const tiers = dataset.vendor.tiers.map((t, k) => ({
  ...t,
  requirements: [
    [{ metric: 'certified-people', min: 1 }],
    [
      { metric: 'partner-revenue', min: 150_000 },
      { metric: 'certified-people', min: 2 },
    ],
    [
      { metric: 'resale-revenue', min: 600_000 },
      { metric: 'certified-people', min: 4 },
    ],
  ][k]!,
}));
const withProgram: Dataset = {
  ...dataset,
  vendor: Vendor.parse({ ...dataset.vendor, tiers, program }),
};
const model = programOf(withProgram.vendor);

/** Measures that grow by a fixed step each month. */
const series = (perMonth: Partial<Record<(typeof METRIC_MEASURES)[number], number>>, n = 37) =>
  Object.fromEntries(
    METRIC_MEASURES.map((m) => [m, Array.from({ length: n }, (_, t) => (perMonth[m] ?? 0) * t)]),
  ) as unknown as MeasureSeries;

describe('what a type can produce and use', () => {
  it('a metric is produced by the types it names; a composite by any of its parts', () => {
    expect(canProduce(model, 'resale-revenue', 'reseller')).toBe(true);
    expect(canProduce(model, 'resale-revenue', 'referral-partner')).toBe(false);
    expect(canProduce(model, 'partner-revenue', 'referral-partner')).toBe(true);
    expect(canProduce(model, 'certified-people', 'anything')).toBe(true);
  });

  it('a benefit is usable by a type that produces a metric it needs; unlisted benefits by all', () => {
    expect(benefitUse(model, 'discount', 'referral-partner')).toEqual({
      usable: false,
      why: 'Margin on what is resold.',
    });
    expect(benefitUse(model, 'referralFee', 'referral-partner').usable).toBe(true);
    expect(benefitUse(model, 'coSell', 'referral-partner').usable).toBe(true);
    expect(benefitUse(programOf({}), 'discount', 'anyone').usable).toBe(true);
  });
});

describe('tierProgress: when each tier is reached, and what locks it', () => {
  it('reaches a tier in the month its last gate is met, and names the gates a type cannot produce', () => {
    // A referral partner: $20,000 of sourced revenue more each month, weighted 0.6.
    const m = series({ 'new-bookings': 20_000, 'certified-people': 0 });
    for (let t = 0; t < 37; t++) (m['certified-people'] as number[])[t] = 2;
    const { held, standings } = tierProgress(model, tiers, 'referral-partner', m, 36);
    // 0.6 x 20,000 t >= 150,000 from month 13.
    expect(standings[1]!.reachedMonth).toBe(13);
    expect(held[12]).toBe(0);
    expect(held[13]).toBe(1);
    expect(standings[2]!.reachedMonth).toBeNull();
    expect(standings[2]!.lockedBy.map((g) => g.metric)).toEqual(['resale-revenue']);
    expect(standings[1]!.lockedBy).toEqual([]);
  });

  it('climbs in order, keeps what it reaches, and is monotone in the measures (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 100_000, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 1, max: 3, noNaN: true }),
        (revenue, certified, more) => {
          const at = (scale: number) => {
            const m = series({ bookings: revenue * scale, 'certified-people': certified * scale });
            return tierProgress(model, tiers, 'reseller', m, 36).held;
          };
          const a = at(1);
          const b = at(more);
          for (let t = 1; t <= 36; t++) {
            expect(a[t]).toBeGreaterThanOrEqual(a[t - 1]!);
            expect(b[t]).toBeGreaterThanOrEqual(a[t]!);
          }
        },
      ),
    );
  });

  it('declines a tier whose fee buys nothing the case earns on, and may still take the next', () => {
    const m = series({ bookings: 100_000, 'certified-people': 1 });
    const { held, standings } = tierProgress(model, tiers, 'reseller', m, 36, {
      takes: [true, false, true],
    });
    expect(standings[1]!.declined).toBe(true);
    expect(standings[1]!.reachedMonth).toBeNull();
    expect(standings[2]!.reachedMonth).not.toBeNull();
    expect(held[36]).toBe(2);
  });
});

describe('the case follows the program', () => {
  it('a type that cannot use the discount keeps its own margin at every tier; the rebate uplift still applies', () => {
    // A "distributor": resells (resale, rebate) but produces no resale revenue metric, so the
    // program gives it no discount; here it can use rebates because the test grants them.
    const own: Program = {
      ...program,
      metrics: program.metrics.map((x) =>
        x.id === 'resale-revenue' ? { ...x, producedBy: ['managed-service-provider'] } : x,
      ),
      benefits: [
        { benefit: 'discount', needs: ['resale-revenue'], why: 'Resellers only.' },
        { benefit: 'rebate', needs: [], why: 'Everyone who transacts.' },
      ],
    };
    const d: Dataset = {
      ...withProgram,
      vendor: Vendor.parse({
        ...dataset.vendor,
        program: own,
        tiers: dataset.vendor.tiers.map((t, k) => ({
          ...t,
          requirements: [{ metric: 'certified-people', min: k === 0 ? 0 : 1 }],
        })),
      }),
    };
    const r = runCase(d, {
      mix: [{ type: 'reseller', weight: 1 }],
      overrides: { resaleMargin: 0.05 },
    });
    expect(r.tiers[1]!.reachedMonth).not.toBeNull();
    expect(r.tiers[1]!.usable.discount).toBe(false);
    for (const m of r.monthly.filter((x) => x.bookings > 0))
      expect(m.revenue.resale / m.bookings).toBeCloseTo(0.05, 9);
    expect(r.summary.grossProfitByStream.rebate).toBeGreaterThan(0);
  });

  it("a referral partner's tier cards list only what it can use, and say why it stops", () => {
    const r = runCase(withProgram, {
      mix: [{ type: 'referral-partner', weight: 1 }],
      overrides: { certifications: 1 },
    });
    const cards = tierItems(r, f);
    const text = JSON.stringify(cards);
    expect(text).not.toMatch(/discount|rebate|MDF/i);
    expect(cards[1]!.benefits[0]).toBe('12% referral fee (up to $40,000 a referral)');
    expect(cards[1]!.detail).toMatch(/^Needs .*2 certified people \(this case has 1\)/);
    expect(cards[2]!.when).toBe('Locked out');
    expect(cards[2]!.detail).toBe(
      'Locked out: it needs $600,000 of resale revenue a year, which a referral partner does not produce.',
    );
    // No empty "worth $0" table: what the next tier would give, and what it takes.
    const worth = tierWorth(r, f);
    expect(worth.rows).toEqual([]);
    expect(worth.sentence).toMatch(
      /^This case stays at Member\. Silver would raise the referral fee from 10% to 12% and its cap from \$25,000 to \$40,000.*; it takes .*2 certified people \(this case has 1\)/,
    );
  });

  it('a type that pays a fee of its own is never told of a tier fee the case does not charge', () => {
    const mix = [{ type: 'referral-partner', weight: 1 }];
    const charged = runCase(withProgram, { mix, overrides: { certifications: 1 } });
    expect(charged.tiers.some((t) => t.benefits.programFeeAnnual > 0)).toBe(true);
    const free = runCase(withProgram, {
      mix,
      overrides: { certifications: 1, programFeeAnnual: 0 },
    });
    expect(free.tiers.map((t) => t.benefits.programFeeAnnual)).toEqual(free.tiers.map(() => 0));
    const cards = tierItems(free, f);
    for (const card of cards) expect(card.benefits.at(-1)).toBe('no program fee');
    expect(JSON.stringify(cards)).not.toMatch(/a year fee|program fee of/);
  });
});

describe('program references', () => {
  it('names a gate, a composite part, a benefit need or a producer that does not exist', () => {
    const bad = Vendor.parse({
      ...dataset.vendor,
      tiers: tiers.map((t, k) =>
        k === 1 ? { ...t, requirements: [{ metric: 'partner-revenu', min: 1 }] } : t,
      ),
      program: {
        metrics: [
          ...program.metrics.filter((m) => m.id !== 'partner-revenue'),
          {
            id: 'partner-revenue',
            name: 'Loop',
            description: 'Loops.',
            unit: 'currency',
            sumOf: [{ metric: 'partner-revenue' }, { metric: 'nope' }],
          },
        ],
        benefits: [{ benefit: 'discount', needs: ['resale-revenu'], why: 'x' }],
      },
    });
    const msgs = programFindings(bad, ['reseller', 'referral-partner']).map(
      (x) => `${x.path.join('.')}: ${x.message}`,
    );
    expect(msgs).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^tiers\.1\.requirements\.0\.metric: metric `partner-revenu` does not exist; did you mean `partner-revenue`\?/,
        ),
        expect.stringMatching(/sumOf\.1\.metric: metric `nope` does not exist/),
        expect.stringMatching(/sumOf: metric `partner-revenue` adds itself up/),
        expect.stringMatching(
          /^program\.benefits\.0\.needs\.0: metric `resale-revenu` does not exist; did you mean `resale-revenue`\?/,
        ),
      ]),
    );
    const producers = programFindings(
      Vendor.parse({
        ...dataset.vendor,
        program: {
          ...program,
          metrics: [
            ...program.metrics,
            { ...program.metrics[0]!, id: 'x', producedBy: ['resellr'] },
          ],
        },
      }),
      ['reseller'],
    );
    expect(producers.map((x) => x.message)).toContain(
      'partner type `resellr` does not exist; did you mean `reseller`?',
    );
  });
});
