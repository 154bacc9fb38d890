// Prose bound to the case: tokens in YAML prose and <CaseValue> in MDX take their values from
// the case, and an unknown one is a located error with a did-you-mean.
import { describe, expect, it } from 'vitest';
import { runCase } from '../../src/core/business-case/index.ts';
import { formatDiagnostic } from '../../src/core/diagnostics.ts';
import {
  bindProse,
  bindType,
  tokenFindings,
  tokenProblem,
  tokenValue,
  bindDefaultProse,
  boundType,
} from '../../src/core/prose-tokens.ts';
import { checkContentBody } from '../../src/node/content-rules.ts';
import { loadData } from '../../src/node/load-data.ts';
import { dataset } from '../fixtures/business-case-dataset.ts';
import { fixtureCopy, replaceOnce } from '../helpers/fixture.ts';

const tiers = dataset.vendor.tiers;
const checkMdxBody = (text: string, ctx: { sourceIds: string[]; tierIds: string[] }) =>
  checkContentBody('content/stories/x.mdx', text, ctx);
const tierIds = tiers.map((t) => t.id);
const msp = (overrides = {}) =>
  runCase(dataset, { mix: [{ type: 'managed-service-provider', weight: 1 }], overrides });

describe('tokens', () => {
  it('accepts the documented names and refuses others with a did-you-mean', () => {
    for (const ok of [
      'assumption.hires',
      'figure.paybackMonth',
      'grossProfit.resale',
      'revenue.managed',
      'share.rebate',
      'cost.practiceBuild',
      'tier.silver.discount',
      'tier.gold.reached',
      'horizon',
      'plan.tier',
      'plan.certifiedPeople',
    ])
      expect(tokenProblem(ok, tierIds), ok).toBeUndefined();
    expect(tokenProblem('assumptions.hires', tierIds)).toBe(
      'unknown token `{assumptions.hires}`; did you mean `{assumption.hires}`?',
    );
    expect(tokenProblem('tier.diamond.discount', tierIds)).toMatch(/^unknown token/);
    expect(tokenProblem('grossProfit.consulting', tierIds)).toMatch(/^unknown token/);
    expect(tokenProblem('plan.tiers', tierIds)).toBe(
      'unknown token `{plan.tiers}`; did you mean `{plan.tier}`?',
    );
  });

  it('take their values from the case they are bound to, worded like the rest of the case', () => {
    const r = msp({ hires: 2, hireCostAnnual: 100_000 });
    const ctx = { result: r, tiers };
    expect(tokenValue('assumption.hires', ctx)).toBe('2');
    expect(tokenValue('assumption.hireCostAnnual', ctx)).toBe('$100,000');
    expect(tokenValue('cost.hires', ctx)).toBe('$600,000');
    expect(tokenValue('horizon', ctx)).toBe('three years');
    // The certified people the tiers count: those the case certifies, and its two hires, in
    // whole people as the tier slide counts them (half an engineer's time bought in is not one
    // more certified person).
    expect(tokenValue('plan.certifiedPeople', ctx)).toBe(String(r.assumptions.certifications + 2));
    const half = { result: msp({ hires: 0.5, certifications: 2 }), tiers };
    expect(tokenValue('plan.certifiedPeople', half)).toBe('2');
    expect(tokenValue('tier.silver.discount', ctx)).toBe('15%');
    expect(
      bindProse('The case adds {assumption.hires} engineers ({cost.hires} over {horizon}).', ctx),
    ).toBe('The case adds 2 engineers ($600,000 over three years).');
    // The same sentence bound to another case says that case's numbers: it cannot drift.
    expect(bindProse('{assumption.hires} engineers', { result: msp({ hires: 0.5 }), tiers })).toBe(
      '0.5 engineers',
    );
  });

  it("bind a partner type's prose and leave its ids and numbers alone", () => {
    const type = {
      ...dataset.partnerTypes[1]!,
      objections: [{ id: 'hire', objection: 'No staff.', response: 'Only {assumption.hires}.' }],
    };
    const bound = bindType(type, { result: msp({ hires: 1 }), tiers });
    expect(bound.objections[0]).toEqual({
      id: 'hire',
      objection: 'No staff.',
      response: 'Only 1.',
    });
    expect(bound.businessCase).toEqual(type.businessCase);
  });

  it('an unknown token in a partner type file is an error at its line, field and did-you-mean', () => {
    const root = fixtureCopy({
      'data/partner-types/alpha.yaml': replaceOnce(
        'response: It renews.',
        'response: It renews, and the case hires {assumption.hire}.',
      ),
    });
    const { dataset: d, diagnostics } = loadData(root);
    expect(d).toBeUndefined();
    expect(diagnostics.map(formatDiagnostic)).toContain(
      'error data/partner-types/alpha.yaml:30:15 field `objections[0].response`: unknown token `{assumption.hire}`; did you mean `{assumption.hires}`? (expected a token such as {assumption.hires}, {figure.paybackMonth} or {grossProfit.resale}, found "{assumption.hire}")',
    );
    expect(tokenFindings({ a: ['{horizon}', 'no token'] }, tierIds)).toEqual([]);
  });

  it('an unknown token in a next step of vendor.yaml is an error at its line and field', () => {
    const root = fixtureCopy({
      'data/vendor.yaml': replaceOnce(
        '  - Sign up.',
        '  - Sign up.\n  - Certify {assumption.certification} people.',
      ),
    });
    const { dataset: d, diagnostics } = loadData(root);
    expect(d).toBeUndefined();
    expect(diagnostics.map(formatDiagnostic).join('\n')).toMatch(
      /^error data\/vendor\.yaml:43:\d+ field `nextSteps\[1\]`: unknown token `\{assumption\.certification\}`; did you mean `\{assumption\.certifications\}`\?/m,
    );
  });
});

