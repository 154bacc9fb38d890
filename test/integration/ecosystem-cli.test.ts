// `partnerkit coverage` spawned on the example kit and on a copy without coverage: the same
// cells as the core function the site uses, as JSON and CSV, and a clear refusal otherwise.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadData } from '../../src/node/load-data.ts';
import { coverageCsv, coverageMap } from '../../src/core/ecosystem/coverage.ts';
import { programAudit } from '../../src/core/ecosystem/audit.ts';
import { fixtureCopy } from '../helpers/fixture.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const NODE = join(ROOT, 'node_modules', '.bin', 'node');
const CLI = join(ROOT, 'src', 'cli', 'partnerkit.ts');
const run = (args: string[], cwd = ROOT) =>
  spawnSync(NODE, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });

describe('partnerkit coverage', { timeout: 240_000 }, () => {
  const map = coverageMap(loadData(ROOT).dataset!)!;

  it('--json gives every cell with its status, the same as the site', () => {
    const r = run(['coverage', '--json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as typeof map;
    expect(out.cells).toEqual(JSON.parse(JSON.stringify(map.cells)));
    expect(out.counts).toEqual(map.counts);
    expect(out.recruitNext.map((x) => x.rank)).toEqual(map.recruitNext.map((x) => x.rank));
  });

  it('--csv gives the site’s CSV; the text report ranks the gaps', () => {
    expect(run(['coverage', '--csv']).stdout).toBe(coverageCsv(map));
    const text = run(['coverage']).stdout;
    const first = map.recruitNext[0]!.cell;
    expect(text).toMatch(
      new RegExp(`^\\s+1\\. \\w+\\s+${first.type} / ${first.vertical} / ${first.segment}:`, 'm'),
    );
  });

  it('exits 1 with a message when the kit has no coverage targets, 2 on a bad option', () => {
    const dir = fixtureCopy();
    rmSync(join(dir, 'data', 'coverage.yaml'));
    const none = run(['coverage', '--json'], dir);
    expect(none.status).toBe(1);
    expect(none.stderr).toMatch(/no data\/coverage\.yaml/);
    const bad = run(['coverage', '--jsn']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/Unknown option '--jsn'/);
  });
});

describe('partnerkit audit', { timeout: 240_000 }, () => {
  it('--json lists every type x tier (reachable, month, lockedBy) and type x benefit (usable, reason)', () => {
    const r = run(['audit', '--json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as ReturnType<typeof programAudit>;
    const audit = programAudit(loadData(ROOT).dataset!);
    expect(out.tiers).toEqual(JSON.parse(JSON.stringify(audit.tiers)));
    expect(out.benefits).toEqual(audit.benefits);
    for (const t of out.tiers) {
      expect(typeof t.reachable).toBe('boolean');
      expect(t.month === null || Number.isInteger(t.month)).toBe(true);
      expect(Array.isArray(t.lockedBy)).toBe(true);
    }
    for (const b of out.benefits) {
      expect(typeof b.usable).toBe('boolean');
      expect(b.reason.length).toBeGreaterThan(0);
    }
    expect(out.score.value).toBe(audit.score.value);
  });

  it('prints the score and every finding with its fix as text', () => {
    const r = run(['audit']);
    expect(r.status).toBe(0);
    const audit = programAudit(loadData(ROOT).dataset!);
    expect(r.stdout).toContain(`score ${audit.score.value} out of 100`);
    for (const f of audit.findings) {
      expect(r.stdout).toContain(f.text);
      expect(r.stdout).toContain(`Fix: ${f.fix}`);
      for (const x of f.sources) expect(r.stdout).toContain(`Source: ${x.title} <${x.url}>`);
    }
    // The tier table's cells are the page's: a tier that pays a type nothing reads "not worth
    // it" in that type's row, in the tier's column.
    const d = loadData(ROOT).dataset!;
    const lines = r.stdout.split('\n');
    const head = lines[lines.findIndex((l) => l.startsWith('Tier reached')) + 1]!;
    const unpaid = audit.tiers.filter((x) => !x.pays);
    expect(unpaid.length).toBeGreaterThan(0);
    for (const t of unpaid) {
      const type = d.partnerTypes.find((x) => x.id === t.type)!;
      const row = lines.find((l) => l.startsWith(`  ${type.name}  `))!;
      const at = head.indexOf(d.vendor.tiers.find((x) => x.id === t.tier)!.name);
      expect(row.slice(at, at + 12), `${t.type} ${t.tier}`).toBe('not worth it');
    }
    // Benefits by the names partners know, never the data's keys.
    expect(r.stdout).not.toMatch(/\b(mdfRate|referralFee|nfrLicences|privateOffers)\b/);
  });
});
