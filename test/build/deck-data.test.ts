// The "Tailor a deck" data the build serves (src/pages/deck-data/): one shared file and one file
// per partner type, the same data the Node deck builder reads, and no page carrying any of it.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  assembleDeckData,
  deckPageData,
  deckSharedData,
  deckTypeData,
} from '../../src/core/deck/page-data.ts';
import { htmlPages } from '../helpers/dist-files.ts';
import { playCards } from '../../src/core/ecosystem/plays.ts';
import { dataset, stories, templates } from '../helpers/decks.ts';
import { DIST } from '../helpers/browser.ts';

const served = <T>(href: string): T => JSON.parse(readFileSync(join(DIST, href), 'utf8')) as T;

describe('deck data in dist/deck-data/', () => {
  it('shared.json is the vendor, verticals, segments and templates, and no partner type', () => {
    const shared = served<ReturnType<typeof deckSharedData>>('deck-data/shared.json');
    expect(shared).toEqual(JSON.parse(JSON.stringify(deckSharedData(dataset, templates))));
    expect(shared.dataset).not.toHaveProperty('partnerTypes');
    expect(shared.templates.logo?.dataUrl ?? '').toMatch(/^data:image\//);
  });

  it('every partner type has its file: the type, the names its slides mention, its published stories', () => {
    for (const t of dataset.partnerTypes) {
      const file = join('deck-data', 'types', `${t.id}.json`);
      expect(existsSync(join(DIST, file)), file).toBe(true);
      const part = served<ReturnType<typeof deckTypeData>>(file);
      expect(part).toEqual(
        JSON.parse(JSON.stringify(deckTypeData(dataset, t.id, stories, playCards(dataset, t.id)))),
      );
      expect(
        part.stories.every((s) => s.data.status === 'published' && s.data.types.includes(t.id)),
      ).toBe(true);
      for (const c of t.collaboratesWith)
        expect(part.typeNames[c.with], `${t.id} names ${c.with}`).toBeTruthy();
    }
  });

  it('the files of a mix assemble into the data the Node deck builder reads', () => {
    const ids = ['managed-service-provider', 'reseller'];
    const assembled = assembleDeckData(
      served('deck-data/shared.json'),
      ids.map((id) => served(`deck-data/types/${id}.json`)),
    );
    expect(assembled).toEqual(
      JSON.parse(
        JSON.stringify(
          deckPageData(dataset, templates, ids, stories, (id) => playCards(dataset, id)),
        ),
      ),
    );
    // A story written for both types comes once.
    expect(new Set(assembled.stories.map((s) => s.id)).size).toBe(assembled.stories.length);
  });

  it('no page embeds deck data: the form fetches it when its button is pressed', () => {
    const embedding = htmlPages(DIST).filter((f) =>
      /data-deck-data|"templates":\{/.test(readFileSync(join(DIST, f), 'utf8')),
    );
    expect(embedding).toEqual([]);
  });
});
