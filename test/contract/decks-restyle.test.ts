// The README's restyling example, applied to the shipped templates: a marketer who changes the
// primary colour, the body size and the margin in templates/theme.yaml gets decks that still fit
// (every text in its box, no slide more than half empty) and carry the new colour and grid.
import { describe, expect, it } from 'vitest';
import { runCase } from '../../src/core/business-case/run-case.ts';
import { buildDeck } from '../../src/core/deck/build-deck.ts';
import { GENERIC_PROSPECT } from '../../src/core/deck/tailor.ts';
import { dataset, occupancy, single, stories, templates, textFits } from '../helpers/decks.ts';

const restyled = {
  ...templates,
  theme: {
    ...templates.theme,
    colours: { ...templates.theme.colours, primary: '#5B21B6' },
    type: { ...templates.theme.type, body: 18 },
    grid: { ...templates.theme.grid, margin: 0.8 },
  },
};

describe('restyling in templates/theme.yaml', () => {
  it('every ready deck still fits, in the new colour and on the new grid', () => {
    const problems: string[] = [];
    for (const t of dataset.partnerTypes) {
      const deck = buildDeck({
        dataset,
        templates: restyled,
        result: runCase(dataset, single(t.id)),
        prospect: { company: GENERIC_PROSPECT },
        stories,
      });
      expect(deck.theme.colours.primary.toUpperCase(), t.id).toContain('5B21B6');
      expect(deck.theme.frame.title.x, t.id).toBeCloseTo(0.8);
      for (const s of deck.slides) {
        for (const b of s.blocks)
          if (b.type === 'text' && !textFits(b)) problems.push(`${t.id} ${s.kind}: text overflows`);
        if (occupancy(s, deck.theme) < 0.5) problems.push(`${t.id} ${s.kind}: half empty`);
      }
    }
    expect(problems).toEqual([]);
  });
});
