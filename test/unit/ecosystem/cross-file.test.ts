// Cross-file checks of the ecosystem files (src/core/ecosystem/references.ts), one edit each to
// the minimal fixture: a stage or a product's route written twice, regions named but not
// listed or not known, a cell targeted twice, a play whose share pays a partner itself.
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../../src/core/diagnostics.ts';
import { loadData } from '../../../src/node/load-data.ts';
import { fixtureCopy, replaceOnce } from '../../helpers/fixture.ts';

const errors = (changes: Record<string, (t: string) => string>) =>
  loadData(fixtureCopy(changes))
    .diagnostics.filter((d) => d.severity === 'error')
    .map(formatDiagnostic);

const secondStage = `
  - stage: growth
    summary: Again.
    incentives:
      - id: other-bonus
        name: Other bonus
        what: Another bonus.
        assumption: An example.
    exitCriteria:
      - measure: Customers
        target:
          value: 5
          assumption: An example.
routes:`;
const secondRoute = `
  - product: widget
    summary: Again.
    lead:
      - type: beta
        why: Again.
    assist: []
    wait: []
sources: []`;

describe('ecosystem cross-file checks', () => {
  it('a stage described twice, and a product with two routes, name the first', () => {
    const out = errors({
      'data/routes.yaml': (t) =>
        replaceOnce('\nroutes:', secondStage)(replaceOnce('\nsources: []', secondRoute)(t)),
    });
    expect(out.join('\n')).toMatch(/stage `growth` is described twice \(first at stages\[0\]\)/);
    expect(out.join('\n')).toMatch(/product `widget` has two routes \(first at routes\[0\]\)/);
  });

  it('a target naming a region when coverage.yaml lists none, or one it does not list', () => {
    const regionTarget = replaceOnce('    minActive: 1', '    region: emea\n    minActive: 1');
    expect(errors({ 'data/coverage.yaml': regionTarget }).join('\n')).toMatch(
      /region `emea` is named, but data\/coverage.yaml has no `regions`/,
    );
    const regions = (t: string) =>
      t.replace(
        'targets:',
        'regions:\n  - id: apac\n    name: Asia Pacific\n  - id: apac\n    name: Again\ntargets:',
      );
    expect(errors({ 'data/coverage.yaml': regions })).toEqual([
      'error data/coverage.yaml:9:9 field `regions[1].id`: duplicate region id `apac` (first used at regions[0]) (expected an id used once, found "apac")',
    ]);
    expect(errors({ 'data/coverage.yaml': (t) => regions(regionTarget(t)) }).join('\n')).toMatch(
      /field `targets\[0\]\.region`: region `emea` does not exist/,
    );
  });

  it('the same cell targeted twice names the first target', () => {
    const twice = (t: string) =>
      `${t.trimEnd().replace('sources: []', '')}  - type: alpha\n    minActive: 2\n    minCapacity: 2\n    assumption: Again.\nsources: []\n`;
    expect(errors({ 'data/coverage.yaml': twice }).join('\n')).toMatch(
      /the same cell is targeted twice \(first at targets\[0\]\)/,
    );
  });
});
