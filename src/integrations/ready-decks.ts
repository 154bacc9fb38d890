import type { AstroIntegrationLogger } from 'astro';
import { copyFileSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { caseDataPath } from '../core/calculator-dataset.ts';
import { DeckPool, deckWorkerCount } from '../node/deck-pool.ts';
import { loadDeckSources } from '../node/deck-sources.ts';
import { sourceDate } from '../node/source-date.ts';

/** Decks queued for less than this much work are left to the running workers. */
const GROW_MIN_QUEUED = 100;

function move(from: string, to: string) {
  try {
    renameSync(from, to);
  } catch {
    copyFileSync(from, to); // another file system: copy instead
  }
}

/**
 * The ready decks of one build (<outDir>/decks/<type>.pptx), each type's "Tailor a deck" data
 * (<outDir>/deck-data/types/<type>.json) and its calculator's data (<outDir>/partners/<type>/
 * business-case/case-data.json): rendered on worker threads from the start of the build,
 * alongside Astro's page generation, then moved into the output folder at the end. One instance
 * per build, owned by the partnerkit() integration (src/integrations/partnerkit.ts), which calls
 * `start`, `pagesWritten` and `written` in that order. A deck that fails to render fails the
 * build, naming its partner type. `astro dev` serves the same decks from
 * src/pages/decks/[id].pptx.ts, rendered on request.
 */
export class ReadyDecks {
  private readonly pool: DeckPool;
  private readonly staging: string;
  private stopped = false;

  /** Start rendering every partner type's deck. */
  constructor(root: string, outDir: string, logger: AstroIntegrationLogger) {
    sourceDate(process.env.SOURCE_DATE_EPOCH); // a bad value stops the build now, not after every page
    const sources = loadDeckSources(root);
    // One working folder per output folder: a build into its own folder (npm run build gives
    // each one) never shares it with another.
    this.staging = join(root, 'node_modules', '.astro', 'partnerkit-decks', basename(outDir));
    rmSync(this.staging, { recursive: true, force: true });
    mkdirSync(this.staging, { recursive: true });
    const ids = sources.dataset.partnerTypes.map((t) => t.id);
    this.pool = new DeckPool(sources, ids, this.staging);
    logger.info(`rendering ${ids.length} ready deck(s) on ${this.pool.size} worker thread(s)`);
  }

  /** The pages are written: add a worker for the core Astro's main thread no longer needs. */
  pagesWritten(logger: AstroIntegrationLogger): void {
    const before = this.pool.size;
    this.pool.grow(deckWorkerCount(true), GROW_MIN_QUEUED);
    if (this.pool.size > before)
      logger.info(
        `pages written; ${this.pool.queued} deck(s) left, now on ${this.pool.size} worker thread(s)`,
      );
  }

  /** Wait for the last deck and move them all into `outDir`; the workers stop either way. */
  async written(outDir: string, logger: AstroIntegrationLogger): Promise<void> {
    try {
      const decks = await this.pool.all();
      const out = join(outDir, 'decks');
      const data = join(outDir, 'deck-data', 'types');
      mkdirSync(out, { recursive: true });
      mkdirSync(data, { recursive: true });
      for (const d of decks) {
        move(d.file, join(out, `${d.typeId}.pptx`));
        move(d.dataFile, join(data, `${d.typeId}.json`));
        const caseData = join(outDir, caseDataPath(d.typeId));
        mkdirSync(dirname(caseData), { recursive: true });
        move(d.caseDataFile, caseData);
      }
      const ms = decks.map((d) => d.ms).sort((a, b) => a - b);
      const seconds = (xs: number[]) => Math.round(xs.reduce((a, b) => a + b, 0) / 1000);
      logger.info(
        `ready decks: ${decks.length} written to decks/, their data to deck-data/types/, each type's calculator data beside its business case (${seconds(ms)} s on the workers, ${seconds(decks.map((d) => d.cpuMs))} s of CPU, ${(ms[ms.length >> 1] ?? 0).toFixed(0)} ms median per deck)`,
      );
    } finally {
      await this.stop();
    }
  }

  /** Stop the workers and remove the working folder (a build that fails stops here too). */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    await this.pool.close();
    rmSync(this.staging, { recursive: true, force: true });
  }
}
