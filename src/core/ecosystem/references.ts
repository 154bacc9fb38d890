/**
 * Cross-file checks for the ecosystem files (routes, coverage, partners, plays): every id they
 * name exists, ids are used once, citations resolve, and the rules zod cannot see alone (a
 * play's streams are its types' streams, one originator per play, targets that do not overlap).
 */
import type { DataPath, Finding } from '../diagnostics.ts';
import { closest } from '../diagnostics.ts';
import { add, dangling, duplicates, sourceRefs, type FileFindings } from '../references.ts';
import { ASSUMPTIONS, type AssumptionKey } from '../assumption-registry.ts';
import type { CoverageFile, PartnersFile } from '../schema/coverage.ts';
import type { PartnerType } from '../schema/partner-type.ts';
import type { PlaysFile } from '../schema/plays.ts';
import type { RoutesFile } from '../schema/routes.ts';
import type { Product } from '../schema/vendor.ts';
import { JOINT_KEYS } from './plays.ts';
import { coverageCells, targetKey } from './coverage.ts';

export interface EcosystemData {
  routes?: RoutesFile | undefined;
  coverage?: CoverageFile | undefined;
  partners?: PartnersFile | undefined;
  plays?: PlaysFile | undefined;
  /** Ids of every partner type file, valid or not. */
  typeIds: readonly string[];
  /** The partner types that validated, by id. */
  types: ReadonlyMap<string, PartnerType>;
  /** Products from vendor.yaml when it validated. */
  products?: readonly Product[] | undefined;
  /** Product ids read from vendor.yaml even when it did not validate. */
  productIds?: readonly string[] | undefined;
  verticalIds?: readonly string[] | undefined;
  segmentIds?: readonly string[] | undefined;
}

export interface EcosystemFilePaths {
  routes: string;
  coverage: string;
  partners: string;
  plays: string;
}

const code = (s: string) => `\`${s}\``;
const list = (xs: readonly string[]) => xs.map(code).join(', ');

/** An id checked against the known ones; nothing is said when the known ids could not be read. */
function known(
  out: FileFindings,
  file: string,
  path: DataPath,
  what: string,
  id: string,
  ids: readonly string[] | undefined,
) {
  if (ids && !ids.includes(id)) add(out, file, { path, ...dangling(what, id, [...ids]) });
}

function checkRoutes(out: FileFindings, file: string, routes: RoutesFile, d: EcosystemData) {
  sourceRefs(out, file, routes);
  const stageAt = new Map<string, number>();
  routes.stages.forEach((s, i) => {
    const first = stageAt.get(s.stage);
    if (first !== undefined)
      add(out, file, {
        path: ['stages', i, 'stage'],
        message: `stage ${code(s.stage)} is described twice (first at stages[${first}])`,
        expected: 'each stage once',
        found: JSON.stringify(s.stage),
      });
    else stageAt.set(s.stage, i);
    duplicates(out, file, s.incentives, ['stages', i, 'incentives'], 'incentive');
  });
  for (const p of d.products ?? [])
    if (!stageAt.has(p.maturity))
      add(out, file, {
        path: ['stages'],
        message: `no guidance for the ${code(p.maturity)} stage, where product ${code(p.id)} is`,
        expected: `an entry with \`stage: ${p.maturity}\``,
      });

  const routeAt = new Map<string, number>();
  routes.routes.forEach((r, i) => {
    const base = ['routes', i];
    known(out, file, [...base, 'product'], 'product', r.product, d.productIds);
    const first = routeAt.get(r.product);
    if (first !== undefined)
      add(out, file, {
        path: [...base, 'product'],
        message: `product ${code(r.product)} has two routes (first at routes[${first}])`,
        expected: 'one route per product',
        found: JSON.stringify(r.product),
      });
    else routeAt.set(r.product, i);

    const product = d.products?.find((p) => p.id === r.product);
    const seen = new Map<string, string>();
    for (const group of ['lead', 'assist', 'wait'] as const) {
      r[group].forEach((entry, j) => {
        const path = [...base, group, j, 'type'];
        known(out, file, path, 'partner type', entry.type, d.typeIds);
        const earlier = seen.get(entry.type);
        if (earlier)
          add(out, file, {
            path,
            message: `${code(entry.type)} is already listed under ${code(earlier)} for this product`,
            expected: 'each type once per product: lead, assist or wait',
            found: JSON.stringify(entry.type),
          });
        else seen.set(entry.type, group);
        const type = d.types.get(entry.type);
        if (group === 'lead' && product && type && !type.fit.maturity.includes(product.maturity))
          add(out, file, {
            path,
            severity: 'warning',
            message: `${code(entry.type)} leads ${code(r.product)} (${product.maturity}), but its playbook fits products at ${type.fit.maturity.join(', ')} only`,
            expected: `\`${product.maturity}\` in its \`fit.maturity\`, or another type to lead`,
          });
      });
    }
    const stage = product && routes.stages.find((s) => s.stage === product.maturity);
    if (stage && r.incentives) {
      const ids = stage.incentives.map((x) => x.id);
      r.incentives.forEach((id, j) => {
        if (!ids.includes(id))
          add(out, file, {
            path: [...base, 'incentives', j],
            ...dangling(`incentive of the ${stage.stage} stage`, id, ids),
          });
      });
    }
  });
  // A type's business case and ready deck are built on the first of its `fit.products`: a
  // playbook that says "lead with Posture" above a case on Identity contradicts itself.
  const leads = new Map<string, { product: string; path: DataPath }[]>();
  routes.routes.forEach((r, i) =>
    r.lead.forEach((entry, j) =>
      leads.set(entry.type, [
        ...(leads.get(entry.type) ?? []),
        { product: r.product, path: ['routes', i, 'lead', j, 'type'] },
      ]),
    ),
  );
  for (const [typeId, led] of leads) {
    const first = d.types.get(typeId)?.fit.products[0];
    if (first && !led.some((l) => l.product === first))
      add(out, file, {
        path: led[0]!.path,
        severity: 'warning',
        message: `${code(typeId)} leads ${list(led.map((l) => l.product))} here, but its business case and ready deck are built on ${code(first)}, the first of its \`fit.products\`, in data/partner-types/`,
        expected: `a product it leads first in its \`fit.products\`, or ${code(typeId)} leading ${code(first)}`,
      });
  }
  for (const p of d.products ?? [])
    if (!routeAt.has(p.id))
      add(out, file, {
        path: ['routes'],
        severity: 'warning',
        message: `product ${code(p.id)} has no route: its page shows only its stage's guidance`,
        expected: `a route with \`product: ${p.id}\``,
      });
}

