// What the pages say of how a type takes part in the sale: a marketplace that bills as the
// operator's agent is not called a reseller.
import { describe, expect, it } from 'vitest';
import { transactLabel } from '../../src/core/transacts.ts';
import type { PartnerType } from '../../src/core/schema/partner-type.ts';

type Shape = Parameters<typeof transactLabel>[0];
const type = (
  transacts: boolean,
  caseStreams: PartnerType['businessCase']['streams'],
  kinds: PartnerType['revenueStreams'][number]['kind'][],
): Shape =>
  ({
    transacts,
    businessCase: { streams: caseStreams },
    revenueStreams: kinds.map((kind) => ({ kind })),
  }) as unknown as Shape;

describe('transactLabel', () => {
  it('a type that buys to resell resells; one that only bills as an agent bills the customer', () => {
    expect(transactLabel(type(true, ['resale', 'services'], ['resale']))).toBe('Resells');
    // An integrator whose case is services still resells product in its business.
    expect(transactLabel(type(true, ['services'], ['services', 'resale']))).toBe('Resells');
    expect(transactLabel(type(true, ['marketplace'], ['marketplace', 'services']))).toBe(
      'Bills the customer',
    );
    expect(transactLabel(type(false, ['referral'], ['referral']))).toBe('Does not resell');
  });
});
