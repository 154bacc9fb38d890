import { describe, expect, it } from 'vitest';
import {
  findPartnerType,
  formatMix,
  parseMix,
  parseNumber,
  parseOverrides,
  readOverride,
  requestProblems,
  requestToSearchParams,
} from '../../../src/core/business-case/request.ts';
import { dataset } from '../../fixtures/business-case-dataset.ts';

describe('parseNumber', () => {
  it('reads plain numbers, separators, exponents and percentages', () => {
    expect(parseNumber('12')).toBe(12);
    expect(parseNumber('0.25')).toBe(0.25);
    expect(parseNumber('.5')).toBe(0.5);
    expect(parseNumber('25_000')).toBe(25_000);
    expect(parseNumber('1e6')).toBe(1e6);
    expect(parseNumber('10%')).toBeCloseTo(0.1, 15);
    expect(parseNumber('-3')).toBe(-3);
  });
  it('refuses what is not a number', () => {
    for (const bad of ['', 'abc', '1,000', '1..2', '0x10', 'NaN', 'Infinity', '1e400', '%'])
      expect(parseNumber(bad)).toBeUndefined();
  });
});

describe('parseMix', () => {
  it('parses weights as typed (the engine scales them)', () => {
    expect(parseMix('msp=0.6,reseller=0.4')).toEqual({
      mix: [
        { type: 'msp', weight: 0.6 },
        { type: 'reseller', weight: 0.4 },
      ],
      problems: [],
    });
    expect(parseMix('a=3, b=1').mix).toEqual([
      { type: 'a', weight: 3 },
      { type: 'b', weight: 1 },
    ]);
    expect(parseMix('a=60%,b=40%').mix.map((m) => m.weight)).toEqual([0.6, 0.4]);
    expect(parseMix('reseller').mix).toEqual([{ type: 'reseller', weight: 1 }]);
  });
  it('reports weights that are missing, zero, negative or not numbers, duplicates and empty mixes', () => {
    expect(parseMix('a=0.5,b').problems[0]!.message).toMatch(
      /weight of `b` must be a number above 0/,
    );
    expect(parseMix('a=0,b=1').problems[0]!.message).toMatch(/weight of `a`/);
    expect(parseMix('a=-1,b=1').problems).toHaveLength(1);
    expect(parseMix('a=x').problems[0]!.message).toMatch(/"x"/);
    expect(parseMix('a=1,a=2').problems[0]!.message).toMatch(/appears twice/);
    expect(parseMix('').problems[0]!.message).toMatch(/empty/);
    expect(parseMix('=1').problems[0]!.message).toMatch(/needs a partner type/);
  });
  it('round-trips through formatMix', () => {
    const { mix } = parseMix('managed-service-provider=0.6,reseller=0.4');
    expect(parseMix(formatMix(mix)).mix).toEqual(mix);
  });
});

describe('parseOverrides', () => {
  it('reads key=value entries, several per string', () => {
    expect(parseOverrides(['dealValue=30000', 'renewalRate=85%,hires=1'])).toEqual({
      overrides: { dealValue: 30_000, renewalRate: 0.85, hires: 1 },
      problems: [],
    });
  });
  it('names an unknown key with a suggestion', () => {
    const { problems } = parseOverrides(['dealvalue=3']);
    expect(problems[0]).toMatchObject({ field: 'set', id: 'dealvalue' });
    expect(problems[0]!.message).toMatch(
      /unknown assumption `dealvalue`; did you mean `dealValue`\?/,
    );
    expect(parseOverrides(['zzzzzzzzzz=1']).problems[0]!.message).not.toMatch(/did you mean/);
  });
  it('names the key and the allowed range for out-of-range, fractional whole numbers and non-numbers', () => {
    expect(parseOverrides(['discountRateAnnual=0.7']).problems[0]!.message).toMatch(
      /discountRateAnnual must be between 0 and 0\.5 \(got 0\.7\)/,
    );
    expect(parseOverrides(['horizonMonths=30.5']).problems[0]!.message).toMatch(
      /horizonMonths must be a whole number between 12 and 60/,
    );
    // People, customers and months may be fractional: the model works in expected values.
    expect(parseOverrides(['hires=1.5', 'monthsToFirstDeal=2.5', 'certifications=2.4'])).toEqual({
      overrides: { hires: 1.5, monthsToFirstDeal: 2.5, certifications: 2.4 },
      problems: [],
    });
    expect(parseOverrides(['horizonMonths=abc']).problems[0]!.message).toMatch(
      /horizonMonths needs a number \(got "abc"\); allowed: 12 to 60, whole numbers/,
    );
    expect(parseOverrides(['horizonMonths']).problems).toHaveLength(1);
  });
  it('refuses a thousands comma instead of quietly taking the digits before it', () => {
    const { problems } = parseOverrides(['dealValue=1,000']);
    expect(problems.map((p) => p.message).join('\n')).toMatch(
      /write thousands as 1000 or 1_000, not 1,000/,
    );
  });
});

