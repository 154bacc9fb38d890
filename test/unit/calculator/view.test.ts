import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runCase } from '../../../src/core/business-case/index.ts';
import type { CaseRequest } from '../../../src/core/business-case/types.ts';
import { caseDataset, jsonForScript } from '../../../src/core/calculator-dataset.ts';
import { fieldBounds, fromField, readField, toField } from '../../../src/core/field-units.ts';
import {
  chartSummaries,
  cumulativeCash,
  formatter,
  keyFigures,
  monthlyTable,
  relevantGroups,
  revenueByYear,
  revenueRows,
  scenarioTable,
  tierItems,
  tierWorth,
  tornado,
  tornadoRows,
} from '../../../src/core/result-display.ts';
import {
  ASSUMPTIONS,
  ASSUMPTION_KEYS,
  type AssumptionKey,
} from '../../../src/core/assumption-registry.ts';
import { dataset as d, programmedDataset } from '../../fixtures/business-case-dataset.ts';

const f = formatter({ currency: d.vendor.currency, locale: d.vendor.locale });
const BAD_TEXT = /NaN|Infinity|∞|undefined/;

/** Everything the calculator shows for a case, as text. */
function allText(r: ReturnType<typeof runCase>): string[] {
  return [
    r.sentence,
    ...keyFigures(r, f).flatMap((x) => [x.value, x.note]),
    ...scenarioTable(r, f).rows.flat(),
    ...tierItems(r, f).flatMap((t) => [t.when, t.detail, ...t.benefits]),
    tierWorth(r, f).sentence,
    ...tierWorth(r, f).rows.flat(),
    ...monthlyTable(r, f).rows.flat(),
    ...revenueRows(revenueByYear(r), f).flat(),
    ...tornadoRows(r, f).flat(),
    ...Object.values(chartSummaries(r, f)),
  ];
}

