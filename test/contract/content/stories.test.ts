// The shipped example content keeps its promises: valid, a published story for every partner
// type (several, for several decision makers, for resellers, MSPs and integrators), key messages
// for every type's deck, and facets that cover the verticals and audiences.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../../src/core/diagnostics.ts';
import { AUDIENCES } from '../../../src/core/schema/content.ts';
import { playbookFacets, storyFacets } from '../../../src/core/stories/facets.ts';
import { storyCaseInputs } from '../../../src/core/stories/figures.ts';
import { storyMessagesFor, visibleStories } from '../../../src/core/stories/messages.ts';
import { loadStories } from '../../../src/node/load-content.ts';
import { loadData } from '../../../src/node/load-data.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');

describe('the shipped example content', () => {
  const { dataset, diagnostics } = loadData(ROOT);
  const all = loadStories(ROOT);
  const published = visibleStories(all, false);

  it('is valid, with no errors', () => {
    expect(diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([]);
  });

  it('has a published story for every partner type and several for resellers, MSPs and integrators', () => {
    for (const t of dataset!.partnerTypes) expect(published.some((s) => s.data.types[0] === t.id), t.id).toBe(true);
    for (const id of ['reseller', 'managed-service-provider', 'systems-integrator']) {
      const mine = published.filter((s) => s.data.types[0] === id);
      expect(new Set(mine.map((s) => s.data.audience)).size, `${id}: decision makers`).toBeGreaterThanOrEqual(3);
      expect(mine.some((s) => s.data.verticals.length > 0), `${id}: a vertical story`).toBe(true);
    }
    expect(all.some((s) => s.data.status === 'draft')).toBe(true);
  });

  it('gives every partner type key messages for a deck', () => {
    for (const t of dataset!.partnerTypes) expect(storyMessagesFor(all, t.id, 'owner')?.keyMessages.length, t.id).toBeGreaterThan(0);
  });

  it('facets: a story for no vertical carries every vertical; a playbook every audience', () => {
    const general = published.find((s) => s.data.verticals.length === 0)!;
    expect(storyFacets(dataset!, general.data).vertical).toEqual(dataset!.verticals.map((v) => v.id));
    const p = playbookFacets(dataset!, 'reseller');
    expect(p.audience).toEqual([...AUDIENCES]);
    expect(p.role).toEqual(dataset!.partnerTypes.find((t) => t.id === 'reseller')!.journeyRoles);
    expect(storyCaseInputs({ types: ['a', 'b'], verticals: ['v'], segments: [] })).toEqual({ type: 'a', vertical: 'v', segment: undefined });
  });
});

