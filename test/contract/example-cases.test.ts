// The shipped example kit's business cases are a product feature: every type x vertical x
// segment default case is one a partner's finance lead accepts (inside the vendor's bands),
// `partnerkit validate` has no warning about them, and each type's plan reaches the tier it
// names. A marketer who moves a default out of the bands sees it here and in validate.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bandBreaches, runCase } from '../../src/core/business-case/index.ts';
import { formatDiagnostic } from '../../src/core/diagnostics.ts';
import { loadData } from '../../src/node/load-data.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const { dataset, diagnostics } = loadData(ROOT, { checkCases: true });
const d = dataset!;
const MAIN = { scenarios: false, sensitivity: false, breakEven: false } as const;

describe('the example kit business cases', () => {
  it('validate has no warning or error about them', () => {
    expect(diagnostics.map(formatDiagnostic)).toEqual([]);
  });

  it('has the 11 partner types and every vertical x segment (and none) for each', () => {
    expect(d.partnerTypes).toHaveLength(11);
    expect(d.verticals.length).toBeGreaterThan(0);
    expect(d.segments.length).toBeGreaterThan(0);
  });

  it('every type x vertical x segment default case is inside the bands, with a meaningful IRR', () => {
    const outside: string[] = [];
    for (const t of d.partnerTypes)
      for (const vertical of [undefined, ...d.verticals.map((v) => v.id)])
        for (const segment of [undefined, ...d.segments.map((s) => s.id)]) {
          const r = runCase(d, { mix: [{ type: t.id, weight: 1 }], vertical, segment }, MAIN);
          const b = bandBreaches(r.summary, r.bands);
          if (b.length || !r.summary.irrMeaningful)
            outside.push(`${t.id}/${vertical ?? '-'}/${segment ?? '-'}: ${JSON.stringify(b)}`);
        }
    expect(outside).toEqual([]);
  });

  it("each type's default case ends holding the tier its plan names", () => {
    for (const t of d.partnerTypes) {
      const r = runCase(d, { mix: [{ type: t.id, weight: 1 }] }, MAIN);
      const held = [...r.tiers].reverse().find((x) => x.reachedMonth !== null)!;
      expect(held.id, t.id).toBe(t.businessCase.targetTier);
    }
  });

  it("a distributor's take stays inside a distributor's blended margin (TD SYNNEX: 6.57-7.07%)", () => {
    const r = runCase(d, { mix: [{ type: 'distributor', weight: 1 }] }, MAIN);
    const take =
      (r.summary.grossProfitByStream.resale + r.summary.grossProfitByStream.rebate) /
      r.summary.bookings;
    expect(take).toBeGreaterThan(0.05);
    expect(take).toBeLessThanOrEqual(0.0707);
  });

  it('every partner type that does not resell is shown no discount, rebate or MDF on its tier cards', async () => {
    const { formatter, tierItems, tierWorth } = await import('../../src/core/result-display.ts');
    const f = formatter({ currency: d.vendor.currency, locale: d.vendor.locale });
    for (const t of d.partnerTypes.filter((x) => !x.transacts)) {
      const r = runCase(d, { mix: [{ type: t.id, weight: 1 }] }, MAIN);
      const text = JSON.stringify([tierItems(r, f), tierWorth(r, f).sentence]);
      expect(text, t.id).not.toMatch(/discount|rebate|MDF/i);
    }
  });
});
