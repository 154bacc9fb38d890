// Why a tier is not held, in one sentence: reached (nothing to say), locked out, declined for a
// fee that buys nothing, or short of a gate.
import { describe, expect, it } from 'vitest';
import type { TierStep } from '../../../src/core/business-case/types.ts';
import { whyNot } from '../../../src/core/tier-view.ts';
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

  it('names the gate still short and the gate that locks a type out', () => {
    expect(whyNot(step({ unmet: [gate] }), 'Reseller', 'Registered', f)).toBe(
      'Needs 3 certified people (this case has 1).',
    );
    expect(whyNot(step({ lockedBy: [{ ...gate, lockedOut: true }] }), 'ISV', 'Registered', f)).toBe(
      'Locked out: it needs 3 certified people, which an ISV does not produce.',
    );
    expect(whyNot(step({}), 'Reseller', 'Registered', f)).toBe('');
  });
});
