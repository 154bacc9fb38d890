// The one reader of a case link (readCaseUrl), on the in-code fixture dataset: each parameter is
// read as the single value it is, so a link the calculator reads and a link the deck form reads
// give the same case and the same problems.
import { describe, expect, it } from 'vitest';
import { caseIds, readCaseUrl } from '../../../src/core/url-state.ts';
import { dataset } from '../../fixtures/business-case-dataset.ts';

const ids = caseIds(dataset);

describe('readCaseUrl: parameters as structured values', () => {
  it('refuses a thousands comma in an assumption instead of taking the digits before it', () => {
    const { request, problems } = readCaseUrl('?type=reseller&dealValue=1,000&hires=2', ids);
    expect(request).toEqual({ mix: [{ type: 'reseller', weight: 1 }], overrides: { hires: 2 } });
    expect(problems).toEqual([
      {
        param: 'dealValue',
        field: 'dealValue',
        message: 'dealValue is one number: write thousands as 1000 or 1_000, not "1,000"',
      },
    ]);
  });

  it('never splits a value on commas: "a=b" text inside a value is not a second setting', () => {
    // Re-split as command-line text, this would set hires=3 as well.
    const { request, problems } = readCaseUrl('?type=reseller&dealValue=5000,hires=3', ids);
    expect(request.overrides).toEqual({});
    expect(problems.map((p) => p.param)).toEqual(['dealValue']);
  });

  it('reads the slimmed ids a page embeds exactly as the whole dataset', () => {
    const link = '?mix=msp=60,VAR=40&vertical=health&segment=nope&renewalRate=2&dealValue=20000';
    expect(readCaseUrl(link, ids)).toEqual(readCaseUrl(link, dataset));
    const { request, problems } = readCaseUrl(link, ids);
    expect(request).toEqual({
      mix: [
        { type: 'managed-service-provider', weight: 0.6 },
        { type: 'reseller', weight: 0.4 },
      ],
      vertical: 'health',
      overrides: { dealValue: 20_000 },
    });
    expect(problems.map((p) => p.param)).toEqual(['renewalRate', 'segment']);
    expect(problems[1]!.message).toMatch(/unknown segment `nope`/);
  });

  it('a parameter given twice is a problem, and neither value is used', () => {
    const { request, problems } = readCaseUrl('?type=reseller&dealValue=1000&dealValue=9000', ids);
    expect(request.overrides).toEqual({});
    expect(problems).toEqual([
      {
        param: 'dealValue',
        field: 'dealValue',
        message: 'dealValue is in the link 2 times; give it once',
      },
    ]);
  });

  it("on a type's page the path's type wins; on the mix page the default mix fills in", () => {
    expect(
      readCaseUrl('?type=training-partner&dealValue=1,000', ids, { fixedType: 'reseller' }),
    ).toMatchObject({
      request: { mix: [{ type: 'reseller', weight: 1 }], overrides: {} },
      problems: [{ param: 'dealValue' }],
    });
    const defaultMix = [
      { type: 'reseller', weight: 0.6 },
      { type: 'referral-partner', weight: 0.4 },
    ];
    expect(readCaseUrl('?hires=1', ids, { defaultMix })).toEqual({
      request: { mix: defaultMix, overrides: { hires: 1 } },
      problems: [],
    });
    expect(readCaseUrl('?mix=nope=1', ids, { defaultMix })).toMatchObject({
      request: { mix: defaultMix },
      problems: [{ param: 'type', message: expect.stringMatching(/unknown partner type `nope`/) }],
    });
  });

  it('without a type, a mix or a default it says what to name', () => {
    const { request, problems } = readCaseUrl('?dealValue=1000', ids);
    expect(request).toEqual({ mix: [], overrides: { dealValue: 1000 } });
    expect(problems[0]).toEqual({
      param: 'type',
      message: 'name a partner type (type=…) or a mix (mix=…)',
    });
  });
});

describe('caseIds', () => {
  it('keeps only what a link is checked against', () => {
    expect(Object.keys(ids.partnerTypes[0]!).sort()).toEqual(['aliases', 'id', 'name']);
    expect(ids.verticals).toEqual([{ id: 'health' }, { id: 'retail' }]);
    expect(ids.vendor.products).toEqual([{ id: 'widget' }, { id: 'gadget' }]);
  });
});
