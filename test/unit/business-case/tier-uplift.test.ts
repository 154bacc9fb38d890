import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCase } from '../../../src/core/business-case/index.ts';
import { loadData } from '../../../src/node/load-data.ts';

const { dataset } = loadData(join(import.meta.dirname, '..', '..', '..'));

describe("tier benefits on top of a type's own rates", () => {
  it("a distributor keeps its thin entry margin and gains each tier's uplift over the entry discount", () => {
    const type = dataset!.partnerTypes.find((t) => t.id === 'distributor')!;
    const own = type.businessCase.defaults.resaleMargin!.value;
    const [entry, ...higher] = dataset!.vendor.tiers;
    expect(own).toBeLessThan(entry!.benefits.discount); // the case this rule exists for
    const c = runCase(dataset!, { mix: [{ type: 'distributor', weight: 1 }] });
    const sold = c.monthly.filter((m) => m.bookings > 0);
    for (const m of sold) {
      const tier = [entry!, ...higher].find((t) => t.id === m.tier)!;
      const expected = own + Math.max(0, tier.benefits.discount - entry!.benefits.discount);
      expect(m.revenue.resale / m.bookings, `month ${m.month} at ${m.tier}`).toBeCloseTo(
        expected,
        9,
      );
    }
    expect(
      sold.some((m) => m.tier !== entry!.id),
      'the distributor climbs a tier within the case',
    ).toBe(true);
  });
});
