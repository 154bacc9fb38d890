// The shipped example kit's program audit reads as a partner's finance lead expects: a tier that
// pays a type nothing is reported as not worth joining, never as gates to plan certifications
// or deals for, and no type's plan aims for such a tier.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { programAudit, reachState } from '../../src/core/ecosystem/audit.ts';
import { BENEFIT_LABELS } from '../../src/core/ecosystem/program-standing.ts';
import { loadData } from '../../src/node/load-data.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const d = loadData(ROOT).dataset!;
const audit = programAudit(d);

describe('the example kit program audit', () => {
  const unpaid = audit.tiers.filter((t) => !t.pays);

  it('has tiers that pay some type nothing (the checks below are not vacuous)', () => {
    expect(unpaid.length).toBeGreaterThan(0);
  });

  it('reports every tier that pays a type nothing as not worth joining, and only so', () => {
    for (const c of unpaid) {
      expect(reachState(c), `${c.type} ${c.tier}`).toBe('declined');
      const about = audit.findings.filter((f) => f.tier === c.tier && f.types.includes(c.type));
      expect(
        about.map((f) => f.kind),
        `${c.type} ${c.tier}`,
      ).toEqual(['not-worth-joining']);
    }
  });

  it('never tells a group of types to be given more of a benefit one of them cannot use', () => {
    const findings = audit.findings.filter((f) => f.kind === 'benefit-unusable');
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) {
      const raise = /\(the ([^)]*)\)/.exec(f.fix)?.[1];
      expect(raise, f.fix).toBeDefined();
      for (const b of audit.benefits.filter((x) => f.types.includes(x.type) && !x.usable))
        expect(raise, `${f.types.join(', ')}: ${b.benefit}`).not.toContain(
          BENEFIT_LABELS[b.benefit].toLowerCase(),
        );
    }
  });

  it("no type's plan aims for a tier that pays it nothing", () => {
    for (const t of d.partnerTypes) {
      const target = t.businessCase.targetTier;
      if (target === undefined) continue;
      const c = audit.tiers.find((x) => x.type === t.id && x.tier === target)!;
      expect(c.pays, `${t.id} aims for ${target}`).toBe(true);
    }
  });
});
