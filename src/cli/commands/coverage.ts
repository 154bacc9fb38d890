// `partnerkit coverage`: the coverage map (src/core/ecosystem/coverage.ts) as text, JSON or CSV:
// the same cells as /coverage/ and /coverage.csv.
import {
  coverageCsv,
  coverageMap,
  STATUS_LABELS,
  type CoverageCell,
} from '../../core/ecosystem/coverage.ts';
import { resultWords } from '../../core/wording.ts';
import { commandFlags, validDataset } from '../command-io.ts';

export const COVERAGE_USAGE = `Usage: partnerkit coverage [--json | --csv]

Prints the coverage map: for every partner type x vertical x segment (x region) cell, the
target, the active partners and their capacity, and the status (gap, thin, met, crowded or
untargeted), then the ranked list of cells to recruit into next.

Options:
  --json   one JSON object: capacityUnit, activeMeans, crowdedAbove, regions, cells, counts,
           partners and recruitNext
  --csv    one CSV row per cell (the file /coverage.csv on the site)

Exit status: 0 done, 1 data/ is invalid or has no data/coverage.yaml, 2 bad arguments.
`;

const cellName = (c: CoverageCell) =>
  [c.type, c.vertical, c.segment, c.region].filter(Boolean).join(' / ');

export function runCoverage(args: string[]): number {
  const values = commandFlags('coverage', COVERAGE_USAGE, args, {
    json: { type: 'boolean', default: false },
    csv: { type: 'boolean', default: false },
  });
  if (typeof values === 'number') return values;
  if (values.json && values.csv) {
    process.stderr.write('partnerkit coverage: choose --json or --csv, not both\n');
    return 2;
  }
  const dataset = validDataset();
  if (!dataset) return 1;
  const map = coverageMap(dataset);
  if (!map) {
    process.stderr.write(
      'partnerkit coverage: there is no data/coverage.yaml: add targets first (see the guide)\n',
    );
    return 1;
  }
  const words = resultWords({ currency: dataset.vendor.currency, locale: dataset.vendor.locale });
  const formatNumber = (n: number) => words.number(n, 1);
  if (values.json) process.stdout.write(`${JSON.stringify(map, null, 2)}\n`);
  else if (values.csv) process.stdout.write(coverageCsv(map));
  else {
    const lines = [
      `Coverage map: ${map.cells.length} cells, ${map.cells.length - map.counts.untargeted} with a target`,
      `  ${(['gap', 'thin', 'met', 'crowded'] as const).map((s) => `${STATUS_LABELS[s]} ${map.counts[s]}`).join(' · ')}`,
      `  Partners: ${map.partners.total} (${map.partners.active} active, ${map.partners.enrolled} enrolled, ${map.partners.dormant} dormant); only active ones count.`,
      '',
      'Recruit next:',
      ...map.recruitNext.map(
        (r) =>
          `  ${String(r.rank).padStart(2)}. ${STATUS_LABELS[r.cell.status].padEnd(5)} ${cellName(r.cell)}: ${r.cell.active} active (target ${r.cell.target!.minActive})${
            r.cell.target!.minCapacity !== undefined
              ? `, capacity ${formatNumber(r.cell.capacity)} (target ${formatNumber(r.cell.target!.minCapacity)})`
              : ''
          }${r.toActivate.length ? `; activate ${r.toActivate.map((p) => p.name).join(', ')}` : ''}`,
      ),
      '',
      'Crowded (channel conflict):',
      ...map.cells
        .filter((c) => c.status === 'crowded')
        .map((c) => `  ${cellName(c)}: ${c.active} active for a target of ${c.target!.minActive}`),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  return 0;
}
