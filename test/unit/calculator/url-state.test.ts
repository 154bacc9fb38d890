import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CaseRequest } from '../../../src/core/business-case/types.ts';
import {
  ASSUMPTIONS,
  ASSUMPTION_KEYS,
  type AssumptionKey,
} from '../../../src/core/assumption-registry.ts';
import { canonicalMix, caseSearch, readCaseUrl } from '../../../src/core/url-state.ts';
import { dataset as d } from '../../fixtures/business-case-dataset.ts';

const typeIds = d.partnerTypes.map((t) => t.id);
const [first, second] = typeIds as [string, string];

/** A value inside the registry's bounds for a key: whole where the key is whole. */
const valueFor = (key: AssumptionKey) => {
  const s = ASSUMPTIONS[key];
  return 'integer' in s && s.integer
    ? fc.integer({ min: s.min, max: s.max })
    : fc
        .double({ min: s.min, max: s.max, noNaN: true, noDefaultInfinity: true })
        .map((v) => (Object.is(v, -0) ? 0 : v));
};

const requestArb: fc.Arbitrary<CaseRequest> = fc
  .record({
    mix: fc.uniqueArray(
      fc.record({ type: fc.constantFrom(...typeIds), weight: fc.integer({ min: 1, max: 100 }) }),
      { minLength: 1, maxLength: 4, selector: (m) => m.type },
    ),
    vertical: fc.option(fc.constantFrom(...d.verticals.map((v) => v.id)), { nil: undefined }),
    segment: fc.option(fc.constantFrom(...d.segments.map((s) => s.id)), { nil: undefined }),
    product: fc.option(fc.constantFrom(...d.vendor.products.map((p) => p.id)), { nil: undefined }),
    overrides: fc
      .subarray(ASSUMPTION_KEYS)
      .chain((keys) =>
        fc.record(
          Object.fromEntries(keys.map((k) => [k, valueFor(k)])) as Record<
            AssumptionKey,
            fc.Arbitrary<number>
          >,
        ),
      ),
  })
  .map((r) => {
    // Weights as the engine keeps them: normalised, and written to 4 decimals in a link.
    const total = r.mix.reduce((s, m) => s + m.weight, 0);
    const out: CaseRequest = {
      mix: r.mix.map((m) => ({ type: m.type, weight: +(m.weight / total).toFixed(4) })),
      overrides: r.overrides,
    };
    if (r.vertical) out.vertical = r.vertical;
    if (r.segment) out.segment = r.segment;
    if (r.product) out.product = r.product;
    return out;
  });

