/**
 * The filter values of a page: the same facets drive the stories index (filtering in the
 * browser) and site search (Pagefind filters), so a filter means the same thing in both.
 * A story for no particular vertical carries every vertical, so filtering by a vertical keeps
 * the general stories; a playbook carries every audience and vertical for the same reason.
 */
import { typesByIds, type Dataset } from '../dataset.ts';
import { AUDIENCES, type Audience } from '../schema/content.ts';
import type { JourneyRole } from '../schema/partner-type.ts';

export const FACETS = ['type', 'role', 'audience', 'vertical'] as const;
export type Facet = (typeof FACETS)[number];
export type FacetValues = Record<Facet, string[]>;

const rolesOf = (dataset: Dataset, typeIds: readonly string[]): JourneyRole[] => [
  ...new Set(typesByIds(dataset, typeIds).flatMap((t) => t.journeyRoles)),
];

export function storyFacets(
  dataset: Dataset,
  story: {
    types: readonly string[];
    audience: Audience;
    verticals?: readonly string[] | undefined;
  },
): FacetValues {
  const verticals = story.verticals?.length
    ? [...story.verticals]
    : dataset.verticals.map((v) => v.id);
  return {
    type: [...story.types],
    role: rolesOf(dataset, story.types),
    audience: [story.audience],
    vertical: verticals,
  };
}

export function playbookFacets(dataset: Dataset, typeId: string): FacetValues {
  return {
    type: [typeId],
    role: rolesOf(dataset, [typeId]),
    audience: [...AUDIENCES],
    vertical: dataset.verticals.map((v) => v.id),
  };
}
