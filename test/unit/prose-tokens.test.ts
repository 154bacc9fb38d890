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
    ])
      expect(tokenProblem(ok, tierIds), ok).toBeUndefined();
    expect(tokenProblem('assumptions.hires', tierIds)).toBe(
      'unknown token `{assumptions.hires}`; did you mean `{assumption.hires}`?',
    );
    expect(tokenProblem('tier.diamond.discount', tierIds)).toMatch(/^unknown token/);
    expect(tokenProblem('grossProfit.consulting', tierIds)).toMatch(/^unknown token/);
  });

  it('take their values from the case they are bound to, worded like the rest of the case', () => {
    const r = msp({ hires: 2, hireCostAnnual: 100_000 });
    const ctx = { result: r, tiers };
    expect(tokenValue('assumption.hires', ctx)).toBe('2');
    expect(tokenValue('assumption.hireCostAnnual', ctx)).toBe('$100,000');
    expect(tokenValue('cost.hires', ctx)).toBe('$600,000');
    expect(tokenValue('horizon', ctx)).toBe('three years');
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
