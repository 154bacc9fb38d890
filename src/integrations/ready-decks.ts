import type { AstroIntegration } from 'astro';
import { copyFileSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DeckPool, deckWorkerCount, shareDeckPool } from '../node/deck-pool.ts';
import { loadDeckSources } from '../node/deck-sources.ts';
import { faultPoint } from '../node/fault-points.ts';
import { sourceDate } from '../node/source-date.ts';

/**
 * The ready decks of `astro build` (dist/decks/<type>.pptx) and each type's "Tailor a deck" data
 * (dist/deck-data/types/<type>.json): rendered on worker threads from the start of the build,
 * alongside Astro's page generation, then moved into dist/ at the end.
 * Two integrations, so that other end-of-build work (search indexing) can sit between them:
 * - `readyDecks()` starts the pool, and when the pages are written adds a worker for the core
 *   Astro's main thread no longer needs;
 * - `readyDecksWritten()`, listed after, waits for the last deck and moves them all into dist/.
 * A deck that fails to render fails the build, naming its partner type. `astro dev` serves the
 * same decks from src/pages/decks/[id].pptx.ts, rendered on request.
 */
let root = '';
let outDir = '';
let deckStaging = '';
let pool: DeckPool | undefined;

/** Decks queued for less than this much work are left to the running workers. */
const GROW_MIN_QUEUED = 100;

export function readyDecks(): AstroIntegration {
  return {
    name: 'partnerkit:ready-decks',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        outDir = fileURLToPath(config.outDir);
      },
      'astro:build:start': ({ logger }) => {
        sourceDate(process.env.SOURCE_DATE_EPOCH); // a bad value stops the build now, not after every page
        const sources = loadDeckSources(root);
        // One working folder per output folder: a build into its own folder (npm run build
        // gives each one) never shares it with another.
        const staging = join(root, 'node_modules', '.astro', 'partnerkit-decks', basename(outDir));
        deckStaging = staging;
        rmSync(staging, { recursive: true, force: true });
        mkdirSync(staging, { recursive: true });
        const ids = sources.dataset.partnerTypes.map((t) => t.id);
        pool = new DeckPool(sources, ids, staging);
        faultPoint('astro-started');
        shareDeckPool(pool);
        logger.info(`rendering ${ids.length} ready deck(s) on ${pool.size} worker thread(s)`);
      },
      'astro:build:done': ({ logger }) => {
        faultPoint('pages-written');
        if (!pool) return;
        const before = pool.size;
        pool.grow(deckWorkerCount(true), GROW_MIN_QUEUED);
        if (pool.size > before)
          logger.info(
            `pages written; ${pool.queued} deck(s) left, now on ${pool.size} worker thread(s)`,
          );
      },
    },
  };
}

function move(from: string, to: string) {
  try {
    renameSync(from, to);
  } catch {
    copyFileSync(from, to); // another file system: copy instead
  }
}

export function readyDecksWritten(): AstroIntegration {
  return {
    name: 'partnerkit:ready-decks-written',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        if (!pool) return;
        try {
          const decks = await pool.all();
          const out = join(fileURLToPath(dir), 'decks');
          const data = join(fileURLToPath(dir), 'deck-data', 'types');
          mkdirSync(out, { recursive: true });
          mkdirSync(data, { recursive: true });
          for (const d of decks) {
            move(d.file, join(out, `${d.typeId}.pptx`));
            move(d.dataFile, join(data, `${d.typeId}.json`));
          }
          const ms = decks.map((d) => d.ms).sort((a, b) => a - b);
          logger.info(
            `ready decks: ${decks.length} written to decks/, their data to deck-data/types/ (${Math.round(ms.reduce((a, b) => a + b, 0) / 1000)} s on the workers, ${(ms[ms.length >> 1] ?? 0).toFixed(0)} ms median per deck)`,
          );
        } finally {
          shareDeckPool(undefined);
          await pool.close();
          pool = undefined;
          rmSync(deckStaging, { recursive: true, force: true });
        }
        faultPoint('decks-written');
      },
    },
  };
}
