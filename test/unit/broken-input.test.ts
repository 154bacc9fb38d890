import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/core/diagnostics.ts';
import { loadData } from '../../src/node/load-data.ts';
import { applyCase, casesIn, type BrokenCase } from '../helpers/cases.ts';

// Each folder under test/fixtures/cases/<group>/ is one thing a marketer did; its case.json
// says where the message must point and what it must say. See test/helpers/cases.ts.
const TODAY = new Date('2026-11-27T00:00:00Z');

function check(c: BrokenCase) {
  const root = applyCase(c);
  try {
    const { dataset, diagnostics } = loadData(root, { today: TODAY });
    const lines = diagnostics.map(formatDiagnostic);
    const errors = diagnostics.filter((d) => d.severity === 'error');
    const report = `got:\n${lines.join('\n') || '(nothing)'}`;
    if (c.spec.valid) {
      expect(errors.map(formatDiagnostic), report).toEqual([]);
      expect(dataset, report).toBeDefined();
    } else expect(dataset, `an invalid project yields no dataset; ${report}`).toBeUndefined();
    for (const e of c.spec.expect ?? []) {
      const says = new RegExp(e.says);
      const hit = lines.find(
        (l) => l.startsWith(`${e.severity ?? 'error'} ${e.at}`) && says.test(l),
      );
      expect(hit, `no message at ${e.at} matching ${says}; ${report}`).toBeDefined();
    }
    if (c.spec.only)
      expect(errors.length, `only the expected message(s); ${report}`).toBe(c.spec.expect?.length);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

for (const group of ['files', 'yaml', 'messages', 'mdx']) {
  describe(`broken input: ${group}`, () => {
    it.each(casesIn(group).filter((c) => !c.spec.unprivileged))('$name: $spec.about', check);
  });
}
