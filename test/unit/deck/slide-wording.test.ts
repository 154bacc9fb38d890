// Small wording rules of the deck slides, on literal inputs.
import { describe, expect, it } from 'vitest';
import { vendorNamed } from '../../../src/core/deck/context.ts';
import { pluralSubject } from '../../../src/core/deck/slides/revenue-mix.ts';
import type { Vendor } from '../../../src/core/schema/vendor.ts';

describe('a revenue stream as the subject of a sentence', () => {
  it.each([
    ['Transaction fees on software sold', true],
    ['Sponsorships and sponsored content', true],
    ['Own software subscriptions (direct and through partners)', true],
    ['Billing, payments and financing services', true],
    ['Product and licence resale', false],
    ['Product and licence distribution', false],
    ['Cloud subscription resale', false],
  ])('%s: plural %s', (name, plural) => {
    expect(pluralSubject(name)).toBe(plural);
  });
});

describe('playbook lines about "the vendor", on a slide', () => {
  const ctx = { vendor: { name: 'Acme Security' } as Vendor };
  it('name the vendor, possessives and sentence starts included', () => {
    expect(vendorNamed(ctx, "Listing in the vendor's catalogue")).toBe(
      "Listing in Acme Security's catalogue",
    );
    expect(vendorNamed(ctx, 'The vendor sends them customers.')).toBe(
      'Acme Security sends them customers.',
    );
    expect(vendorNamed(ctx, 'Vendors and vendor-funded plans stay as written.')).toBe(
      'Vendors and vendor-funded plans stay as written.',
    );
  });
});
