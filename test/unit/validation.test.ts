import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/core/diagnostics.ts';
import { loadData } from '../../src/node/load-data.ts';
import { fixtureCopy, MINIMAL, replaceOnce } from '../helpers/fixture.ts';

const VENDOR = 'data/vendor.yaml';
const ALPHA = 'data/partner-types/alpha.yaml';

interface Case {
  name: string;
  changes: Record<string, (text: string) => string>;
  file: string;
  line: number;
  field: string;
  says: RegExp;
}

// Each case breaks the minimal valid project in one way a marketer might, and pins where
// the message points: the file, the line, the field path, and words that say what to fix.
const cases: Case[] = [
  {
    name: 'YAML syntax error (bad indentation)',
    changes: { [ALPHA]: replaceOnce('name: Alpha partner', 'name: Alpha partner\n  oops: x') },
    file: ALPHA,
    line: 3,
    field: '',
    says: /`oops` is indented 2 spaces, which lines it up with no field above it/,
  },
  {
    name: 'wrong type: text where a number goes',
    changes: {
      [VENDOR]: replaceOnce('firstYearDealValue: 20000', 'firstYearDealValue: twenty thousand'),
    },
    file: VENDOR,
    line: 17,
    field: 'products[0].firstYearDealValue',
    says: /expected a number, found "twenty thousand"/,
  },
  {
    name: 'misspelt key with did-you-mean',
    changes: { [ALPHA]: replaceOnce('summary:', 'sumary:') },
    file: ALPHA,
    line: 4,
    field: 'sumary',
    says: /unknown field `sumary`; did you mean `summary`\?/,
  },
  {
    name: 'missing required field',
    changes: { [ALPHA]: replaceOnce('transacts: true\n', '') },
    file: ALPHA,
    line: 1,
    field: 'transacts',
    says: /required field is missing.*expected a boolean/,
  },
  {
    name: 'dangling product reference',
    changes: { [ALPHA]: replaceOnce('products: [widget]', 'products: [widgit]') },
    file: ALPHA,
    line: 35,
    field: 'fit.products[0]',
    says: /product `widgit` does not exist; did you mean `widget`\?/,
  },
  {
    name: 'dangling partner type reference',
    changes: { [ALPHA]: replaceOnce('with: beta', 'with: gamma') },
    file: ALPHA,
    line: 38,
    field: 'collaboratesWith[0].with',
    says: /partner type `gamma` does not exist/,
  },
  {
    name: 'dangling source reference',
    changes: { [ALPHA]: replaceOnce('source: survey', 'source: surveys') },
    file: ALPHA,
    line: 12,
    field: 'revenueStreams[0].share.source',
    says: /source `surveys` does not exist; did you mean `survey`\?/,
  },
  {
    name: 'duplicate product id',
    changes: {
      [VENDOR]: replaceOnce(
        'tiers:',
        '  - id: widget\n    name: Widget 2\n    category: Testing\n    maturity: growth\n    pricingModel: subscription\n    firstYearDealValue: 1\n    renewalRate: 0.5\n    description: Again.\ntiers:',
      ),
    },
    file: VENDOR,
    line: 20,
    field: 'products[1].id',
    says: /duplicate product id `widget`/,
  },
  {
    name: 'duplicate partner type id across files',
    changes: { 'data/partner-types/beta.yaml': replaceOnce('id: beta', 'id: alpha') },
    file: 'data/partner-types/beta.yaml',
    line: 1,
    field: 'id',
    says: /id must match the file name.*expected "beta", found "alpha"/,
  },
  {
    name: 'bad URL',
    changes: {
      [ALPHA]: replaceOnce('url: https://example.com/survey', 'url: htps//example.com/survey'),
    },
    file: ALPHA,
    line: 49,
    field: 'sources[0].url',
    says: /web address starting with https:\/\//,
  },
  {
    name: 'empty file',
    changes: { 'data/segments.yaml': () => '' },
    file: 'data/segments.yaml',
    line: 1,
    field: '',
    says: /file is empty/,
  },
  {
    name: 'value out of range',
    changes: { [VENDOR]: replaceOnce('renewalRate: 0.9', 'renewalRate: 90') },
    file: VENDOR,
    line: 18,
    field: 'products[0].renewalRate',
    says: /fraction between 0 and 1/,
  },
  {
    name: 'unknown enum value',
    changes: { [VENDOR]: replaceOnce('maturity: growth', 'maturity: booming') },
    file: VENDOR,
    line: 15,
    field: 'products[0].maturity',
    says: /not one of the allowed values.*"emerging", "growth", "mature", "sunset".*found "booming"/,
  },
  {
    name: 'figure with neither source nor assumption',
    changes: { [ALPHA]: replaceOnce('      assumption: A small practice.\n', '') },
    file: ALPHA,
    line: 44,
    field: 'businessCase.defaults.newCustomersPerMonth',
    says: /either `source:`.*or `assumption:`/,
  },
  {
    name: 'business-case default outside its bounds',
    changes: { [ALPHA]: replaceOnce('value: 2\n', 'value: 5000\n') },
    file: ALPHA,
    line: 44,
    field: 'businessCase.defaults.newCustomersPerMonth.value',
    says: /newCustomersPerMonth must be between 0 and 1000 \(got 5000\)/,
  },
  {
    name: 'unknown business-case assumption',
    changes: { [ALPHA]: replaceOnce('    newCustomersPerMonth:', '    newCustomerPerMonth:') },
    file: ALPHA,
    line: 43,
    field: 'businessCase.defaults.newCustomerPerMonth',
    says: /did you mean `newCustomersPerMonth`\?/,
  },
  {
    name: 'colour name instead of hex',
    changes: { [VENDOR]: replaceOnce('primary: "#0B4F8A"', 'primary: blue') },
    file: VENDOR,
    line: 7,
    field: 'brand.primary',
    says: /six-digit hex colour/,
  },
  {
    name: 'duplicate key in a YAML map',
    changes: { [ALPHA]: replaceOnce('transacts: true', 'transacts: true\ntransacts: false') },
    file: ALPHA,
    line: 7,
    field: '',
    says: /field `transacts` is written twice in the same group/,
  },
  {
    name: 'revenue shares above 100%',
    changes: {
      [ALPHA]: replaceOnce(
        'revenueStreams:',
        'revenueStreams:\n  - name: Services\n    share:\n      value: 0.5\n      assumption: Guess.\n    grossMargin:\n      min: 0.3\n      max: 0.4\n      assumption: Guess.',
      ),
    },
    file: ALPHA,
    line: 8,
    field: 'revenueStreams',
    says: /shares add up to 100%|shares that add up/,
  },
  {
    name: 'playbook frontmatter naming a missing type',
    changes: {
      'content/playbooks/alpha.mdx': () =>
        '---\ntype: alfa\nowner: Marketing\nlastReviewed: 2026-11-01\n---\n\nText.\n',
    },
    file: 'content/playbooks/alpha.mdx',
    line: 2,
    field: 'type',
    says: /partner type `alfa` does not exist; did you mean `alpha`\?/,
  },
  {
    name: 'playbook frontmatter with a bad date',
    changes: {
      'content/playbooks/alpha.mdx': () =>
        '---\ntype: alpha\nowner: Marketing\nlastReviewed: someday\n---\n\nText.\n',
    },
    file: 'content/playbooks/alpha.mdx',
    line: 4,
    field: 'lastReviewed',
    says: /expected a date, found "someday"/,
  },
  {
    name: 'tier gate naming a metric the program does not record',
    changes: {
      [VENDOR]: replaceOnce(
        'requirements: []',
        'requirements:\n      - metric: certified-peple\n        min: 1',
      ),
    },
    file: VENDOR,
    line: 25,
    field: 'tiers[0].requirements[0].metric',
    says: /metric `certified-peple` does not exist; did you mean `certified-people`\?/,
  },
  {
    name: "target tier that is not one of the vendor's tiers",
    changes: {
      [ALPHA]: replaceOnce('  streams: [resale]', '  streams: [resale]\n  targetTier: gold'),
    },
    file: ALPHA,
    line: 42,
    field: 'businessCase.targetTier',
    says: /tier `gold` does not exist \(expected one of `member`/,
  },
];

describe('validation messages a marketer can act on', () => {
  it('accepts the minimal valid project', () => {
    const { dataset, diagnostics } = loadData(MINIMAL);
    expect(diagnostics).toEqual([]);
    expect(dataset?.partnerTypes.map((t) => t.id)).toEqual(['alpha', 'beta']);
  });

  it.each(cases)('$name', (c) => {
    const root = fixtureCopy(c.changes);
    const { dataset, diagnostics } = loadData(root);
    expect(dataset, 'an invalid project yields no dataset').toBeUndefined();
    const lines = diagnostics.map(formatDiagnostic);
    const hit = diagnostics.find((d) => d.file === c.file && c.says.test(formatDiagnostic(d)));
    expect(
      hit,
      `no diagnostic in ${c.file} matching ${c.says}; got:\n${lines.join('\n')}`,
    ).toBeDefined();
    const text = formatDiagnostic(hit!);
    expect(text).toContain(`${c.file}:${c.line}:`);
    if (c.field) expect(text).toContain(`field \`${c.field}\``);
  });

  it('reports every error in one run, not just the first', () => {
    const root = fixtureCopy({
      [ALPHA]: replaceOnce('summary:', 'sumary:'),
      [VENDOR]: replaceOnce('maturity: growth', 'maturity: booming'),
      'data/partner-types/beta.yaml': replaceOnce('products: [widget]', 'products: [nope]'),
    });
    const files = new Set(loadData(root).diagnostics.map((d) => d.file));
    expect([...files].sort()).toEqual([ALPHA, 'data/partner-types/beta.yaml', VENDOR].sort());
  });
});

describe('the default business cases, checked like the data (partnerkit validate)', () => {
  const check = (root: string) =>
    loadData(root, { checkCases: true }).diagnostics.map(formatDiagnostic);

  it('the minimal project has no case warning', () => {
    expect(check(MINIMAL)).toEqual([]);
  });

  it('warns for every vertical x segment default case outside the bands, at the driver it names', () => {
    // Customers pay when the partner pays, so no working capital: the volume alone drives it.
    const root = fixtureCopy({
      [ALPHA]: replaceOnce(
        '      value: 2\n      assumption: A small practice.',
        "      value: 60\n      assumption: A small practice.\n    customerPaymentDays:\n      value: 30\n      assumption: Paid on the vendor's terms.",
      ),
    });
    const { dataset, diagnostics } = loadData(root, { checkCases: true });
    expect(dataset, 'warnings do not stop the build').toBeDefined();
    const lines = diagnostics.map(formatDiagnostic);
    // Every combination: no vertical or the one vertical, no segment or the one segment.
    expect(lines).toHaveLength(4);
    for (const line of lines) {
      expect(line).toMatch(
        /^warning data\/partner-types\/alpha\.yaml:44:7 field `businessCase\.defaults\.newCustomersPerMonth`: the default case.* is outside the plausibility bands in data\/vendor\.yaml: .*(ROI of [\d,.]+% is above the band's 500%|IRR of [\d,.]+% a year is above the band's 300%)/,
      );
      expect(line).toMatch(
        /The driver that moves it most is new customers a month \(steady state\): 60/,
      );
    }
    expect(lines.some((l) => /for segment smb/.test(l))).toBe(true);
  });

  it("warns when a type's default case does not reach the tier its plan names", () => {
    const root = fixtureCopy({
      [VENDOR]: replaceOnce(
        'opportunity:',
        [
          '  - id: gold',
          '    name: Gold',
          '    summary: Top.',
          '    requirements:',
          '      - metric: certified-people',
          '        min: 9',
          '    benefits:',
          '      discount: 0.2',
          '      rebate: 0',
          '      mdfRate: 0',
          '      referralFee: 0.05',
          '      referralFeeCap: 0',
          '      coSell: true',
          '      nfrLicences: 1',
          '      trainingVouchers: 0',
          '      marketplace:',
          '        privateOffers: false',
          '        feeRebate: 0',
          '      programFeeAnnual: 0',
          'opportunity:',
        ].join('\n'),
      ),
      [ALPHA]: replaceOnce('  streams: [resale]', '  streams: [resale]\n  targetTier: gold'),
    });
    expect(check(root)).toEqual([
      'warning data/partner-types/alpha.yaml:42:15 field `businessCase.targetTier`: the default case holds Member at the end, not Gold, the tier its plan names: Gold still needs 9 certified people (expected a plan that reaches the tier it names (or name the tier it holds), found "gold")',
    ]);
  });
});
