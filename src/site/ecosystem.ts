// Build-time helpers for the ecosystem pages (products, coverage, plays, program): links between
// them and the playbooks, and the search filters they carry. The figures come from the core.
import { typesByIds, type Dataset } from '../core/dataset.ts';
import type { CaseRequest } from '../core/business-case/types.ts';
import { caseSearch } from '../core/url-state.ts';
import { playbookFacets, type FacetValues } from '../core/stories/facets.ts';
import { AUDIENCES } from '../core/schema/content.ts';
import type { Money } from '../core/format.ts';
import { resultWords } from '../core/wording.ts';
import type { ExitCriterion } from '../core/schema/routes.ts';

export const playbookHref = (type: string) => `/partners/${type}/`;
export const productHref = (product: string) => `/products/${product}/`;
export const playHref = (play: string) => `/plays/${play}/`;

/** A type's business case with a product, vertical, segment or overrides filled in. */
export const businessCaseHref = (request: CaseRequest): string =>
  `/partners/${request.mix[0]!.type}/business-case/${caseSearch(request, { mixInPath: true })}`;

/** Search filters for a page about some partner types (and, optionally, one vertical). */
export function ecosystemFacets(
  d: Dataset,
  typeIds: readonly string[],
  vertical?: string,
): FacetValues {
  const types = typesByIds(d, typeIds);
  return {
    type: types.map((t) => t.id),
    role: [...new Set(types.flatMap((t) => t.journeyRoles))],
    audience: [...AUDIENCES],
    vertical: vertical ? [vertical] : d.verticals.map((v) => v.id),
  };
}

export { playbookFacets };

/** An exit criterion's target as a reader says it: "10", "56%", "$250,000", "12 months". */
export function exitTarget(c: ExitCriterion, money: Money): string {
  const v = c.target.value;
  const w = resultWords(money);
  switch (c.unit ?? 'count') {
    case 'percent':
      return w.percent(v);
    case 'money':
      return w.money(v);
    case 'months':
      return w.months(v);
    default:
      return w.number(v);
  }
}