describe('type references', () => {
  it('finds a type by id, alias, bracketed abbreviation or initials, and refuses ambiguity', () => {
    expect(findPartnerType(dataset, 'reseller')?.id).toBe('reseller');
    expect(findPartnerType(dataset, 'VAR')?.id).toBe('reseller');
    expect(findPartnerType(dataset, 'Managed service provider')?.id).toBe(
      'managed-service-provider',
    );
    expect(findPartnerType(dataset, 'mssp')?.id).toBe('managed-service-provider');
    expect(findPartnerType(dataset, 'msp')?.id).toBe('managed-service-provider');
    expect(findPartnerType(dataset, 'independent software vendor')?.id).toBe('software-vendor');
    expect(findPartnerType(dataset, 'nothing')).toBeUndefined();
    expect(findPartnerType(dataset, '')).toBeUndefined();
  });
  it('requestProblems lists every problem at once', () => {
    const problems = requestProblems(dataset, {
      mix: [{ type: 'nope', weight: 1 }],
      vertical: 'x',
      segment: 'y',
      product: 'z',
      overrides: { hires: -1 },
    });
    expect(problems.map((p) => p.field)).toEqual(['type', 'vertical', 'segment', 'product', 'set']);
    expect(requestProblems(dataset, { mix: [] })[0]!.message).toMatch(/at least one partner type/);
  });
});

describe('requestToSearchParams (the link writer; readCaseUrl in url-state.ts reads it back)', () => {
  it('writes a mix, the pickers and the overrides, one parameter each', () => {
    const request = {
      mix: [
        { type: 'managed-service-provider', weight: 0.6 },
        { type: 'reseller', weight: 0.4 },
      ],
      vertical: 'health',
      segment: 'smb',
      product: 'gadget',
      overrides: { dealValue: 30_000, discountRateAnnual: 0.08 },
    };
    expect(requestToSearchParams(request).toString()).toBe(
      'mix=managed-service-provider%3D0.6%2Creseller%3D0.4&vertical=health&segment=smb&product=gadget&discountRateAnnual=0.08&dealValue=30000',
    );
  });
  it('a single type is written as type=', () => {
    expect(requestToSearchParams({ mix: [{ type: 'reseller', weight: 1 }] }).toString()).toBe(
      'type=reseller',
    );
  });
});

describe('readOverride: one value, as a link or a --set entry carries it', () => {
  it('reads a number, a percentage or underscores', () => {
    expect(readOverride('dealValue', '30000')).toEqual({ key: 'dealValue', value: 30_000 });
    expect(readOverride('dealValue', '1_000')).toEqual({ key: 'dealValue', value: 1000 });
    expect(readOverride('renewalRate', '85%')).toEqual({ key: 'renewalRate', value: 0.85 });
  });
  it('refuses a thousands comma, saying how to write it, never reading the digits before it', () => {
    expect(readOverride('dealValue', '1,000')).toEqual({
      problem: {
        field: 'set',
        id: 'dealValue',
        message: 'dealValue is one number: write thousands as 1000 or 1_000, not "1,000"',
      },
    });
  });
  it('names the key and the range for what is not a number or out of range, and unknown keys', () => {
    expect(readOverride('horizonMonths', 'abc')).toMatchObject({
      problem: { id: 'horizonMonths', message: expect.stringMatching(/allowed: 12 to 60/) },
    });
    expect(readOverride('renewalRate', '1.5')).toMatchObject({ problem: { id: 'renewalRate' } });
    expect(readOverride('dealvalue', '3')).toMatchObject({
      problem: { message: expect.stringMatching(/did you mean `dealValue`/) },
    });
  });
});
