import { closest, type DataPath, type Finding } from './diagnostics.ts';
import { programFindings } from './program-references.ts';
import { tokenFindings } from './prose-tokens.ts';
import type { PartnerType } from './schema/partner-type.ts';
import type { SegmentsFile, VerticalsFile } from './schema/market.ts';
import type { Vendor } from './schema/vendor.ts';

/**
 * What loaded, even when some files did not: cross-references are checked on every file
 * that parsed, so one broken file does not hide the other files' problems.
 */
export interface LoadedFiles {
  vendor?: Vendor | undefined;
  verticals?: VerticalsFile | undefined;
  segments?: SegmentsFile | undefined;
  /** One entry per partner type file; undefined where the file did not validate. */
  partnerTypes: (PartnerType | undefined)[];
  /** Product ids read from vendor.yaml even when it did not validate, so types are still checked. */
  productIds?: string[] | undefined;
  /** Ids of every partner type file (its file name), valid or not. */
  typeIds: string[];
}

/** Findings for one file, keyed by the file's path relative to the project. */
export type FileFindings = Map<string, Finding[]>;

export interface DatasetFiles {
  vendor: string;
  verticals: string;
  segments: string;
  /** Partner type file path for each type, same order as `dataset.partnerTypes`. */
  partnerTypes: string[];
}

export function add(out: FileFindings, file: string, f: Finding) {
  const list = out.get(file) ?? [];
  list.push(f);
  out.set(file, list);
}

export const dangling = (what: string, id: string, known: string[]) => {
  const guess = closest(id, known);
  return {
    message: `${what} \`${id}\` does not exist${guess ? `; did you mean \`${guess}\`?` : ''}`,
    expected: known.length
      ? `one of ${known.map((k) => `\`${k}\``).join(', ')}`
      : `a ${what} defined elsewhere`,
    found: JSON.stringify(id),
  };
};

export function duplicates(
  out: FileFindings,
  file: string,
  items: readonly { id: string }[],
  base: DataPath,
  what: string,
) {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const first = seen.get(item.id);
    if (first !== undefined) {
      add(out, file, {
        path: [...base, i, 'id'],
        message: `duplicate ${what} id \`${item.id}\` (first used at ${base.join('.')}[${first}])`,
        expected: 'an id used once',
        found: JSON.stringify(item.id),
      });
    } else seen.set(item.id, i);
  });
}

/** Every `source:` inside a file must name one of that file's `sources`. */
export function sourceRefs(
  out: FileFindings,
  file: string,
  doc: { sources: readonly { id: string }[] },
) {
  const known = doc.sources.map((s) => s.id);
  const walk = (node: unknown, path: PropertyKey[]) => {
    if (Array.isArray(node)) node.forEach((n, i) => walk(n, [...path, i]));
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (k === 'sources' && path.length === 0) continue;
        if (k === 'source' && typeof v === 'string' && !known.includes(v))
          add(out, file, { path: [...path, k], ...dangling('source', v, known) });
        else walk(v, [...path, k]);
      }
    }
  };
  walk(doc, []);
  duplicates(out, file, doc.sources, ['sources'], 'source');
}

/** Cross-file checks zod cannot do alone: ids that exist, ids used once, citations that resolve. */
export function checkReferences(data: LoadedFiles, files: DatasetFiles): FileFindings {
  const out: FileFindings = new Map();
  const { vendor, typeIds } = data;
  const productIds = vendor?.products.map((p) => p.id) ?? data.productIds;

  if (vendor) {
    duplicates(out, files.vendor, vendor.products, ['products'], 'product');
    duplicates(out, files.vendor, vendor.tiers, ['tiers'], 'tier');
    for (const f of programFindings(vendor, typeIds)) add(out, files.vendor, f);
    sourceRefs(out, files.vendor, vendor);
    // Next steps may name what the case plans with prose tokens: unknown ones are errors here.
    const tiers = vendor.tiers.map((x) => x.id);
    for (const f of tokenFindings(vendor.nextSteps, tiers, ['nextSteps']))
      add(out, files.vendor, f);
    vendor.nextSteps.forEach((step, i) => {
      if (typeof step === 'string') return;
      step.exceptTypes?.forEach((id, j) => {
        if (!typeIds.includes(id))
          add(out, files.vendor, {
            path: ['nextSteps', i, 'exceptTypes', j],
            ...dangling('partner type', id, typeIds),
          });
      });
    });
  }
  if (data.verticals) {
    duplicates(out, files.verticals, data.verticals.verticals, ['verticals'], 'vertical');
    sourceRefs(out, files.verticals, data.verticals);
  }
  if (data.segments) {
    duplicates(out, files.segments, data.segments.segments, ['segments'], 'segment');
    sourceRefs(out, files.segments, data.segments);
  }

  data.partnerTypes.forEach((t, i) => {
    if (!t) return;
    const file = files.partnerTypes[i]!;
    if (productIds) {
      t.fit.products.forEach((p, j) => {
        if (!productIds.includes(p))
          add(out, file, { path: ['fit', 'products', j], ...dangling('product', p, productIds) });
      });
    }
    t.collaboratesWith.forEach((c, j) => {
      if (c.with === t.id)
        add(out, file, {
          path: ['collaboratesWith', j, 'with'],
          message: 'a type cannot collaborate with itself',
          expected: 'another partner type',
          found: JSON.stringify(c.with),
        });
      else if (!typeIds.includes(c.with))
        add(out, file, {
          path: ['collaboratesWith', j, 'with'],
          ...dangling('partner type', c.with, typeIds),
        });
    });
    const target = t.businessCase.targetTier;
    const tierIds = vendor?.tiers.map((x) => x.id);
    if (target && tierIds && !tierIds.includes(target))
      add(out, file, {
        path: ['businessCase', 'targetTier'],
        ...dangling('tier', target, tierIds),
      });
    for (const f of tokenFindings(t, tierIds)) add(out, file, f);
    duplicates(out, file, t.objections, ['objections'], 'objection');
    const share = t.revenueStreams.reduce((s, r) => s + r.share.value, 0);
    if (share > 1.0001)
      add(out, file, {
        path: ['revenueStreams'],
        message: `revenue shares add up to ${Math.round(share * 100)}%`,
        expected: 'shares that add up to at most 100% (1.0)',
        found: share.toFixed(2),
      });
    sourceRefs(out, file, t);
  });
  return out;
}