describe('<CaseValue> in MDX', () => {
  it('checks its name like a token, at the line and column of the attribute', () => {
    const found = checkMdxBody('Text.\n\nHires: <CaseValue of="assumption.hirez" />.\n', {
      sourceIds: [],
      tierIds,
    });
    expect(found).toEqual([
      expect.objectContaining({
        line: 3,
        column: 19,
        message: 'unknown token `assumption.hirez`; did you mean `assumption.hires`?',
      }),
    ]);
    expect(
      checkMdxBody('<CaseValue of="tier.silver.rebate" />', { sourceIds: [], tierIds }),
    ).toEqual([]);
    expect(checkMdxBody('<CaseValue />', { sourceIds: [], tierIds })[0]!.message).toMatch(
      /needs a `of` prop/,
    );
  });
});

describe('every kind of token, worded like the case', () => {
  const r = msp({ hires: 1.5 });
  const ctx = { result: r, tiers };
  const w = (s: string) => tokenValue(s, ctx);

  it('inputs in their unit, figures as the calculator shows them, streams and costs in money', () => {
    expect(w('assumption.hires')).toBe('1.5');
    expect(w('assumption.resaleMargin')).toMatch(/^\d+(\.\d)?%$/);
    expect(w('assumption.dealValue')).toMatch(/^\$[\d,]+$/);
    expect(w('figure.paybackMonth')).toMatch(/^in month \d+$|^from the start$|^not within/);
    expect(w('figure.npv')).toMatch(/^-?\$[\d,]+$/);
    expect(w('figure.roi')).toMatch(/%$/);
    expect(w('grossProfit.managed')).toMatch(/^\$[\d,]+$/);
    expect(w('revenue.managed')).toMatch(/^\$[\d,]+$/);
    expect(w('share.resale')).toMatch(/^\d+(\.\d)?%$/);
    expect(w('cost.certifications')).toMatch(/^\$[\d,]+$/);
  });

  it("a tier's name, when it is reached and each benefit in its unit", () => {
    const silver = tiers.find((t) => t.id === 'silver')!;
    expect(w('tier.silver.name')).toBe(silver.name);
    expect(w('tier.silver.reached')).toMatch(/^in month \d+$|^not within three years$/);
    expect(w('tier.silver.referralFeeCap')).toMatch(/^\$[\d,]+$/);
    expect(w('tier.silver.programFeeAnnual')).toMatch(/^\$[\d,]+$/);
    expect(w('tier.silver.nfrLicences')).toBe(String(silver.benefits.nfrLicences));
    expect(w('tier.silver.trainingVouchers')).toBe(String(silver.benefits.trainingVouchers));
    expect(w('tier.silver.rebate')).toMatch(/%$/);
    expect(w('tier.gold.marketplaceFeeRebate')).toBe(
      `${Math.round(tiers.find((t) => t.id === 'gold')!.benefits.marketplace.feeRebate * 100)}%`,
    );
  });

  it('a share is 0% when nothing is sold, and an unknown token is left as written', () => {
    const nothing = msp({ newCustomersPerMonth: 0 });
    expect(nothing.summary.bookings).toBe(0);
    expect(tokenValue('share.resale', { result: nothing, tiers })).toBe('0%');
    expect(w('tier.diamond.discount')).toBe('{tier.diamond.discount}');
    expect(w('nothing.here')).toBe('{nothing.here}');
  });

  it('a tier token is checked against the tiers when they are known, and only its field when not', () => {
    expect(tokenProblem('tier.diamond.rebate', undefined)).toBeUndefined();
    expect(tokenProblem('tier.diamond.colour', undefined)).toMatch(/^unknown token/);
    expect(tokenProblem('horizon.years', tierIds)).toMatch(/^unknown token/);
  });

  it('finds unknown tokens in nested prose, and a kit without tokens is not rebound', () => {
    expect(
      tokenFindings({ a: ['fine', { b: 'bad {assumption.nope}' }], n: 3 }, tierIds).map(
        (f) => f.path,
      ),
    ).toEqual([['a', 1, 'b']]);
    const plain = {
      ...dataset,
      partnerTypes: dataset.partnerTypes.map((t) => ({
        ...t,
        objections: t.objections.map((o) => ({ ...o, response: o.response.replace(/\{/g, '(') })),
      })),
    };
    expect(bindDefaultProse(plain)).toBe(plain);
    const tokened = {
      ...plain,
      partnerTypes: plain.partnerTypes.map((t, i) =>
        i === 0
          ? { ...t, objections: [{ id: 'x', objection: 'X?', response: 'For {horizon}.' }] }
          : t,
      ),
    };
    const bound = bindDefaultProse(tokened);
    expect(bound.partnerTypes[0]!.objections[0]!.response).toBe('For three years.');
    expect(bound.partnerTypes[1]).toBe(tokened.partnerTypes[1]);
    // A ready deck binds its own type with the case it ran (the type's default, scenarios
    // included): the same prose as the pages'.
    const t = tokened.partnerTypes[0]!;
    const deckCase = runCase(
      tokened,
      { mix: [{ type: t.id, weight: 1 }] },
      {
        sensitivity: false,
        breakEven: false,
      },
    );
    expect(boundType(tokened, t, deckCase)).toEqual(bound.partnerTypes[0]);
    expect(boundType(tokened, plain.partnerTypes[1]!, deckCase)).toBe(plain.partnerTypes[1]);
  });
});
