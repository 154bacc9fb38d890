/**
 * Checks on the program data zod cannot do alone (src/core/schema/vendor.ts): every metric a
 * tier gate, a composite or a benefit names exists, composites do not loop, and every partner
 * type a metric names exists. Findings are placed in data/vendor.yaml by the loader.
 */
import { closest, type Finding } from './diagnostics.ts';
import { DEFAULT_PROGRAM } from './business-case/program.ts';
import type { Vendor } from './schema/vendor.ts';

const missing = (what: string, id: string, known: readonly string[]) => {
  const guess = closest(id, known);
  return {
    message: `${what} \`${id}\` does not exist${guess ? `; did you mean \`${guess}\`?` : ''}`,
    expected: known.length ? `one of ${known.map((k) => `\`${k}\``).join(', ')}` : `a ${what}`,
    found: JSON.stringify(id),
  };
};

export function programFindings(vendor: Vendor, typeIds: readonly string[]): Finding[] {
  const out: Finding[] = [];
  const program = vendor.program ?? DEFAULT_PROGRAM;
  const ids = program.metrics.map((m) => m.id);
  const byId = new Map(program.metrics.map((m) => [m.id, m]));
  const where = vendor.program ? ['program'] : [];
  const seen = new Map<string, number>();
  program.metrics.forEach((m, i) => {
    const first = seen.get(m.id);
    if (first !== undefined)
      out.push({
        path: [...where, 'metrics', i, 'id'],
        message: `duplicate metric id \`${m.id}\` (first used at program.metrics[${first}])`,
        expected: 'an id used once',
        found: JSON.stringify(m.id),
      });
    else seen.set(m.id, i);
    if (Array.isArray(m.producedBy))
      m.producedBy.forEach((t, j) => {
        if (!typeIds.includes(t))
          out.push({
            path: [...where, 'metrics', i, 'producedBy', j],
            ...missing('partner type', t, typeIds),
          });
      });
    (m.sumOf ?? []).forEach((part, j) => {
      if (!byId.has(part.metric))
        out.push({
          path: [...where, 'metrics', i, 'sumOf', j, 'metric'],
          ...missing('metric', part.metric, ids),
        });
    });
    // A composite that adds itself up, directly or through others, counts nothing.
    const visit = (id: string, trail: string[]): string[] | undefined => {
      if (trail.includes(id)) return [...trail, id];
      for (const part of byId.get(id)?.sumOf ?? []) {
        const loop = visit(part.metric, [...trail, id]);
        if (loop) return loop;
      }
      return undefined;
    };
    const loop = m.sumOf ? visit(m.id, []) : undefined;
    if (loop && loop[0] === m.id)
      out.push({
        path: [...where, 'metrics', i, 'sumOf'],
        message: `metric \`${m.id}\` adds itself up (${loop.join(' -> ')})`,
        expected: 'a composite of other metrics only',
      });
  });
  vendor.tiers.forEach((t, i) =>
    t.requirements.forEach((g, j) => {
      if (!byId.has(g.metric))
        out.push({
          path: ['tiers', i, 'requirements', j, 'metric'],
          ...missing('metric', g.metric, ids),
        });
    }),
  );
  program.benefits.forEach((b, i) =>
    b.needs.forEach((m, j) => {
      if (!byId.has(m))
        out.push({ path: [...where, 'benefits', i, 'needs', j], ...missing('metric', m, ids) });
    }),
  );
  return out;
}
