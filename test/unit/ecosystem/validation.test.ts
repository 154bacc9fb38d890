// Broken ecosystem files (routes, coverage, partners, plays), each applied to a copy of the
// minimal valid project: the message names the file, the line and the field, says what to fix,
// and suggests the id meant; a warning leaves the project valid.
import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../../src/core/diagnostics.ts';
import { loadData } from '../../../src/node/load-data.ts';
import { fixtureCopy, MINIMAL, replaceOnce } from '../../helpers/fixture.ts';

const ROUTES = 'data/routes.yaml';
const COVERAGE = 'data/coverage.yaml';
const PARTNERS = 'data/partners.yaml';
const PLAYS = 'data/plays.yaml';

interface Case {
  name: string;
  changes: Record<string, (text: string) => string>;
  file: string;
  line: number;
  field: string;
  says: RegExp;
  severity?: 'warning';
}

const cases: Case[] = [
  // routes.yaml
  {
    name: 'route for an unknown product',
    changes: { [ROUTES]: replaceOnce('product: widget', 'product: widgit') },
    file: ROUTES,
    line: 15,
    field: 'routes[0].product',
    says: /product `widgit` does not exist; did you mean `widget`\?/,
  },
  {
    name: 'route leading with an unknown partner type',
    changes: { [ROUTES]: replaceOnce('type: alpha', 'type: alpah') },
    file: ROUTES,
    line: 18,
    field: 'routes[0].lead[0].type',
    says: /partner type `alpah` does not exist; did you mean `alpha`\?/,
  },
  {
    name: 'a type both leading and assisting one product',
    changes: { [ROUTES]: replaceOnce('type: beta', 'type: alpha') },
    file: ROUTES,
    line: 21,
    field: 'routes[0].assist[0].type',
    says: /`alpha` is already listed under `lead` for this product/,
  },
  {
    name: 'no guidance for the stage a product is at',
    changes: { [ROUTES]: replaceOnce('stage: growth', 'stage: mature') },
    file: ROUTES,
    line: 2,
    field: 'stages',
    says: /no guidance for the `growth` stage, where product `widget` is/,
  },
  {
    name: "an incentive the product's stage does not offer",
    changes: {
      [ROUTES]: replaceOnce('    wait: []', '    wait: []\n    incentives: [launch-bonsu]'),
    },
    file: ROUTES,
    line: 24,
    field: 'routes[0].incentives[0]',
    says: /incentive of the growth stage `launch-bonsu` does not exist; did you mean `launch-bonus`\?/,
  },
  {
    name: 'a maturity stage that does not exist',
    changes: { [ROUTES]: replaceOnce('stage: growth', 'stage: booming') },
    file: ROUTES,
    line: 2,
    field: 'stages[0].stage',
    says: /not one of the allowed values.*"emerging", "growth", "mature", "sunset"/,
  },
  {
    name: 'warning: a lead type whose playbook does not fit the stage',
    changes: {
      'data/partner-types/alpha.yaml': replaceOnce('maturity: [growth]', 'maturity: [mature]'),
    },
    file: ROUTES,
    line: 18,
    field: 'routes[0].lead[0].type',
    says: /warning .*`alpha` leads `widget` \(growth\), but its playbook fits products at mature only/,
    severity: 'warning',
  },
  {
    name: "warning: a type's business case on a product it does not lead",
    changes: {
      'data/vendor.yaml': replaceOnce(
        'tiers:',
        '  - id: gizmo\n    name: Gizmo\n    category: Testing\n    maturity: growth\n    pricingModel: subscription\n    firstYearDealValue: 1000\n    renewalRate: 0.9\n    description: Does gizmo things.\ntiers:',
      ),
      'data/partner-types/alpha.yaml': replaceOnce(
        'products: [widget]',
        'products: [gizmo, widget]',
      ),
    },
    file: ROUTES,
    line: 18,
    field: 'routes[0].lead[0].type',
    says: /warning .*`alpha` leads `widget` here, but its business case and ready deck are built on `gizmo`, the first of its `fit.products`/,
    severity: 'warning',
  },
  {
    name: 'warning: a product with no route',
    changes: {
      'data/vendor.yaml': replaceOnce(
        'tiers:',
        '  - id: gizmo\n    name: Gizmo\n    category: Testing\n    maturity: growth\n    pricingModel: subscription\n    firstYearDealValue: 1000\n    renewalRate: 0.9\n    description: Does gizmo things.\ntiers:',
      ),
    },
    file: ROUTES,
    line: 15,
    field: 'routes',
    says: /warning .*product `gizmo` has no route: its page shows only its stage's guidance/,
    severity: 'warning',
  },

  // coverage.yaml
  {
    name: 'target for an unknown vertical',
    changes: { [COVERAGE]: replaceOnce('  - type: alpha', '  - type: alpha\n    vertical: helth') },
    file: COVERAGE,
    line: 8,
    field: 'targets[0].vertical',
    says: /vertical `helth` does not exist; did you mean `health`\?/,
  },
  {
    name: 'target for an unknown partner type',
    changes: { [COVERAGE]: replaceOnce('  - type: alpha', '  - type: alfa') },
    file: COVERAGE,
    line: 7,
    field: 'targets[0].type',
    says: /partner type `alfa` does not exist; did you mean `alpha`\?/,
  },
  {
    name: 'target naming a region when the map has none',
    changes: { [COVERAGE]: replaceOnce('  - type: alpha', '  - type: alpha\n    region: west') },
    file: COVERAGE,
    line: 8,
    field: 'targets[0].region',
    says: /region `west` is named, but data\/coverage.yaml has no `regions`/,
  },
  {
    name: 'two targets as specific as each other for the same cells',
    changes: {
      [COVERAGE]: replaceOnce(
        'sources: []',
        '  - type: alpha\n    vertical: health\n    minActive: 1\n    assumption: A.\n  - type: alpha\n    segment: smb\n    minActive: 2\n    assumption: B.\nsources: []',
      ),
    },
    file: COVERAGE,
    line: 15,
    field: 'targets[2]',
    says: /targets\[1\] and targets\[2\] both set alpha \/ health \/ smb and neither is more specific/,
  },
  {
    name: 'the same cell targeted twice',
    changes: {
      [COVERAGE]: replaceOnce(
        'sources: []',
        '  - type: alpha\n    minActive: 2\n    assumption: Again.\nsources: []',
      ),
    },
    file: COVERAGE,
    line: 11,
    field: 'targets[1]',
    says: /the same cell is targeted twice \(first at targets\[0\]\)/,
  },
  {
    name: 'a crowded threshold that is not above 1',
    changes: { [COVERAGE]: replaceOnce('value: 2', 'value: 1') },
    file: COVERAGE,
    line: 4,
    field: 'crowdedAbove.value',
    says: /a crowded cell must have more partners than its target/,
  },
  {
    name: 'a target without source or assumption',
    changes: { [COVERAGE]: replaceOnce('    assumption: One alpha per cell.\n', '') },
    file: COVERAGE,
    line: 7,
    field: 'targets[0]',
    says: /either `source:`.*or `assumption:`/,
  },

  // partners.yaml
  {
    name: 'partner of an unknown type',
    changes: { [PARTNERS]: replaceOnce('type: beta', 'type: bta') },
    file: PARTNERS,
    line: 10,
    field: 'partners[1].type',
    says: /partner type `bta` does not exist; did you mean `beta`\?/,
  },
  {
    name: 'partner serving an unknown segment',
    changes: { [PARTNERS]: replaceOnce('segments: [smb]', 'segments: [smbb]') },
    file: PARTNERS,
    line: 13,
    field: 'partners[1].segments[0]',
    says: /segment `smbb` does not exist; did you mean `smb`\?/,
  },
  {
    name: 'a misspelt status',
    changes: { [PARTNERS]: replaceOnce('status: active', 'status: actve') },
    file: PARTNERS,
    line: 5,
    field: 'partners[0].status',
    says: /not one of the allowed values.*"enrolled", "active", "dormant"/,
  },
  {
    name: 'two partners with one id',
    changes: { [PARTNERS]: replaceOnce('id: beta-one', 'id: alpha-one') },
    file: PARTNERS,
    line: 8,
    field: 'partners[1].id',
    says: /duplicate partner id `alpha-one`/,
  },
  {
    name: 'partner selling an unknown product',
    changes: { [PARTNERS]: replaceOnce('products: [widget]', 'products: [gizmo]') },
    file: PARTNERS,
    line: 7,
    field: 'partners[0].products[0]',
    says: /product `gizmo` does not exist/,
  },

  // plays.yaml
  {
    name: 'play naming an unknown partner type',
    changes: { [PLAYS]: replaceOnce('      - type: beta', '      - type: betta') },
    file: PLAYS,
    line: 15,
    field: 'plays[0].roles[1].type',
    says: /partner type `betta` does not exist; did you mean `beta`\?/,
  },
  {
    name: 'a lead that is not one of the play’s types',
    changes: { [PLAYS]: replaceOnce('lead: alpha', 'lead: alpah') },
    file: PLAYS,
    line: 7,
    field: 'plays[0].lead',
    says: /lead `alpah` is not one of the play's partner types; did you mean `alpha`\?/,
  },
  {
    name: "a stream the type's business case does not model",
    changes: {
      [PLAYS]: replaceOnce(
        'credit: [influenced]\n        streams: [resale]',
        'credit: [influenced]\n        streams: [managed]',
      ),
    },
    file: PLAYS,
    line: 19,
    field: 'plays[0].roles[1].streams[0]',
    says: /`managed` is not one of Beta partner's business-case streams/,
  },
  {
    name: 'two partners sourcing one deal',
    changes: { [PLAYS]: replaceOnce('credit: [influenced]', 'credit: [sourced]') },
    file: PLAYS,
    line: 10,
    field: 'plays[0].roles',
    says: /2 partners have `sourced` credit; a deal has one originator/,
  },
  {
    name: 'a share paid by a type outside the play',
    changes: { [PLAYS]: replaceOnce('from: alpha', 'from: gamma') },
    file: PLAYS,
    line: 25,
    field: 'plays[0].shares[0].from',
    says: /payer `gamma` is not one of the play's partner types/,
  },
  {
    name: 'a share of revenue the payer does not earn in the play',
    changes: { [PLAYS]: replaceOnce('on: resale', 'on: services') },
    file: PLAYS,
    line: 27,
    field: 'plays[0].shares[0].on',
    says: /`alpha` earns no services revenue in this play, so it has none to share/,
  },
  {
    name: 'a renewal rate on a share that is not of the contract',
    changes: {
      [PLAYS]: replaceOnce(
        '        why: Beta supports',
        '        renewalRate:\n          value: 0.05\n          assumption: Later years.\n        why: Beta supports',
      ),
    },
    file: PLAYS,
    line: 31,
    field: 'plays[0].shares[0].renewalRate',
    says: /`renewalRate` applies to a share of the contract only/,
  },
  {
    name: "a role setting the play's shared customers",
    changes: {
      [PLAYS]: replaceOnce(
        '        streams: [resale]\n      - type: beta',
        '        streams: [resale]\n        assumptions:\n          newCustomersPerMonth:\n            value: 3\n            assumption: More.\n      - type: beta',
      ),
    },
    file: PLAYS,
    line: 16,
    field: 'plays[0].roles[0].assumptions.newCustomersPerMonth',
    says: /`newCustomersPerMonth` \(new customers a month \(steady state\)\) is shared by every partner of a play/,
  },
  {
    name: 'a marketplace fee paid by someone outside the play',
    changes: {
      [PLAYS]: replaceOnce(
        '    rulesOfEngagement:',
        '    marketplace:\n      fee:\n        value: 0.03\n        assumption: A fee.\n      paidBy: vendr\n    rulesOfEngagement:',
      ),
    },
    file: PLAYS,
    line: 36,
    field: 'plays[0].marketplace.paidBy',
    says: /payer `vendr` is not one of the play's partner types; did you mean `vendor`\?/,
  },
  {
    name: 'a play with one partner type',
    changes: {
      [PLAYS]: (t) => t.replace(/ {6}- type: beta\n(?: {8}.*\n)+?(?= {4}assumptions:)/, ''),
    },
    file: PLAYS,
    line: 10,
    field: 'plays[0].roles',
    says: /at least two partner types/,
  },
  {
    name: 'a credit weight citing a source the file does not list',
    changes: {
      [PLAYS]: replaceOnce(
        'sources: []',
        'creditWeights:\n  sourced: { value: 5, source: hubspot-tiers }\n  influenced: { value: 3, assumption: Test. }\nsources:\n  - id: hubspot-tier\n    title: HubSpot tiers\n    url: https://www.hubspot.com/partners/how-tiers-work\n    reliability: verified',
      ),
    },
    file: PLAYS,
    line: 35,
    field: 'creditWeights.sourced.source',
    says: /source `hubspot-tiers` does not exist; did you mean `hubspot-tier`\?/,
  },
  {
    name: 'a credit weight of 0',
    changes: {
      [PLAYS]: replaceOnce(
        'sources: []',
        'creditWeights:\n  sourced: { value: 5, assumption: Test. }\n  influenced: { value: 0, assumption: Test. }\nsources: []',
      ),
    },
    file: PLAYS,
    line: 36,
    field: 'creditWeights.influenced.value',
    says: /a weight above 0/,
  },
  {
    name: 'YAML syntax error in a new file',
    changes: {
      [PLAYS]: replaceOnce('name: Joint widget roll-out', 'name: Joint widget roll-out\n  bad: ['),
    },
    file: PLAYS,
    line: 4,
    field: '',
    says: /the `\[` that starts this list is never closed/,
  },
];