function checkCoverage(out: FileFindings, file: string, coverage: CoverageFile, d: EcosystemData) {
  sourceRefs(out, file, coverage);
  if (coverage.crowdedAbove.value <= 1)
    add(out, file, {
      path: ['crowdedAbove', 'value'],
      message: 'a crowded cell must have more partners than its target',
      expected: 'a number above 1 (2 means more than twice the target)',
      found: String(coverage.crowdedAbove.value),
    });
  const regionIds = coverage.regions?.map((r) => r.id);
  if (coverage.regions) duplicates(out, file, coverage.regions, ['regions'], 'region');
  coverage.targets.forEach((t, i) => {
    const base = ['targets', i];
    known(out, file, [...base, 'type'], 'partner type', t.type, d.typeIds);
    if (t.vertical) known(out, file, [...base, 'vertical'], 'vertical', t.vertical, d.verticalIds);
    if (t.segment) known(out, file, [...base, 'segment'], 'segment', t.segment, d.segmentIds);
    if (t.region) regionRef(out, file, [...base, 'region'], t.region, regionIds);
  });
  // Targets as specific as each other may not both set one cell: say which two.
  const byKey = new Map<string, number>();
  coverage.targets.forEach((t, i) => {
    const key = targetKey(t);
    const first = byKey.get(key);
    if (first !== undefined)
      add(out, file, {
        path: ['targets', i],
        message: `the same cell is targeted twice (first at targets[${first}])`,
        expected: 'one target per type, vertical, segment and region',
      });
    else byKey.set(key, i);
  });
  if (!d.verticalIds || !d.segmentIds) return;
  const reported = new Set<string>();
  for (const cell of coverageCells(coverage, [...d.typeIds], d.verticalIds, d.segmentIds)
    .ambiguous) {
    const [a, b] = cell.targets;
    const pair = `${a}-${b}`;
    if (reported.has(pair)) continue;
    reported.add(pair);
    add(out, file, {
      path: ['targets', b!],
      message: `targets[${a}] and targets[${b}] both set ${cell.label} and neither is more specific`,
      expected: 'a more specific target for the cells they share (name the vertical and segment)',
    });
  }
}

function regionRef(
  out: FileFindings,
  file: string,
  path: DataPath,
  id: string,
  regionIds: readonly string[] | undefined,
) {
  if (!regionIds)
    add(out, file, {
      path,
      message: `region ${code(id)} is named, but data/coverage.yaml has no \`regions\``,
      expected: 'regions listed in data/coverage.yaml, or no region here',
      found: JSON.stringify(id),
    });
  else if (!regionIds.includes(id))
    add(out, file, { path, ...dangling('region', id, [...regionIds]) });
}

function checkPartners(out: FileFindings, file: string, partners: PartnersFile, d: EcosystemData) {
  sourceRefs(out, file, partners);
  duplicates(out, file, partners.partners, ['partners'], 'partner');
  const regionIds = d.coverage?.regions?.map((r) => r.id);
  partners.partners.forEach((p, i) => {
    const base = ['partners', i];
    known(out, file, [...base, 'type'], 'partner type', p.type, d.typeIds);
    p.verticals?.forEach((v, j) =>
      known(out, file, [...base, 'verticals', j], 'vertical', v, d.verticalIds),
    );
    p.segments?.forEach((s, j) =>
      known(out, file, [...base, 'segments', j], 'segment', s, d.segmentIds),
    );
    p.products?.forEach((s, j) =>
      known(out, file, [...base, 'products', j], 'product', s, d.productIds),
    );
    if (d.coverage)
      p.regions?.forEach((r, j) => regionRef(out, file, [...base, 'regions', j], r, regionIds));
  });
}

