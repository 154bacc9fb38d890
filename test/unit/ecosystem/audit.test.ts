// The program audit on the engine's test dataset: tier reach is the engine's own, a benefit is
// usable when the type earns the way it pays, findings group types and say what fixes them (the
// cited credit weights where the tiers count only what a partner sells), the score follows its
// stated formula, and validate warns about a route led by a type the tiers lock out.
import { describe, expect, it } from 'vitest';
import {
  dataset as base,
  programmedDataset as programmed,
} from '../../fixtures/business-case-dataset.ts';
import { runCase } from '../../../src/core/business-case/run-case.ts';
import type { Dataset } from '../../../src/core/dataset.ts';
import {
  listWords,
  pluralName,
  programAudit,
  reachState,
  routeLockOuts,
  type StandingOf,
} from '../../../src/core/ecosystem/audit.ts';
import { BENEFIT_LABELS, programStanding } from '../../../src/core/ecosystem/program-standing.ts';
import { PlaysFile } from '../../../src/core/schema/plays.ts';
import { RoutesFile } from '../../../src/core/schema/routes.ts';

const HUBSPOT = {
  id: 'hubspot',
  title: 'HubSpot Solutions Partner Program: how tiers work',
  url: 'https://www.hubspot.com/partners/how-tiers-work',
  reliability: 'verified' as const,
};
/** The test dataset with the research's 5 : 3 : 1 credit weights, cited. */
const weighted: Dataset = {
  ...base,
  plays: PlaysFile.parse({
    plays: [],
    creditWeights: {
      sourced: { value: 5, source: 'hubspot' },
      influenced: { value: 3, source: 'hubspot' },
      managed: { value: 1, source: 'hubspot' },
    },
    sources: [HUBSPOT],
  }),
};

/**
 * The program as the business-case issue's gates on metrics would put it: the referral partner
 * cannot produce the revenue metric, so every tier that gates on revenue locks it out (from
 * `from` on). The month and the other gates are the engine's own.
 */