describe('url-state: a case as a link and back', () => {
  it('round-trips any valid request: state -> URL -> state', () => {
    fc.assert(
      fc.property(requestArb, (request) => {
        const search = caseSearch(request);
        const back = readCaseUrl(search, d);
        expect(back.problems).toEqual([]);
        expect(back.request.vertical).toBe(request.vertical);
        expect(back.request.segment).toBe(request.segment);
        expect(back.request.product).toBe(request.product);
        expect(back.request.overrides).toEqual(request.overrides);
        expect(back.request.mix.map((m) => m.type)).toEqual(request.mix.map((m) => m.type));
        const total = request.mix.reduce((s, m) => s + m.weight, 0);
        // Weights are written to 4 decimals that add up to 1.
        back.request.mix.forEach((m, i) =>
          expect(Math.abs(m.weight - request.mix[i]!.weight / total)).toBeLessThanOrEqual(2e-4),
        );
        // Writing it again gives the same link, and reading that the very same state: a reload
        // (replaceState writes the link, the next load reads it) never drifts.
        expect(caseSearch(back.request)).toBe(search);
        expect(readCaseUrl(caseSearch(back.request), d).request).toEqual(back.request);
      }),
      { numRuns: 300 },
    );
  });

  it('canonicalMix is what a link reads back: the calculator computes with it, so a reload matches', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.record({
            type: fc.constantFrom(...typeIds),
            weight: fc.double({ min: 0.01, max: 100, noNaN: true }),
          }),
          { minLength: 1, maxLength: 5, selector: (m) => m.type },
        ),
        (mix) => {
          const canon = canonicalMix(mix);
          expect(readCaseUrl(caseSearch({ mix: canon, overrides: {} }), d).request.mix).toEqual(
            canon,
          );
        },
      ),
    );
  });

  it('writes a readable link in a stable order', () => {
    const search = caseSearch({
      mix: [
        { type: first, weight: 0.6 },
        { type: second, weight: 0.4 },
      ],
      vertical: d.verticals[0]!.id,
      overrides: { renewalRate: 0.85, dealValue: 20000 },
    });
    expect(search).toBe(
      `?mix=${first}=0.6,${second}=0.4&vertical=${d.verticals[0]!.id}&dealValue=20000&renewalRate=0.85`,
    );
    expect(caseSearch({ mix: [{ type: first, weight: 1 }], overrides: {} })).toBe(`?type=${first}`);
  });

  it('leaves the type out when the path carries it, and ignores a type in the link then', () => {
    expect(
      caseSearch(
        { mix: [{ type: first, weight: 1 }], overrides: { hires: 2 } },
        { mixInPath: true },
      ),
    ).toBe('?hires=2');
    expect(
      caseSearch({ mix: [{ type: first, weight: 1 }], overrides: {} }, { mixInPath: true }),
    ).toBe('');
    const { request, problems } = readCaseUrl(`?type=${second}&mix=${second}=1&hires=2`, d, {
      fixedType: first,
    });
    expect(problems).toEqual([]);
    expect(request.mix).toEqual([{ type: first, weight: 1 }]);
    expect(request.overrides).toEqual({ hires: 2 });
  });

  it("falls back to the page's default mix when the link names none", () => {
    const defaultMix = [
      { type: first, weight: 0.6 },
      { type: second, weight: 0.4 },
    ];
    expect(readCaseUrl('', d, { defaultMix })).toEqual({
      request: { mix: defaultMix, overrides: {} },
      problems: [],
    });
  });

  it('resolves an alias in a mix to the type id', () => {
    // The fixture's managed-service-provider has the alias "MSP"; reseller is an id.
    const { request, problems } = readCaseUrl('?mix=msp=60,reseller=40', d);
    expect(problems).toEqual([]);
    expect(request.mix).toEqual([
      { type: 'managed-service-provider', weight: 0.6 },
      { type: 'reseller', weight: 0.4 },
    ]);
  });

  const bad: [string, string][] = [
    ['negative', '-5'],
    ['empty', ''],
    ['letters', 'abc'],
    ['absurdly large', '1e999'],
    ['above the bound', '999999999999'],
    ['NaN', 'NaN'],
    ['Infinity', 'Infinity'],
    ['hex', '0x10'],
    ['thousands separator', '1,000'],
    ['script injection', '"><script>alert(1)</script>'],
  ];
  for (const [name, raw] of bad) {
    it(`rejects a ${name} assumption value, keeps the rest and says which field`, () => {
      const { request, problems } = readCaseUrl(
        `?type=${first}&dealValue=${encodeURIComponent(raw)}&hires=1`,
        d,
      );
      expect(request.overrides).toEqual({ hires: 1 });
      expect(problems.some((p) => p.param === 'dealValue' && p.field === 'dealValue')).toBe(true);
    });
  }

  it('rejects a fraction for a whole-number key and a rate above 100%', () => {
    const { request, problems } = readCaseUrl(
      `?type=${first}&horizonMonths=24.5&renewalRate=1.5`,
      d,
    );
    expect(request.overrides).toEqual({});
    expect(problems.map((p) => p.field).sort()).toEqual(['horizonMonths', 'renewalRate']);
  });

  it('drops script-injection payloads in every parameter: nothing of them reaches the state', () => {
    const payload = '"><script>alert(1)</script><img src=x onerror=alert(2)>';
    const params = new URLSearchParams({
      type: payload,
      mix: `${payload}=1`,
      vertical: payload,
      segment: payload,
      product: payload,
      dealValue: payload,
      [payload]: '1',
    });
    const defaultMix = [{ type: first, weight: 1 }];
    const { request, problems } = readCaseUrl(params, d, { defaultMix });
    expect(request).toEqual({ mix: defaultMix, overrides: {} });
    expect(JSON.stringify(request)).not.toMatch(/[<>]|script|onerror/);
    expect(problems.map((p) => p.param)).toEqual(
      expect.arrayContaining(['mix', 'vertical', 'segment', 'product', 'dealValue']),
    );
    for (const p of problems) expect(p.message.length).toBeLessThanOrEqual(240);
  });

  it('rejects a mix with a zero, negative or missing weight, or a type twice, and keeps the default', () => {
    const defaultMix = [{ type: first, weight: 1 }];
    for (const mix of [
      `${first}=0,${second}=1`,
      `${first}=-1,${second}=1`,
      `${first},${second}`,
      `${first}=1,${first}=2`,
      `nope=1`,
    ]) {
      const { request, problems } = readCaseUrl(`?mix=${mix}`, d, { defaultMix });
      expect(request.mix, mix).toEqual(defaultMix);
      expect(problems.length, mix).toBeGreaterThan(0);
    }
  });

  it('clips long messages (a link can be long; the engine quotes what it was given)', () => {
    const { problems } = readCaseUrl(`?type=${first}&vertical=${'x'.repeat(5000)}`, d);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message.length).toBeLessThanOrEqual(240);
  });
});
