// The build renders the ready decks (one per partner type, about 20 ms each) on worker threads,
// from the moment the build starts, while Astro writes pages on the main thread; no page waits
// for one. The partnerkit() integration owns the build's pool (src/integrations/ready-decks.ts).
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { DeckSources } from './deck-sources.ts';
import type { DeckDone, DeckJob } from './deck-worker.ts';

const WORKER = new URL('./deck-worker.ts', import.meta.url);

export interface PooledDeck {
  typeId: string;
  /** The .pptx file the worker wrote. */
  file: string;
  /** The type's deck data (src/core/deck/page-data.ts, `DeckTypeData`) as JSON, written beside it. */
  dataFile: string;
  /** The type's calculator data (src/core/calculator-dataset.ts, `caseDataset`) as JSON. */
  caseDataFile: string;
  bytes: number;
  slides: number;
  /** The worker's time for this deck, from model to file written. */
  ms: number;
  /** The CPU its thread spent on it. */
  cpuMs: number;
}

/**
 * Threads for decks: every core but the one Astro's main thread uses (all of them once
 * `mainThreadFree`, when the pages are written), at most 4. `PARTNERKIT_DECK_WORKERS` overrides.
 */
export function deckWorkerCount(mainThreadFree = false): number {
  const asked = Number(process.env.PARTNERKIT_DECK_WORKERS);
  if (Number.isInteger(asked) && asked > 0) return asked;
  return Math.max(1, Math.min(4, availableParallelism() - (mainThreadFree ? 0 : 1)));
}

export class DeckPool {
  private readonly workers: Worker[] = [];
  private readonly queue: string[] = [];
  private head = 0;
  private readonly waiting = new Map<
    string,
    { resolve: (d: PooledDeck) => void; reject: (e: Error) => void }
  >();
  private readonly results = new Map<string, Promise<PooledDeck>>();
  private readonly sources: DeckSources;
  readonly outDir: string;

  /** Start `size` workers rendering every type in `typeIds`, in order, into `outDir`. */
  constructor(
    sources: DeckSources,
    typeIds: readonly string[],
    outDir: string,
    size = deckWorkerCount(),
  ) {
    this.sources = sources;
    this.outDir = outDir;
    for (const typeId of typeIds) {
      this.results.set(
        typeId,
        new Promise<PooledDeck>((resolve, reject) => this.waiting.set(typeId, { resolve, reject })),
      );
      // A failure is reported by whoever awaits the deck (a page, or `all()` at the end).
      this.results.get(typeId)!.catch(() => {});
      this.queue.push(typeId);
    }
    this.grow(Math.max(1, size));
  }

  /** Decks not yet handed to a worker. */
  get queued(): number {
    return this.queue.length - this.head;
  }

  /**
   * Up to `size` workers while decks are queued (the build adds one for the core Astro's main
   * thread frees once the pages are written). A new worker costs a copy of the sources and a
   * module load, so none is added for a short queue.
   */
  grow(size: number, minQueued = 0) {
    while (this.workers.length < size && this.queued > Math.max(minQueued, 0)) {
      const w = new Worker(WORKER, { workerData: { sources: this.sources, outDir: this.outDir } });
      w.on('message', (done: DeckDone) => this.finished(w, done));
      w.on('error', (e: Error) => this.failAll(e));
      this.workers.push(w);
      this.next(w);
    }
  }

  get size(): number {
    return this.workers.length;
  }

  private next(w: Worker) {
    if (this.head < this.queue.length)
      return w.postMessage({ typeId: this.queue[this.head++]! } satisfies DeckJob);
    // Out of work: an idle worker must not keep the process alive (a build that failed before
    // its end hook would otherwise never exit). While decks are pending it must, or a page
    // awaiting one would leave Node with nothing to wait on.
    w.unref();
  }

  private finished(w: Worker, done: DeckDone) {
    const p = this.waiting.get(done.typeId);
    this.waiting.delete(done.typeId);
    if ('error' in done)
      p?.reject(
        new Error(
          `the ready deck of partner type \`${done.typeId}\` could not be rendered:\n${done.error}`,
        ),
      );
    else
      p?.resolve({
        typeId: done.typeId,
        file: join(this.outDir, `${done.typeId}.pptx`),
        dataFile: join(this.outDir, `${done.typeId}.json`),
        caseDataFile: join(this.outDir, `${done.typeId}.case-data.json`),
        bytes: done.bytes,
        slides: done.slides,
        ms: done.ms,
        cpuMs: done.cpuMs,
      });
    this.next(w);
  }

  private failAll(e: Error) {
    for (const [, p] of this.waiting) p.reject(e);
    this.waiting.clear();
  }

  /** The deck of one type, once its worker has written it. */
  deck(typeId: string): Promise<PooledDeck> {
    const p = this.results.get(typeId);
    if (!p)
      return Promise.reject(new Error(`no ready deck was queued for partner type \`${typeId}\``));
    return p;
  }

  /** Every deck, in the order queued; rejects with the first failure. */
  all(): Promise<PooledDeck[]> {
    return Promise.all([...this.results.values()]);
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
