// `partnerkit case` end to end, on the real data in data/ (run `npx partnerkit validate` if these fail first).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CaseResult } from '../../../src/core/business-case/types.ts';
import { fixtureCopy, replaceOnce } from '../../helpers/fixture.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const NODE = join(ROOT, 'node_modules', '.bin', 'node');
const CLI = join(ROOT, 'src', 'cli', 'partnerkit.ts');

const run = (args: string[], cwd = ROOT) => {
  const r = spawnSync(NODE, [CLI, 'case', ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
};

// Each test spawns Node up to six times; a shared, busy machine can take a while.
describe('partnerkit case', { timeout: 240_000 }, () => {
  it('--json prints one object with assumptions, months 0..horizon and the key figures', () => {
    const r = run(['--type', 'managed-service-provider', '--set', 'horizonMonths=24', '--json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as CaseResult;
    expect(out.assumptions.horizonMonths).toBe(24);
    expect(out.assumptions.discountRateAnnual).toBe(0.1);
    expect(Object.keys(out.assumptions).length).toBeGreaterThanOrEqual(30);
    expect(out.monthly).toHaveLength(25);
    out.monthly.forEach((m, t) => {
      expect(m.month).toBe(t);
      expect(typeof m.revenue.managed).toBe('number');
      expect(typeof m.costs).toBe('number');
      expect(typeof m.net).toBe('number');
      expect(typeof m.cumulative).toBe('number');
    });
    for (const k of ['npv', 'roi', 'grossProfit', 'recurringShare'] as const)
      expect(typeof out.summary[k]).toBe('number');
    expect(out.summary.irrAnnual === null || typeof out.summary.irrAnnual === 'number').toBe(true);
    expect(out.summary.paybackMonth === null || Number.isInteger(out.summary.paybackMonth)).toBe(
      true,
    );
    expect(out.provenance.discountRateAnnual.from).toBe('fallback');
    expect(out.provenance.horizonMonths.from).toBe('override');
    expect(typeof out.sentence).toBe('string');
  });

  it('prints the readable report with a mix, and takes several overrides after one --set', () => {
    const r = run([
      '--type',
      'msp',
      '--mix',
      'msp=0.6,reseller=0.4',
      '--set',
      'hires=1',
      'discountRateAnnual=8%',
    ]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Business case: 60% Managed service provider \+ 40% /);
    expect(r.stdout).toMatch(/NPV at 8%/);
    expect(r.stdout).toMatch(/Year 1 .* Year 3 .* Total/);
    expect(r.stdout).toMatch(/^A partner that is 60% managed service provider and 40% /m);
    expect(r.stdout).toMatch(/Scenario/);
    expect(r.stdout).toMatch(/Driver \(×0\.8 \/ ×1\.2\)\s+At ×0\.8\s+At ×1\.2/);
    expect(r.stdout).toMatch(/Delivery hires/);
  });

  it('exits 2 naming an unknown --set key, with a suggestion', () => {
    const r = run(['--type', 'reseller', '--set', 'dealvalue=30000']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown assumption `dealvalue`; did you mean `dealValue`\?/);
    expect(r.stdout).toBe('');
  });

  it('exits 2 naming an out-of-range value and the allowed range', () => {
    const r = run(['--type', 'reseller', '--set', 'discountRateAnnual=0.9']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/discountRateAnnual must be between 0 and 0\.5 \(got 0\.9\)/);
    const whole = run(['--type', 'reseller', '--set', 'horizonMonths=6']);
    expect(whole.status).toBe(2);
    expect(whole.stderr).toMatch(/horizonMonths must be between 12 and 60 \(got 6\)/);
  });

  it('exits 2 naming unknown type, vertical, segment and product ids', () => {
    const type = run(['--type', 'resellr']);
    expect(type.status).toBe(2);
    expect(type.stderr).toMatch(/unknown partner type `resellr`; did you mean `reseller`\?/);
    for (const [flag, id, what] of [
      ['--vertical', 'no-such-vertical', 'vertical'],
      ['--segment', 'no-such-segment', 'segment'],
      ['--product', 'no-such-product', 'product'],
    ] as const) {
      const r = run(['--type', 'reseller', flag, id]);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`unknown ${what} \`${id}\``));
    }
    const mix = run(['--mix', 'reseller=0.5,nobody=0.5']);
    expect(mix.status).toBe(2);
    expect(mix.stderr).toMatch(/unknown partner type `nobody`/);
  });

  it('exits 2 without a type, with usage', () => {
    const r = run([]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--type <id>/);
  });

  it('exits 1 with placed diagnostics when data/ is invalid', () => {
    const dir = fixtureCopy({
      'data/vendor.yaml': replaceOnce('renewalRate: 0.9', 'renewalRate: 9'),
    });
    const r = run(['--type', 'alpha'], dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/data\/vendor\.yaml:\d+:\d+/);
  });

  it('runs against a minimal valid project too', () => {
    const r = run(['--type', 'alpha', '--json'], fixtureCopy());
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as { monthly: unknown[] }).monthly).toHaveLength(37);
  });
});