function checkPlays(out: FileFindings, file: string, plays: PlaysFile, d: EcosystemData) {
  sourceRefs(out, file, plays);
  duplicates(out, file, plays.plays, ['plays'], 'play');
  plays.plays.forEach((play, i) => {
    const base = ['plays', i];
    known(out, file, [...base, 'product'], 'product', play.product, d.productIds);
    if (play.vertical)
      known(out, file, [...base, 'vertical'], 'vertical', play.vertical, d.verticalIds);
    if (play.segment) known(out, file, [...base, 'segment'], 'segment', play.segment, d.segmentIds);
    const inPlay = play.roles.map((r) => r.type);
    const memberRef = (path: DataPath, id: string, what: string, extra: string[] = []) => {
      if (inPlay.includes(id) || extra.includes(id)) return;
      const options = [...extra, ...inPlay];
      const guess = closest(id, options);
      add(out, file, {
        path,
        message: `${what} ${code(id)} is not one of the play's partner types${guess ? `; did you mean ${code(guess)}?` : ''}`,
        expected: `one of ${list(options)}`,
        found: JSON.stringify(id),
      });
    };
    memberRef([...base, 'lead'], play.lead, 'lead');

    const seen = new Map<string, number>();
    let originators = 0;
    play.roles.forEach((role, j) => {
      const path = [...base, 'roles', j];
      known(out, file, [...path, 'type'], 'partner type', role.type, d.typeIds);
      const first = seen.get(role.type);
      if (first !== undefined)
        add(out, file, {
          path: [...path, 'type'],
          message: `${code(role.type)} is in this play twice (first at roles[${first}])`,
          expected: 'each partner type once per play',
          found: JSON.stringify(role.type),
        });
      else seen.set(role.type, j);
      if (role.credit.includes('sourced')) originators++;
      const type = d.types.get(role.type);
      if (type)
        role.streams.forEach((s, k) => {
          if (!type.businessCase.streams.includes(s))
            add(out, file, {
              path: [...path, 'streams', k],
              message: `${code(s)} is not one of ${type.name}'s business-case streams`,
              expected: `one of ${list(type.businessCase.streams)}`,
              found: JSON.stringify(s),
            });
        });
      for (const key of Object.keys(role.assumptions ?? {}) as AssumptionKey[])
        if ((JOINT_KEYS as readonly string[]).includes(key))
          add(out, file, {
            path: [...path, 'assumptions', key],
            atKey: true,
            message: `${code(key)} (${ASSUMPTIONS[key].label.toLowerCase()}) is shared by every partner of a play`,
            expected: `\`${key}\` under the play's own \`assumptions\``,
          });
    });
    if (originators > 1)
      add(out, file, {
        path: [...base, 'roles'],
        message: `${originators} partners have \`sourced\` credit; a deal has one originator`,
        expected: 'at most one `sourced` credit (give the others `influenced`)',
      });

    play.shares.forEach((s, j) => {
      const path = [...base, 'shares', j];
      memberRef([...path, 'from'], s.from, 'payer');
      memberRef([...path, 'to'], s.to, 'payee');
      if (s.from === s.to)
        add(out, file, {
          path: [...path, 'to'],
          message: 'a partner cannot pay a share to itself',
          expected: 'another partner of the play',
          found: JSON.stringify(s.to),
        });
      const payer = play.roles.find((r) => r.type === s.from);
      if (payer && s.on !== 'contract' && !payer.streams.includes(s.on))
        add(out, file, {
          path: [...path, 'on'],
          message: `${code(s.from)} earns no ${s.on} revenue in this play, so it has none to share`,
          expected: `\`${s.on}\` in its \`streams\`, or a share of \`contract\``,
          found: JSON.stringify(s.on),
        });
      if (s.renewalRate && s.on !== 'contract')
        add(out, file, {
          path: [...path, 'renewalRate'],
          atKey: true,
          message: `\`renewalRate\` applies to a share of the contract only; ${s.on} shares have one rate`,
          expected: 'no `renewalRate` here',
        });
    });
    if (play.marketplace)
      memberRef([...base, 'marketplace', 'paidBy'], play.marketplace.paidBy, 'payer', ['vendor']);
  });
}

/** Findings for the ecosystem files, keyed by file. */
export function checkEcosystem(d: EcosystemData, files: EcosystemFilePaths): FileFindings {
  const out: FileFindings = new Map();
  if (d.routes) checkRoutes(out, files.routes, d.routes, d);
  if (d.coverage) checkCoverage(out, files.coverage, d.coverage, d);
  if (d.partners) checkPartners(out, files.partners, d.partners, d);
  if (d.plays) checkPlays(out, files.plays, d.plays, d);
  return out;
}

export type { Finding };
