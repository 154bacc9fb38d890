// `partnerkit case` spawned on the example kit: what the users typed.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CaseResult } from '../../src/core/business-case/types.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const NODE = join(ROOT, 'node_modules', '.bin', 'node');
const CLI = join(ROOT, 'src', 'cli', 'partnerkit.ts');
const json = (args: string[]) => {
  const r = spawnSync(NODE, [CLI, 'case', ...args, '--json'], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
  });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as CaseResult;
};
/** The longest run of digits after a decimal point in a text. */
const maxDecimals = (text: string) =>
  Math.max(0, ...[...text.matchAll(/\d\.(\d+)/g)].map((m) => m[1]!.length));

describe('partnerkit case on the example kit', { timeout: 240_000 }, () => {
  it('a typed referral fee is the fee the case uses (--set referralFeeRate=0.05)', () => {
    const base = json(['--type', 'referral-partner']);
    const typed = json(['--type', 'referral-partner', '--set', 'referralFeeRate=0.05']);
    expect(typed.assumptions.referralFeeRate).toBe(0.05);
    expect(typed.summary.grossProfitByStream.referral).toBeLessThan(
      base.summary.grossProfitByStream.referral,
    );
    // 5% instead of the default 10% until the plan reaches Silver, whose 12% then applies (and
    // the output says so): every fee paid before that month is half the default's.
    const silver = typed.tiers.find((t) => t.id === 'silver')!.reachedMonth!;
    const before = (r: CaseResult) =>
      r.monthly.slice(0, silver).reduce((a, m) => a + m.grossProfit, 0);
    expect(before(base)).toBeGreaterThan(0);
    expect(before(typed)).toBeCloseTo(before(base) / 2, 6);
    expect(typed.superseded).toEqual([
      expect.objectContaining({
        key: 'referralFeeRate',
        typed: 0.05,
        tier: 'Silver',
        month: silver,
      }),
    ]);
  });

  it('text output never shows a number with more than four decimals, nor an IRR above the band', () => {
    for (const args of [
      ['--type', 'cloud-reseller', '--segment', 'smb'],
      ['--type', 'distributor', '--set', 'newCustomersPerMonth=1000,dealValue=100000000'],
      ['--mix', 'managed-service-provider=0.6,reseller=0.4'],
    ]) {
      const r = spawnSync(NODE, [CLI, 'case', ...args], { cwd: ROOT, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      expect(maxDecimals(r.stdout), args.join(' ')).toBeLessThanOrEqual(4);
      for (const m of r.stdout.matchAll(/IRR\s+([-\d,.]+)% a year/g))
        expect(Number(m[1]!.replace(/,/g, '')), args.join(' ')).toBeLessThanOrEqual(300);
    }
  });
});