describe('the calculator view model', () => {
  it('shows no NaN, Infinity or "undefined" for any case inside the registry bounds (property)', () => {
    const key = fc.constantFrom(...ASSUMPTION_KEYS);
    const edge = (k: AssumptionKey) => fc.constantFrom(ASSUMPTIONS[k].min, ASSUMPTIONS[k].max);
    fc.assert(
      fc.property(
        fc.constantFrom(...d.partnerTypes.map((t) => t.id)),
        fc
          .uniqueArray(key, { maxLength: 6 })
          .chain((keys) => fc.tuple(...keys.map((k) => edge(k).map((v) => [k, v] as const)))),
        (type, pairs) => {
          const request: CaseRequest = {
            mix: [{ type, weight: 1 }],
            overrides: Object.fromEntries(pairs),
          };
          const r = runCase(d, request, { sensitivity: false });
          for (const text of allText(r)) expect(text).not.toMatch(BAD_TEXT);
          for (const v of [
            ...cumulativeCash(r).data,
            ...revenueByYear(r).series.flatMap((s) => s.data),
          ])
            expect(v === null || Number.isFinite(v)).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('tornado deltas are finite and sorted by swing', () => {
    const r = runCase(d, { mix: [{ type: d.partnerTypes[0]!.id, weight: 1 }] });
    const t = tornado(r);
    expect(t.labels.length).toBeGreaterThan(0);
    for (const v of [...t.low, ...t.high]) expect(Number.isFinite(v)).toBe(true);
    const swings = t.low.map((lo, i) => Math.abs(t.high[i]! - lo!));
    expect(swings).toEqual([...swings].sort((a, b) => b - a));
    // The table beside the chart: one row per driver in the same order, values in their units.
    const rows = tornadoRows(r, f);
    expect(rows.map((row) => row[0])).toEqual(t.labels);
    for (const row of rows) expect(row).toHaveLength(5);
    for (const text of rows.flat()) expect(text).not.toMatch(BAD_TEXT);
  });

  it("shows the groups of the case's streams plus horizon, volume, investment and costs", () => {
    expect(relevantGroups([])).toEqual(['horizon', 'volume', 'investment', 'costs']);
    expect(relevantGroups(['rebate', 'managed'])).toEqual([
      'horizon',
      'volume',
      'resale',
      'managed',
      'investment',
      'costs',
    ]);
    for (const t of d.partnerTypes) {
      const r = runCase(
        d,
        { mix: [{ type: t.id, weight: 1 }] },
        { scenarios: false, sensitivity: false, breakEven: false },
      );
      const groups = relevantGroups(r.streams);
      for (const s of t.businessCase.streams)
        expect(groups, `${t.id} ${s}`).toContain(s === 'rebate' || s === 'mdf' ? 'resale' : s);
    }
  });
});

describe('the dataset slice sent to the browser', () => {
  it('gives the same case as the whole dataset, for every type and a mix, with pickers', () => {
    const slice = caseDataset(d);
    const requests: CaseRequest[] = [
      ...d.partnerTypes.map((t) => ({ mix: [{ type: t.id, weight: 1 }] })),
      {
        mix: [
          { type: d.partnerTypes[0]!.id, weight: 0.6 },
          { type: d.partnerTypes[1]!.id, weight: 0.4 },
        ],
        vertical: d.verticals[0]!.id,
        segment: d.segments[0]!.id,
        product: d.vendor.products[0]!.id,
      },
    ];
    for (const request of requests) expect(runCase(slice, request)).toEqual(runCase(d, request));
  });

  it("on a type's page, carries that type alone and the program's metrics as it produces them, and gives the same case", () => {
    const p = programmedDataset;
    for (const t of p.partnerTypes) {
      const slice = caseDataset(p, [t.id]);
      expect(slice.partnerTypes.map((x) => x.id)).toEqual([t.id]);
      // Each metric's producers, cut to this type: a page's data does not grow with the types.
      for (const [k, m] of slice.vendor.program!.metrics.entries()) {
        const whole = p.vendor.program!.metrics[k]!.producedBy;
        expect(m.producedBy, `${t.id} ${m.id}`).toEqual(
          Array.isArray(whole) ? whole.filter((id) => id === t.id) : whole,
        );
      }
      for (const vertical of [undefined, p.verticals[0]!.id]) {
        const request = { mix: [{ type: t.id, weight: 1 }], vertical };
        expect(runCase(slice, request), t.id).toEqual(runCase(p, request));
      }
    }
  });

  it('drops what the calculator never reads, computes the same cases, and is safe inside a script element', () => {
    const slim = caseDataset(d);
    for (const t of slim.partnerTypes)
      expect([
        t.values,
        t.alienatedBy,
        t.decisionMakers,
        t.qualifyingQuestions,
        t.objections,
        t.kpis,
        t.sources,
      ]).toEqual([[], [], [], [], [], [], []]);
    expect([slim.vendor.opportunity, slim.vendor.nextSteps, slim.vendor.sources]).toEqual([
      [],
      [],
      [],
    ]);
    for (const t of d.partnerTypes) {
      const request = { mix: [{ type: t.id, weight: 1 }], vertical: d.verticals[0]!.id };
      expect(runCase(slim, request).summary, t.id).toEqual(runCase(d, request).summary);
    }
    const json = jsonForScript(slim);
    expect(json.length).toBeLessThan(JSON.stringify(d).length);
    expect(json).not.toMatch(/<\/?script|<!--/i);
    expect(jsonForScript({ text: '</script><script>alert(1)</script>' })).toBe(
      '{"text":"\\u003c/script>\\u003cscript>alert(1)\\u003c/script>"}',
    );
    expect(JSON.parse(jsonForScript({ text: '</script>' }))).toEqual({ text: '</script>' });
  });
});

describe('fields in the units people type', () => {
  it('shows fractions as percentages and reads them back without float noise', () => {
    expect(toField('resaleMargin', 0.15)).toBe(15);
    expect(toField('managedMargin', 0.462)).toBe(46.2);
    expect(fromField('managedMargin', 46.2)).toBe(0.462);
    // a mix's weighted averages: 0.6 * 2 + 0.4 * 3 months
    expect(toField('monthsToFirstDeal', 0.6 * 2 + 0.4 * 3)).toBe(2.4);
    expect(toField('certifications', 0.6 * 3 + 0.4 * 2)).toBe(2.6);
    expect(fieldBounds('renewalRate')).toEqual({ min: 0, max: 100, step: 0.1 });
    expect(fieldBounds('horizonMonths')).toEqual({ min: 12, max: 60, step: 1 });
  });

  it('accepts what the registry accepts, in field units', () => {
    expect(readField('renewalRate', '85')).toEqual({ ok: true, value: 0.85 });
    expect(readField('renewalRate', '85%')).toEqual({ ok: true, value: 0.85 });
    expect(readField('dealValue', ' 25000 ')).toEqual({ ok: true, value: 25000 });
    expect(readField('horizonMonths', '48')).toEqual({ ok: true, value: 48 });
  });

  const nonsense: [AssumptionKey, string, RegExp][] = [
    ['dealValue', '-5', /Out of range/],
    ['dealValue', '', /Empty/],
    ['dealValue', 'abc', /Not a number/],
    ['dealValue', 'NaN', /Not a number/],
    ['dealValue', 'Infinity', /Not a number/],
    ['dealValue', '1e999', /Not a number/],
    ['dealValue', '99999999999999', /Out of range/],
    ['renewalRate', '150', /Out of range.*0% to 100%/],
    ['horizonMonths', '24.5', /whole number/],
    ['dealValue', '"><script>alert(1)</script>', /Not a number/],
  ];
  for (const [key, raw, says] of nonsense) {
    it(`rejects ${JSON.stringify(raw)} for ${key} with a message in the field's units`, () => {
      const r = readField(key, raw);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.message).toMatch(says);
        expect(r.message).not.toContain('<');
      }
    });
  }

  it("treats the browser's bad-input flag as not a number", () => {
    expect(readField('dealValue', '', true)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/Not a number/),
    });
  });
});
