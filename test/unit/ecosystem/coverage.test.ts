// The coverage map's counting rules, on a small in-code dataset: only active partners count,
// capacity is split over the cells a partner serves, the most specific target wins, and the
// statuses and the recruit-next order follow the documented rules.
import { describe, expect, it } from 'vitest';
import { dataset as base } from '../../fixtures/business-case-dataset.ts';
import type { Dataset } from '../../../src/core/dataset.ts';
import {
  cellFinder,
  COVERAGE_CSV_HEADER,
  coverageCells,
  coverageCsv,
  coverageMap,
  statusMeaning,
  type CoverageCell,
} from '../../../src/core/ecosystem/coverage.ts';
import { CoverageFile, PartnersFile } from '../../../src/core/schema/coverage.ts';

type TargetInput = Record<string, unknown>;
type PartnerInput = Record<string, unknown>;

const cited = { assumption: 'Test target.' };
const withCoverage = (
  targets: TargetInput[],
  partners: PartnerInput[],
  extra: Record<string, unknown> = {},
): Dataset => ({
  ...base,
  coverage: CoverageFile.parse({
    activeMeans: 'A deal in the last 12 months.',
    capacityUnit: 'new customers a quarter',
    crowdedAbove: { value: 2, assumption: 'Rule of thumb.' },
    targets: targets.map((t) => ({ ...cited, ...t })),
    sources: [],
    ...extra,
  }),
  partners: PartnersFile.parse({ partners, sources: [] }),
});

const partner = (id: string, over: PartnerInput = {}): PartnerInput => ({
  id,
  name: `Partner ${id}`,
  type: 'reseller',
  status: 'active',
  capacity: 4,
  ...over,
});

const cell = (
  cells: CoverageCell[],
  type: string,
  vertical: string,
  segment: string,
  region?: string,
) => {
  const c = cells.find(
    (x) =>
      x.type === type && x.vertical === vertical && x.segment === segment && x.region === region,
  );
  if (!c) throw new Error(`no cell ${type}/${vertical}/${segment}/${region ?? ''}`);
  return c;
};