const revenueLocksOut =
  (type: string, from = 1): StandingOf =>
  (d, typeId) => {
    const s = programStanding(d, typeId);
    if (typeId !== type) return s;
    return {
      ...s,
      tiers: s.tiers.map((t, k) =>
        k < from
          ? t
          : {
              ...t,
              reachable: false,
              reachedMonth: null,
              lockedBy: [
                {
                  metric: 'resale-revenue',
                  gate: `$${k}00,000 of resale revenue a year`,
                  why: 'a referral partner does not resell',
                },
              ],
              short: [],
            },
      ),
    };
  };

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
        // Unmet gates only for a tier not reached, and then at least one, unless the type
        // qualified and its case declined the tier (it adds nothing the case earns on).
        expect(a.declined, `${t.id} ${tier.id}`).toBe(r.tiers[k]!.declined);
        expect(a.unmetBy.length > 0, `${t.id} ${tier.id}`).toBe(a.month === null && !a.declined);
        if (a.declined) expect(a.eligibleMonth).not.toBeNull();
      });
    }
    // Every type holds the entry tier from the start.
    expect(
      audit.tiers.filter((t) => t.tier === base.vendor.tiers[0]!.id).every((t) => t.month === 0),
    ).toBe(true);
  });

  it('names the gates a type misses in words and by metric', () => {
    const late = audit.tiers.find((t) => t.month === null)!;
    expect(late.unmetBy[0]).toMatchObject({ metric: expect.any(String), why: expect.any(String) });
    expect(late.unmetBy[0]!.text).toMatch(
      /^(\$[\d,]+ of revenue sold or influenced a year|[\d,.]+ (certified people|deals registered or influenced|published pieces))$/,
    );
  });

  it('explains a lock-out in words, grouped by tier, with the cited 5 : 3 : 1 credit as the fix', () => {
    const a = programAudit(weighted, revenueLocksOut('referral-partner'));
    const cell = a.tiers.find((t) => t.type === 'referral-partner' && t.tier === 'gold')!;
    expect(cell).toMatchObject({ reachable: false, month: null });
    expect(cell.lockedBy).toEqual([
      {
        metric: 'resale-revenue',
        text: '$200,000 of resale revenue a year',
        why: 'a referral partner does not resell',
      },
    ]);
    const locked = a.findings.filter((f) => f.kind === 'locked-out');
    expect(locked.map((f) => f.tier)).toEqual(['silver', 'gold']);
    const gold = locked.find((f) => f.tier === 'gold')!;
    expect(gold.types).toEqual(['referral-partner']);
    expect(gold.text).toBe(
      'Referral partners cannot reach Gold: Gold requires $200,000 of resale revenue a year, which it never produces.',
    );
    expect(gold.fix).toBe(
      'Let them qualify for Gold through what they do: count the business they source, influence and manage toward it as one points total, weighted 5 : 3 : 1 points per $100 of sourced, influenced and managed business, as the HubSpot Solutions Partner Program does, instead of $200,000 of resale revenue a year alone.',
    );
    expect(gold.sources).toEqual([HUBSPOT]);
    // Lock-outs come first: they are what a program owner fixes first.
    expect(a.findings[0]!.kind).toBe('locked-out');
    // The score counts it: one type fewer can reach the top tier.
    expect(a.score.canReachTop).toBe(programAudit(weighted).score.canReachTop - 1);
  });

  it('without credit weights in the data, the fix names no figure and cites nothing', () => {
    const gold = programAudit(base, revenueLocksOut('referral-partner')).findings.find(
      (f) => f.kind === 'locked-out' && f.tier === 'gold',
    )!;
    expect(gold.fix).toContain('with sourcing weighted most');
    expect(gold.fix).not.toMatch(/\d : \d/);
    expect(gold.sources).toEqual([]);
  });

  it('cites the credit weights only for a not-reached finding whose fix uses them', () => {
    // The reseller falls short of Gold on certified people alone (the fix is to plan for them:
    // no credit weights, nothing to cite); the referral partner falls short on revenue too (the
    // fix offers the cited 5 : 3 : 1 points path).
    const short =
      (gates: Record<string, { metric: string; gate: string }[]>): StandingOf =>
      (d, typeId) => {
        const s = programStanding(d, typeId);
        const g = gates[typeId];
        if (!g) return s;
        return {
          ...s,
          tiers: s.tiers.map((t) =>
            t.tier === 'gold'
              ? {
                  ...t,
                  reachable: true,
                  reachedMonth: null,
                  declined: false,
                  lockedBy: [],
                  short: g.map((x) => ({ ...x, why: 'not by the end' })),
                }
              : t,
          ),
        };
      };
    const a = programAudit(
      weighted,
      short({
        reseller: [{ metric: 'certified-people', gate: '8 certified people' }],
        'referral-partner': [
          { metric: 'revenue', gate: '$600,000 of revenue a year' },
          { metric: 'certified-people', gate: '8 certified people' },
        ],
      }),
    );
    const late = a.findings.filter((f) => f.kind === 'not-reached' && f.tier === 'gold');
    const people = late.find((f) => f.types.includes('reseller'))!;
    const revenue = late.find((f) => f.types.includes('referral-partner'))!;
    expect(people.fix).toMatch(/^Plan for 8 certified people in their business case/);
    expect(people.fix).not.toMatch(/5 : 3 : 1/);
    expect(people.sources).toEqual([]);
    expect(revenue.fix).toMatch(/5 : 3 : 1 points per \$100/);
    expect(revenue.sources).toEqual([HUBSPOT]);
  });

  it('says which types qualify for a tier that adds nothing their case earns on', () => {
    // The training partner earns on training only: Silver's discount, rebate, MDF, referral fee
    // and private offers are nothing to it, so its case qualifies and does not join.
    const cell = audit.tiers.find((t) => t.type === 'training-partner' && t.tier === 'silver')!;
    expect(cell).toMatchObject({ reachable: true, month: null, declined: true, unmetBy: [] });
    expect(reachState(cell)).toBe('declined');
    const f = audit.findings.find((x) => x.kind === 'not-worth-joining' && x.tier === 'silver')!;
    expect(f.types).toContain('training-partner');
    expect(f.text).toMatch(
      /^Training partners( and .*)? qualify for Silver but gain nothing from joining it: its \$2,500 a year buys nothing their business case earns on/,
    );
    // It is not also reported as not reached.
    expect(
      audit.findings.some(
        (x) =>
          x.kind === 'not-reached' && x.tier === 'silver' && x.types.includes('training-partner'),
      ),
    ).toBe(false);
  });

  it('calls a tier that pays a type nothing not worth joining whatever its reach, never a plan for certifications', () => {
    // The cloud marketplace earns marketplace fees only: Silver and Gold raise nothing it earns
    // on. Its case is short of Silver's certified people, yet the audit must not tell it to plan
    // for them; the same holds for Gold, which the listing ISV and training partner do not reach.
    for (const tier of ['silver', 'gold']) {
      const cell = audit.tiers.find((t) => t.type === 'cloud-marketplace' && t.tier === tier)!;
      expect(cell, tier).toMatchObject({ reachable: true, month: null, pays: false });
      expect(cell.unmetBy.length, tier).toBeGreaterThan(0);
      expect(reachState(cell), tier).toBe('declined');
    }
    const planned = audit.findings.filter((f) =>
      f.types.some((t) => ['cloud-marketplace', 'listing-isv', 'training-partner'].includes(t)),
    );
    expect(planned.some((f) => f.kind === 'not-reached' || /\bplan for\b/i.test(f.fix))).toBe(
      false,
    );
    const silver = audit.findings.find(
      (f) =>
        f.kind === 'not-worth-joining' &&
        f.tier === 'silver' &&
        f.types.includes('cloud-marketplace'),
    )!;
    expect(silver.types).toEqual(['cloud-marketplace']);
    expect(silver.text).toBe(
      'Cloud marketplaces would gain nothing from Silver: its $2,500 a year buys nothing their business case earns on, so it is not worth planning for.',
    );
    expect(silver.fix).toBe(
      'Give Silver something their business case earns on, or waive its fee for them; until then, their plan should not aim for it.',
    );
    const gold = audit.findings.filter((f) => f.kind === 'not-worth-joining' && f.tier === 'gold');
    expect(gold.flatMap((f) => f.types).sort()).toEqual([
      'cloud-marketplace',
      'listing-isv',
      'training-partner',
    ]);
    // A type the tier pays (the referral partner earns referral fees) is still told what it lacks.
    expect(
      audit.findings.some(
        (f) =>
          f.kind === 'not-reached' && f.tier === 'silver' && f.types.includes('referral-partner'),
      ),
    ).toBe(true);
  });

  it('a tier that locks a type out and pays it nothing offers no way in: it is not worth joining', () => {
    const a = programAudit(weighted, revenueLocksOut('training-partner'));
    const cell = a.tiers.find((t) => t.type === 'training-partner' && t.tier === 'gold')!;
    expect(cell).toMatchObject({ reachable: false, pays: false });
    expect(reachState(cell)).toBe('declined');
    expect(
      a.findings.some((f) => f.kind === 'locked-out' && f.types.includes('training-partner')),
    ).toBe(false);
    const f = a.findings.find(
      (x) =>
        x.kind === 'not-worth-joining' && x.tier === 'gold' && x.types.includes('training-partner'),
    )!;
    expect(f.text).toBe(
      'Training partners would gain nothing from Gold: its $7,500 a year buys nothing their business case earns on, and it requires $200,000 of resale revenue a year, which it never produces.',
    );
    expect(f.fix).not.toMatch(/points total/);
    expect(f.sources).toEqual([]);
  });

  it('locks a type out of tiers gated on a metric it cannot produce, from the program data', () => {
    const a = programAudit(programmed);
    // Silver and Gold gate on `revenue`, which the referral partner produces (sourced revenue).
    expect(a.tiers.find((t) => t.type === 'referral-partner' && t.tier === 'gold')!.reachable).toBe(
      true,
    );
    const gated: Dataset = {
      ...programmed,
      vendor: {
        ...programmed.vendor,
        tiers: programmed.vendor.tiers.map((t, k) =>
          k === 0
            ? t
            : {
                ...t,
                requirements: t.requirements.map((g) =>
                  g.metric === 'revenue' ? { ...g, metric: 'resale-revenue' } : g,
                ),
              },
        ),
      },
    };
    const g = programAudit(gated);
    const cell = g.tiers.find((t) => t.type === 'referral-partner' && t.tier === 'gold')!;
    expect(cell).toMatchObject({ reachable: false, month: null });
    expect(cell.lockedBy.map((x) => x.metric)).toEqual(['resale-revenue']);
    expect(reachState(cell)).toBe('locked');
    expect(reachState(g.tiers.find((t) => t.type === 'reseller' && t.tier === 'member')!)).toBe(
      'reached',
    );
    expect(reachState(g.tiers.find((t) => t.type === 'reseller' && t.tier === 'gold')!)).toBe(
      'late',
    );
    expect(cell.lockedBy[0]!.why).toBe('a referral partner does not produce resale revenue');
    const locked = g.findings.filter((f) => f.kind === 'locked-out');
    expect(locked.map((f) => f.tier)).toEqual(['silver', 'gold']);
    // The training partner is locked out too, but Silver pays it nothing: it is told so, not
    // offered a way in.
    expect(locked[0]!.types).toEqual(['referral-partner']);
    expect(
      g.findings.find((f) => f.kind === 'not-worth-joining' && f.tier === 'silver')!.text,
    ).toMatch(
      /^Training partners would gain nothing from Silver: .*, and it requires \$[\d,]+ of resale revenue a year, which it never produces\.$/,
    );
    expect(g.score.canReachTop).toBe(a.score.canReachTop - 2);
  });

  it('lets a type use a benefit only when it earns the way the benefit pays', () => {
    const audit = programAudit(programmed);
    const use = (type: string, benefit: string) =>
      audit.benefits.find((b) => b.type === type && b.benefit === benefit)!;
    expect(use('referral-partner', 'discount')).toMatchObject({ usable: false });
    expect(use('referral-partner', 'discount').reason).toBe(
      'Discounts, rebates and MDF are paid on what a partner resells. Referral partners cannot use it.',
    );
    expect(use('referral-partner', 'mdfRate').reason).toMatch(/cannot use them\.$/);
    expect(use('referral-partner', 'referralFee').usable).toBe(true);
    expect(use('reseller', 'discount').usable).toBe(true);
    expect(use('reseller', 'referralFee').usable).toBe(false);
    expect(use('training-partner', 'coSell').usable).toBe(true);
  });

  it('finds the types that can use at most half of what the tiers add, grouped, with the fix', () => {
    const audit = programAudit(programmed);
    const f = audit.findings.filter((x) => x.kind === 'benefit-unusable');
    const referral = f.find((x) => x.types.includes('referral-partner'))!;
    expect(referral.text).toMatch(
      /^Referral partners and training partners get little from climbing the tiers: of the \d benefits that grow from Member to Gold, they can use only the referral fee(, .*)?, not the resale discount, rebate, market development funds \(MDF\)(.*)\. Discounts, rebates and MDF are paid on what a partner resells\./,
    );
    // Each reason is said once for the benefits that share it.
    expect(referral.text.match(/paid on what a partner resells/g)).toHaveLength(1);
    // The fix names what the group can use, and no benefit the program says it cannot.
    expect(referral.fix).toMatch(/^Make each tier raise what they can use \(the referral fee/);
    for (const x of f) {
      const cannot = audit.benefits.filter((b) => x.types.includes(b.type) && !b.usable);
      const can = audit.benefits.filter((b) => x.types.includes(b.type) && b.usable);
      const raise = /\(([^)]*)\)/.exec(x.fix)?.[1] ?? '';
      for (const b of cannot.filter((c) => !can.some((u) => u.benefit === c.benefit)))
        expect(raise, `${x.types.join(', ')}: ${b.benefit}`).not.toContain(
          BENEFIT_LABELS[b.benefit].toLowerCase(),
        );
    }
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
    const p = programAudit(programmed).score;
    expect(p.benefitShare['reseller']).toBeGreaterThan(p.benefitShare['referral-partner']!);
    expect(p.value).toBeLessThan(s.value);
  });

  it('words type names in the plural and lists them', () => {
    expect(pluralName('Referral partner')).toBe('Referral partners');
    expect(pluralName('Consultancy')).toBe('Consultancies');
    expect(pluralName('Managed service provider')).toBe('Managed service providers');
    expect(listWords(['a', 'b', 'c'])).toBe('a, b and c');
    expect(listWords(['a'])).toBe('a');
  });
});

