// The program audit on the engine's test dataset: tier reach is the engine's own, a benefit is
// usable when the type earns the way it pays, findings group types and say what fixes them, and
// the score follows its stated formula.
import { describe, expect, it } from 'vitest';
import { dataset as base } from '../../fixtures/business-case-dataset.ts';
import { runCase } from '../../../src/core/business-case/case.ts';
import { listWords, pluralName, programAudit } from '../../../src/core/ecosystem/audit.ts';

const OPTIONS = { scenarios: false, sensitivity: false, breakEven: false } as const;

describe('program audit', () => {
  const audit = programAudit(base);

  it('lists every type x tier with the month its default case reaches the tier, as the engine does', () => {
    expect(audit.tiers).toHaveLength(base.partnerTypes.length * base.vendor.tiers.length);
    for (const t of base.partnerTypes) {
      const r = runCase(base, { mix: [{ type: t.id, weight: 1 }] }, OPTIONS);
      base.vendor.tiers.forEach((tier, k) => {
        const a = audit.tiers.find((x) => x.type === t.id && x.tier === tier.id)!;
        expect(a.month, `${t.id} ${tier.id}`).toBe(r.tiers[k]!.reachedMonth);
        // Unmet gates only for a tier not reached, and then at least one.
        expect(a.unmetBy.length > 0, `${t.id} ${tier.id}`).toBe(a.month === null);
      });
    }
    // Every type holds the entry tier from the start.
    expect(
      audit.tiers.filter((t) => t.tier === base.vendor.tiers[0]!.id).every((t) => t.month === 0),
    ).toBe(true);
  });

  it('names the gates a type misses in words and by metric', () => {
    const late = audit.tiers.find((t) => t.month === null)!;
    expect(late.unmetBy[0]).toMatchObject({ metric: expect.any(String), min: expect.any(Number) });
    expect(late.unmetBy[0]!.text).toMatch(
      /^(\$[\d,]+ of revenue sold or influenced|[\d,]+ (certified people|deals registered or influenced|published pieces))$/,
    );
  });

  it('lets a type use a benefit only when it earns the way the benefit pays', () => {
    const use = (type: string, benefit: string) =>
      audit.benefits.find((b) => b.type === type && b.benefit === benefit)!;
    expect(use('referral-partner', 'discount')).toMatchObject({ usable: false });
    expect(use('referral-partner', 'discount').reason).toBe(
      'It is paid on what a partner resells; referral partners do not earn that way.',
    );
    expect(use('referral-partner', 'referralFee').usable).toBe(true);
    expect(use('reseller', 'discount').usable).toBe(true);
    expect(use('reseller', 'referralFee').usable).toBe(false);
    expect(use('training-partner', 'coSell').usable).toBe(true);
  });

  it('finds the types that can use at most half of what the tiers add, grouped, with the fix', () => {
    const f = audit.findings.filter((x) => x.kind === 'benefit-unusable');
    const referral = f.find((x) => x.types.includes('referral-partner'))!;
    expect(referral.text).toMatch(
      /^Referral partners get little from climbing the tiers: of the \d benefits that grow from Member to Gold, they can use only the referral fee(, .*)?; the resale discount, rebate and market development funds \(MDF\) are paid on what a partner resells/,
    );
    expect(referral.fix).toMatch(/referral fee|co-selling/);
    // The reseller can use most of them: no finding for it.
    expect(f.some((x) => x.types.includes('reseller'))).toBe(false);
    // each type appears in at most one benefit finding
    const seen = f.flatMap((x) => x.types);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('scores the program as half the types that can reach the top tier and half the benefits they can use', () => {
    const s = audit.score;
    const mean = Object.values(s.benefitShare).reduce((a, b) => a + b, 0) / s.types;
    expect(s.value).toBe(Math.round(50 * (s.canReachTop / s.types) + 50 * mean));
    expect(s.reachTopInHorizon).toBe(
      audit.tiers.filter((t) => t.tier === s.topTier && t.month !== null).length,
    );
    expect(s.benefitShare['reseller']).toBeGreaterThan(s.benefitShare['referral-partner']!);
  });

  it('words type names in the plural and lists them', () => {
    expect(pluralName('Referral partner')).toBe('Referral partners');
    expect(pluralName('Consultancy')).toBe('Consultancies');
    expect(pluralName('Managed service provider')).toBe('Managed service providers');
    expect(listWords(['a', 'b', 'c'])).toBe('a, b and c');
    expect(listWords(['a'])).toBe('a');
  });
});