describe('coverage counting', () => {
  it('has one cell per partner type x vertical x segment, untargeted where no target applies', () => {
    const map = coverageMap(withCoverage([], []))!;
    expect(map.cells).toHaveLength(
      base.partnerTypes.length * base.verticals.length * base.segments.length,
    );
    expect(map.cells.every((c) => c.status === 'untargeted')).toBe(true);
    expect(map.recruitNext).toEqual([]);
  });

  it('counts only active partners; enrolled and dormant ones are listed and offered for activation', () => {
    const map = coverageMap(
      withCoverage(
        [{ type: 'reseller', minActive: 2 }],
        [
          partner('a', { verticals: ['health'], segments: ['smb'] }),
          partner('e', { status: 'enrolled', verticals: ['health'], segments: ['smb'] }),
          partner('d', { status: 'dormant', verticals: ['health'], segments: ['smb'] }),
          partner('r', { status: 'enrolled', verticals: ['retail'], segments: ['smb'] }),
        ],
      ),
    )!;
    const health = cell(map.cells, 'reseller', 'health', 'smb');
    expect(health).toMatchObject({ active: 1, enrolled: 1, dormant: 1, status: 'thin' });
    expect(health.partners.map((p) => p.id).sort()).toEqual(['a', 'd', 'e']);
    // Enrolled partners alone leave a gap: they have sold nothing yet.
    const retail = cell(map.cells, 'reseller', 'retail', 'smb');
    expect(retail).toMatchObject({ active: 0, enrolled: 1, status: 'gap' });
    const item = map.recruitNext.find((r) => r.cell === retail)!;
    expect(item.toActivate.map((p) => p.id)).toEqual(['r']);
    expect(item.needPartners).toBe(2);
    expect(map.partners).toEqual({ total: 4, active: 1, enrolled: 2, dormant: 1 });
  });

  it("splits a partner's capacity evenly over the cells it serves", () => {
    // Two verticals x two segments: a quarter of 8 in each cell.
    const spread = partner('spread', { capacity: 8 });
    const d = withCoverage([{ type: 'reseller', minActive: 1, minCapacity: 3 }], [spread]);
    const map = coverageMap(d)!;
    for (const v of ['health', 'retail'])
      for (const s of ['smb', 'enterprise']) {
        const c = cell(map.cells, 'reseller', v, s);
        expect(c.capacity).toBe(2);
        // One active partner is enough partners, but 2 of 3 capacity is thin.
        expect(c.status).toBe('thin');
      }
    const item = map.recruitNext[0]!;
    expect(item.needPartners).toBe(0);
    expect(item.needCapacity).toBeCloseTo(1);

    // A focused partner puts all its capacity in one cell and meets it.
    const focused = partner('focused', { capacity: 3, verticals: ['health'], segments: ['smb'] });
    const met = coverageMap(
      withCoverage([{ type: 'reseller', minActive: 1, minCapacity: 3 }], [spread, focused]),
    )!;
    expect(cell(met.cells, 'reseller', 'health', 'smb')).toMatchObject({
      active: 2,
      capacity: 5,
      status: 'met',
    });
    expect(cell(met.cells, 'reseller', 'retail', 'smb').status).toBe('thin');
  });

  it('is crowded above crowdedAbove x the target, and met at exactly that many', () => {
    const at = (n: number) =>
      cell(
        coverageMap(
          withCoverage(
            [{ type: 'reseller', minActive: 2 }],
            Array.from({ length: n }, (_, i) =>
              partner(`p${i}`, { verticals: ['health'], segments: ['smb'] }),
            ),
          ),
        )!.cells,
        'reseller',
        'health',
        'smb',
      ).status;
    expect(at(0)).toBe('gap');
    expect(at(1)).toBe('thin');
    expect(at(2)).toBe('met');
    expect(at(4)).toBe('met');
    expect(at(5)).toBe('crowded');
    // The legend says the same rule: met up to twice the target, crowded above it.
    expect(statusMeaning('met', 2)).toMatch(/up to twice/);
    expect(statusMeaning('crowded', 2)).toMatch(/^more than twice/);
    expect(statusMeaning('crowded', 3)).toMatch(/^more than 3 times/);
  });

  it('applies the most specific target, and reports targets as specific as each other that overlap', () => {
    const d = withCoverage(
      [
        { type: 'reseller', minActive: 1 },
        { type: 'reseller', vertical: 'health', minActive: 3 },
        { type: 'reseller', vertical: 'health', segment: 'smb', minActive: 5 },
      ],
      [],
    );
    const map = coverageMap(d)!;
    expect(cell(map.cells, 'reseller', 'retail', 'smb').target?.minActive).toBe(1);
    expect(cell(map.cells, 'reseller', 'health', 'enterprise').target?.minActive).toBe(3);
    expect(cell(map.cells, 'reseller', 'health', 'smb').target?.minActive).toBe(5);
    expect(cell(map.cells, 'managed-service-provider', 'health', 'smb').status).toBe('untargeted');

    const overlapping = coverageCells(
      {
        targets: CoverageFile.parse({
          activeMeans: 'x',
          capacityUnit: 'y',
          crowdedAbove: { value: 2, assumption: 'z' },
          targets: [
            { type: 'reseller', vertical: 'health', minActive: 1, ...cited },
            { type: 'reseller', segment: 'smb', minActive: 2, ...cited },
          ],
          sources: [],
        }).targets,
      },
      ['reseller'],
      ['health', 'retail'],
      ['smb', 'enterprise'],
    );
    expect(overlapping.ambiguous).toEqual([{ targets: [0, 1], label: 'reseller / health / smb' }]);
  });

  it('splits the map by region when regions are defined: a partner without regions serves all of them', () => {
    const d = withCoverage(
      [
        { type: 'reseller', minActive: 1 },
        { type: 'reseller', region: 'west', minActive: 2 },
      ],
      [
        partner('everywhere', { verticals: ['health'], segments: ['smb'] }),
        partner('east-only', { verticals: ['health'], segments: ['smb'], regions: ['east'] }),
      ],
      {
        regions: [
          { id: 'east', name: 'East' },
          { id: 'west', name: 'West' },
        ],
      },
    );
    const map = coverageMap(d)!;
    expect(map.cells).toHaveLength(base.partnerTypes.length * 2 * 2 * 2);
    expect(cell(map.cells, 'reseller', 'health', 'smb', 'east')).toMatchObject({
      active: 2,
      status: 'met',
    });
    expect(cell(map.cells, 'reseller', 'health', 'smb', 'west')).toMatchObject({
      active: 1,
      status: 'thin',
    });
    // "everywhere" splits its capacity over both regions.
    expect(cell(map.cells, 'reseller', 'health', 'smb', 'west').capacity).toBe(2);
  });

  it("finds each cell of a region's map by type, vertical and segment, as the map page and picture do", () => {
    const d = withCoverage([{ type: 'reseller', minActive: 1 }], [], {
      regions: [
        { id: 'east', name: 'East' },
        { id: 'west', name: 'West' },
      ],
    });
    const map = coverageMap(d)!;
    for (const region of ['east', 'west']) {
      const cells = map.cells.filter((c) => c.region === region);
      const find = cellFinder(cells);
      for (const c of cells) expect(find(c.type, c.vertical, c.segment)).toBe(c);
    }
    expect(cellFinder(map.cells)('no-such-type', 'health', 'smb')).toBeUndefined();
  });

  it('ranks recruit-next by priority, then gaps before thin cells, then the larger shortfall', () => {
    const d = withCoverage(
      [
        { type: 'reseller', vertical: 'health', segment: 'smb', minActive: 4, priority: 'low' },
        { type: 'reseller', vertical: 'retail', segment: 'smb', minActive: 4 },
        { type: 'reseller', vertical: 'retail', segment: 'enterprise', minActive: 4 },
        {
          type: 'reseller',
          vertical: 'health',
          segment: 'enterprise',
          minActive: 4,
          priority: 'high',
        },
      ],
      [
        partner('h1', { verticals: ['health'], segments: ['enterprise'] }),
        partner('h2', { verticals: ['health'], segments: ['enterprise'] }),
        partner('h3', { verticals: ['health'], segments: ['enterprise'] }),
        partner('r1', { verticals: ['retail'], segments: ['enterprise'] }),
      ],
    );
    const order = coverageMap(d)!.recruitNext.map(
      (r) => `${r.rank} ${r.cell.vertical}/${r.cell.segment} ${r.cell.status}`,
    );
    expect(order).toEqual([
      '1 health/enterprise thin', // high priority first, though only 1 short
      '2 retail/smb gap', // gaps before thin cells
      '3 retail/enterprise thin',
      '4 health/smb gap', // low priority last
    ]);
  });

  it('writes one CSV row per cell with the same figures', () => {
    const map = coverageMap(
      withCoverage(
        [{ type: 'reseller', minActive: 1, minCapacity: 3 }],
        [partner('a', { name: 'Acme, Inc.' })],
      ),
    )!;
    const lines = coverageCsv(map).trimEnd().split('\r\n');
    expect(lines[0]).toBe(COVERAGE_CSV_HEADER.join(','));
    expect(lines).toHaveLength(map.cells.length + 1);
    const row =
      lines[
        1 +
          map.cells.findIndex(
            (c) => c.type === 'reseller' && c.vertical === 'health' && c.segment === 'smb',
          )
      ]!;
    expect(row).toBe('reseller,,health,smb,thin,1,1,1,3,normal,0,0,"Acme, Inc. (active)"');
  });
});
