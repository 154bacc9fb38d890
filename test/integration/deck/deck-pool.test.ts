// The build's deck pool: worker threads write the ready decks the site links to; a deck that
// cannot be rendered fails with its partner type named; the downloads page's outline (slides,
// sequence) is the rendered deck's.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readyDeckOutline } from '../../../src/core/deck/build-deck.ts';
import { playCards, playsWithType } from '../../../src/core/ecosystem/plays.ts';
import { deckTypeData } from '../../../src/core/deck/page-data.ts';
import { availableParallelism } from 'node:os';
import { DeckPool, deckWorkerCount } from '../../../src/node/deck-pool.ts';
import { typeDeck } from '../../../src/node/decks.ts';
import { readZip } from '../../../src/node/zip.ts';
import { dataset, sources } from '../../helpers/decks.ts';
import { deckProblems } from '../../helpers/pptx.ts';

const out = mkdtempSync(join(tmpdir(), 'pk-pool-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('the deck pool', () => {
  it("writes each queued type's ready deck on worker threads, and names a type it cannot render", async () => {
    const pool = new DeckPool(
      sources,
      ['reseller', 'managed-service-provider', 'no-such-type'],
      out,
      2,
    );
    try {
      const msp = await pool.deck('managed-service-provider');
      expect(existsSync(msp.file)).toBe(true);
      const bytes = readFileSync(msp.file);
      expect(bytes.length).toBe(msp.bytes);
      const { deck } = await typeDeck(sources, 'managed-service-provider');
      expect(
        // A ready deck is set for its kind of partner (no company named yet).
        (
          await deckProblems(bytes, {
            slides: deck.slides.length,
            prospect: 'For managed service providers',
          })
        ).problems,
      ).toEqual([]);
      // Written through the native ZIP shim, not JSZip (which adds an entry for every folder).
      expect(readZip(bytes).filter((e) => e.name.endsWith('/'))).toEqual([]);
      // Beside it, the type's "Tailor a deck" data, the same as the dev server's route serves.
      expect(JSON.parse(readFileSync(msp.dataFile, 'utf8'))).toEqual(
        JSON.parse(
          JSON.stringify(
            deckTypeData(
              dataset,
              'managed-service-provider',
              sources.stories,
              playCards(dataset, 'managed-service-provider'),
            ),
          ),
        ),
      );
      await expect(pool.deck('no-such-type')).rejects.toThrow(/partner type `no-such-type`/);
      await expect(pool.all()).rejects.toThrow(/no-such-type/);
      await expect(pool.deck('unqueued')).rejects.toThrow(
        /no ready deck was queued for partner type `unqueued`/,
      );
    } finally {
      await pool.close();
    }
  });
});

describe('how many deck workers', () => {
  it("one per core but the main thread's, every core once the pages are written, at most 4; an explicit count wins", () => {
    const saved = process.env.PARTNERKIT_DECK_WORKERS;
    try {
      delete process.env.PARTNERKIT_DECK_WORKERS;
      expect(deckWorkerCount()).toBe(Math.max(1, Math.min(4, availableParallelism() - 1)));
      expect(deckWorkerCount(true)).toBe(Math.max(1, Math.min(4, availableParallelism())));
      process.env.PARTNERKIT_DECK_WORKERS = '3';
      expect([deckWorkerCount(), deckWorkerCount(true)]).toEqual([3, 3]);
    } finally {
      if (saved === undefined) delete process.env.PARTNERKIT_DECK_WORKERS;
      else process.env.PARTNERKIT_DECK_WORKERS = saved;
    }
  });
});

describe('growing the pool', () => {
  it('adds workers only while decks are queued, and every deck is written once', async () => {
    const ids = dataset.partnerTypes.slice(0, 5).map((t) => t.id);
    const pool = new DeckPool(sources, ids, out, 1);
    try {
      expect(pool.size).toBe(1);
      pool.grow(3, 100); // a short queue: not worth a new worker
      expect(pool.size).toBe(1);
      pool.grow(3);
      expect(pool.size).toBeGreaterThan(1);
      expect(pool.size).toBeLessThanOrEqual(3);
      const decks = await pool.all();
      expect(decks.map((d) => d.typeId)).toEqual(ids);
      for (const d of decks) expect(readFileSync(d.file).length).toBe(d.bytes);
      pool.grow(4);
      expect(pool.queued).toBe(0);
    } finally {
      await pool.close();
    }
  });
});

describe("a ready deck's outline", () => {
  for (const type of dataset.partnerTypes) {
    it(`${type.id}: the rendered deck's sequence and slides`, async () => {
      const { deck } = await typeDeck(sources, type.id);
      const outline = readyDeckOutline(
        sources.templates,
        type,
        sources.stories,
        playsWithType(dataset, type.id).length > 0,
      );
      expect(outline?.sequence.id).toBe(deck.meta.sequence);
      expect(outline?.slides.map((s) => s.kind)).toEqual(deck.slides.map((s) => s.kind));
    });
  }
});