describe('a route led by a type the tiers lock out', () => {
  const routed: Dataset = {
    ...base,
    routes: RoutesFile.parse({
      stages: [
        {
          stage: 'growth',
          summary: 'Recruit for coverage.',
          incentives: [{ id: 'bonus', name: 'Bonus', what: 'A bonus.', assumption: 'Test.' }],
          exitCriteria: [{ measure: 'Customers', target: { value: 10, assumption: 'Test.' } }],
        },
      ],
      routes: [
        {
          product: 'widget',
          summary: 'Resellers lead, referral partners too.',
          lead: [
            { type: 'reseller', why: 'Sells it.' },
            { type: 'referral-partner', why: 'Brings the buyers.' },
          ],
          assist: [],
          wait: [],
        },
      ],
      sources: [],
    }),
  };

  it('warns at the lead entry when the type can reach no tier above the entry tier', () => {
    const found = routeLockOuts(routed, revenueLocksOut('referral-partner'));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      path: ['routes', 0, 'lead', 1, 'type'],
      severity: 'warning',
    });
    expect(found[0]!.message).toBe(
      "`referral-partner` leads `widget`, but the program's tiers lock referral partners out of every tier above Member: Silver requires $100,000 of resale revenue a year, which referral partners do not produce; they would lead its deals and never earn status for them",
    );
  });

  it('says nothing when the type can still climb some tier, or nothing locks it out', () => {
    expect(routeLockOuts(routed, revenueLocksOut('referral-partner', 2))).toEqual([]);
    expect(routeLockOuts(routed)).toEqual([]);
  });
});
