// Why a tier is not held, in one sentence: reached (nothing to say), locked out, declined for a
// fee that buys nothing, or short of a gate.
import { describe, expect, it } from 'vitest';
import type { TierStep } from '../../../src/core/business-case/types.ts';
import { earnsOn, whyNot } from '../../../src/core/tier-view.ts';
import { resultWords } from '../../../src/core/wording.ts';

const f = resultWords({ currency: 'USD', locale: 'en-US' });
const gate = {
  metric: 'certified-people',
  name: 'Certified people',
  unit: 'count' as const,
  min: 3,
  lockedOut: false,
  metMonth: null,
  valueAtEnd: 1,
};
const step = (over: Partial<TierStep>): TierStep =>
  ({
    id: 'silver',
    name: 'Silver',
    reachedMonth: null,
    eligibleMonth: null,
    declined: false,
    pays: true,
    gates: [],
    lockedBy: [],
    unmet: [],
    benefits: { programFeeAnnual: 2500 },
    usable: {},
    ...over,
  }) as TierStep;

describe('whyNot', () => {
  it('says nothing for a tier that is held', () => {
    expect(whyNot(step({ reachedMonth: 8 }), 'Reseller', 'Silver', f)).toBe('');
  });

  it('names a declined tier, the month it was within reach and its fee', () => {
    expect(
      whyNot(step({ declined: true, eligibleMonth: 12 }), 'Training partner', 'Registered', f),
    ).toBe(
      'Within reach from month 12, but its $2,500 a year fee buys nothing this case earns on, so the case stays at Registered.',
    );
  });

  it('calls a tier that pays the type nothing not worth joining, never a gate to plan for', () => {
    expect(whyNot(step({ pays: false, unmet: [gate] }), 'Cloud marketplace', 'Registered', f)).toBe(
      'Not worth joining: its $2,500 a year fee buys nothing this case earns on, so the case does not aim for it.',
    );
    const free = step({ pays: false, unmet: [gate], benefits: { programFeeAnnual: 0 } as never });
    expect(whyNot(free, 'Cloud marketplace', 'Registered', f)).toMatch(
      /^Not worth joining: it adds nothing this case earns on/,
    );
  });

  it('names the gate still short and the gate that locks a type out', () => {
    expect(whyNot(step({ unmet: [gate] }), 'Reseller', 'Registered', f)).toBe(
      'Needs 3 certified people (this case has 1).',
    );
    expect(whyNot(step({ lockedBy: [{ ...gate, lockedOut: true }] }), 'ISV', 'Registered', f)).toBe(
      'Locked out: it needs 3 certified people, which an ISV does not produce.',
    );
    expect(whyNot(step({}), 'Reseller', 'Registered', f)).toBe('');
  });

  it('counts people and deals a case has in whole units: a 0.3 FTE hire is not a certified person', () => {
    expect(whyNot(step({ unmet: [{ ...gate, valueAtEnd: 2.3 }] }), 'ISV', 'Registered', f)).toBe(
      'Needs 3 certified people (this case has 2).',
    );
  });
});

describe('earnsOn', () => {
  const usable = step({
    usable: {
      referralFee: true,
      discount: true,
      nfrLicences: true,
      coSell: false,
      rebate: false,
      mdfRate: false,
      trainingVouchers: false,
      privateOffers: false,
    },
  });
  it('credits a benefit only when the type can use it and the case earns its stream', () => {
    // A training partner may use the referral fee under the program, but its case earns none.
    expect(earnsOn('referralFee', usable, ['training'])).toBe(false);
    expect(earnsOn('referralFee', usable, ['training', 'referral'])).toBe(true);
    expect(earnsOn('discount', usable, ['referral'])).toBe(false);
    expect(earnsOn('discount', usable, ['resale'])).toBe(true);
    // Licences need no stream; a benefit the program does not give this type never shows.
    expect(earnsOn('nfrLicences', usable, [])).toBe(true);
    expect(earnsOn('coSell', usable, ['resale'])).toBe(false);
  });
});
