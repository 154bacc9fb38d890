// The built site's pages grouped by page type (`/partners/[id]/`, `/stories/[id]/`, ...): the
// same grouping for the bench's bundle table, the screenshots script and the print checks,
// so a new kind of page is measured, pictured and printed without being listed anywhere.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { filesUnder, htmlPages, urlOfPage } from './dist-files.ts';
import { loadData } from '../../src/node/load-data.ts';
import { pageTypeOf } from './page-weight.ts';

/** Every id a page path may carry: partner types, verticals, segments, products, content slugs. */
export function siteIds(root: string): Set<string> {
  const ids = new Set<string>();
  const { dataset } = loadData(root);
  if (dataset) {
    for (const list of [
      dataset.partnerTypes,
      dataset.verticals,
      dataset.segments,
      dataset.vendor.products,
      dataset.plays?.plays ?? [],
      dataset.partners?.partners ?? [],
    ])
      for (const x of list) ids.add(x.id);
  }
  const content = join(root, 'content');
  if (existsSync(content))
    for (const f of filesUnder(content, (f) => /\.mdx?$/.test(f)))
      ids.add(f.replace(/^.*\//, '').replace(/\.mdx?$/, ''));
  return ids;
}

export interface PageGroup {
  /** The page type, ids replaced by `[id]`: `partners/[id]/index.html`. */
  type: string;
  /** URL paths of its pages, sorted. */
  urls: string[];
}

/** The built pages of `dist`, grouped by page type, sorted by type. */
export function pageGroups(root: string, dist: string): PageGroup[] {
  const ids = siteIds(root);
  const byType = new Map<string, string[]>();
  for (const file of htmlPages(dist)) {
    const type = pageTypeOf(file, ids);
    byType.set(type, [...(byType.get(type) ?? []), urlOfPage(file)]);
  }
  return [...byType.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([type, urls]) => ({ type, urls: urls.sort() }));
}

/**
 * One page of each type, for pictures and print checks; playbooks and business cases twice,
 * for a type that resells and one that does not (their pages lead differently).
 */
export function representativePages(root: string, dist: string): string[] {
  const { dataset } = loadData(root);
  const reseller = dataset?.partnerTypes.find((t) => t.transacts)?.id;
  const nonReseller = dataset?.partnerTypes.find((t) => !t.transacts)?.id;
  const out: string[] = [];
  for (const g of pageGroups(root, dist)) {
    const picks = g.urls.filter((u) =>
      [reseller, nonReseller].some((id) => id && u.includes(`/${id}/`)),
    );
    out.push(...(picks.length ? picks : g.urls.slice(0, 1)));
  }
  return out;
}
