// Plays at their edges (src/core/ecosystem/plays.ts): no vertical, a segment, no customers, a
// share with no renewal rate, a lead the roles do not name, an unknown type, a dataset with
// no plays file.
import { describe, expect, it } from 'vitest';
import { dataset as base } from '../../fixtures/business-case-dataset.ts';
import { playEconomics, playsWithType } from '../../../src/core/ecosystem/plays.ts';
import { Play } from '../../../src/core/schema/plays.ts';

const fig = (value: number) => ({ value, assumption: 'Test value.' });
const play = (over: Record<string, unknown> = {}) =>
  Play.parse({
    id: 'pair',
    name: 'Pair play',
    customerNeed: 'Needs both.',
    trigger: 'A customer asks.',
    product: 'widget',
    lead: 'reseller',
    leadWhy: 'It found the customer.',
    roles: [
      {
        type: 'reseller',
        role: 'Transact',
        does: 'Sells.',
        credit: ['transacted'],
        streams: ['resale'],
      },
      {
        type: 'referral-partner',
        role: 'Refer',
        does: 'Introduces.',
        credit: ['influenced'],
        streams: ['referral'],
      },
    ],
    shares: [
      {
        from: 'reseller',
        to: 'referral-partner',
        on: 'contract',
        rate: fig(0.1),
        why: 'Introduction.',
      },
    ],
    rulesOfEngagement: ['The reseller owns the customer.'],
    assumptions: { newCustomersPerMonth: fig(1.5) },
    ...over,
  });

describe('plays at their edges', () => {
  it('no vertical and no renewal share: the product’s own deal, first-year contract value only', () => {
    const e = playEconomics(base, play());
    expect(e.dealValue).toBe(20_000);
    const share = e.shares[0]!;
    // 10% of the first-year value of every new customer, nothing on renewals
    expect(share.amount).toBeCloseTo(0.1 * e.customers * 20_000, 6);
  });

  it('a segment changes the deal for every partner', () => {
    // smb halves the deal value
    expect(playEconomics(base, play({ segment: 'smb' })).dealValue).toBe(10_000);
  });

  it('no customers: no earnings per customer (not a division by zero)', () => {
    const e = playEconomics(base, play({ assumptions: { newCustomersPerMonth: fig(0) } }));
    expect(e.customers).toBe(0);
    for (const p of e.partners) expect(p.perCustomer, p.type).toBeNull();
  });

  it('a lead the roles do not name falls back to the first role', () => {
    const e = playEconomics(base, play({ lead: 'training-partner' }));
    expect(e.partners.find((p) => p.lead)!.type).toBe('reseller');
  });

  it('a role of an unknown type is an error naming it; a dataset with no plays file has no plays', () => {
    const unknown = play();
    unknown.roles[1]!.type = 'nope';
    expect(() => playEconomics(base, unknown)).toThrow(
      'play role names unknown partner type "nope"',
    );
    expect(playsWithType(base, 'reseller')).toEqual([]);
  });
});