describe('ecosystem files: validation messages a marketer can act on', () => {
  it('the minimal project, with one of each ecosystem file, is valid without warnings', () => {
    const { dataset, diagnostics } = loadData(MINIMAL);
    expect(diagnostics).toEqual([]);
    expect(dataset?.plays?.plays.map((p) => p.id)).toEqual(['joint-widget']);
    expect(dataset?.routes?.routes.map((r) => r.product)).toEqual(['widget']);
    expect(dataset?.partners?.partners).toHaveLength(2);
    expect(dataset?.coverage?.targets).toHaveLength(1);
  });

  it.each(cases)('$name', (c) => {
    const { dataset, diagnostics } = loadData(fixtureCopy(c.changes));
    const lines = diagnostics.map(formatDiagnostic);
    const hit = diagnostics.find((d) => d.file === c.file && c.says.test(formatDiagnostic(d)));
    expect(
      hit,
      `no diagnostic in ${c.file} matching ${c.says}; got:\n${lines.join('\n')}`,
    ).toBeDefined();
    const text = formatDiagnostic(hit!);
    expect(text).toContain(`${c.file}:${c.line}:`);
    if (c.field) expect(text).toContain(`field \`${c.field}\``);
    if (c.severity === 'warning') {
      expect(hit!.severity).toBe('warning');
      expect(dataset, 'a warning leaves the project valid').toBeDefined();
    } else expect(dataset, 'an invalid project yields no dataset').toBeUndefined();
  });

  it('a project without the ecosystem files is still valid: each file turns its feature on', () => {
    const gone = (_: string) => '';
    const root = fixtureCopy();
    for (const f of [ROUTES, COVERAGE, PARTNERS, PLAYS]) {
      // an empty file is an error; a missing one is not
      expect(loadData(fixtureCopy({ [f]: gone })).diagnostics.map(formatDiagnostic)).toEqual([
        `error ${f}:1:1 file is empty (expected the fields described in its schema)`,
      ]);
    }
    for (const f of [ROUTES, COVERAGE, PARTNERS, PLAYS]) rmSync(`${root}/${f}`);
    const { dataset, diagnostics } = loadData(root);
    expect(diagnostics).toEqual([]);
    expect(
      dataset?.routes ?? dataset?.coverage ?? dataset?.partners ?? dataset?.plays,
    ).toBeUndefined();
  });
});
