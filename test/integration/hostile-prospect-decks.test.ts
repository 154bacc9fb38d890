// Any prospect fields, however hostile, give a well-formed deck whose text fits: a property
// over random strings (test/helpers/nasty-text.ts), each case a whole deck rendered and parsed
// back, so it runs with the integration tests rather than in the fast unit layer.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderPptx } from '../../src/core/deck/render-pptx.ts';
import { sanitizeLine } from '../../src/core/deck/sanitize.ts';
import { malformedParts, openPptx } from '../helpers/pptx.ts';
import { deckFor, prospectBlock, single, textFits } from '../helpers/deck-fixture.ts';
import { nastyString } from '../helpers/nasty-text.ts';

describe('decks from hostile prospect fields are well-formed and fitted', () => {
  it('nasty prospect fields (property): every XML part parses, the name is on a slide, text fits', async () => {
    await fc.assert(
      fc.asyncProperty(nastyString, nastyString, nastyString, async (company, contact, region) => {
        const clean = sanitizeLine(company);
        fc.pre(clean.length > 0);
        const { deck } = deckFor(single('reseller'), { company, contact, region });
        for (const s of deck.slides)
          for (const b of s.blocks) if (b.type === 'text') expect(textFits(b), s.kind).toBe(true);
        const opened = await openPptx(await renderPptx(deck));
        expect(malformedParts(opened)).toEqual([]);
        expect(opened.slideCount).toBe(deck.slides.length);
        // The title slide holds the name, or its fitted, shortened start.
        expect(prospectBlock(deck).paragraphs.join(' ')).toBeTruthy();
        expect(opened.slideText[0]).toContain(clean.slice(0, 12).trim());
      }),
      { numRuns: 15 },
    );
  }, 120_000);
});
