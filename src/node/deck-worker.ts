// One deck-rendering thread of the build's pool (src/node/deck-pool.ts). It gets the validated
// sources once, renders the ready decks it is asked for, and writes each straight to a file,
// so the bytes never cross back to the thread that writes the pages. Beside each deck it writes
// the type's "Tailor a deck" data (deck-data/types/<id>.json) and its calculator's data (the
// business-case page's case-data.json): per-type output like the deck, and two routes fewer per
// type for Astro's main thread, which writes its routes one at a time.
//
// In this thread pptxgenjs writes its package through pptx-zip-shim.ts (native zlib) instead
// of JSZip: a resolve hook hands pptxgenjs the shim when it imports `jszip`. It is registered
// before pptxgenjs is first imported (hence the dynamic import below) and affects this thread only.
import { writeFileSync } from 'node:fs';
import { registerHooks } from 'node:module';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import type { DeckSources } from './deck-sources.ts';
import { threadCpuMs } from './thread-cpu.ts';

export interface DeckJob {
  typeId: string;
}

/**
 * `ms`: the worker's time for the deck, from model to file written; `cpuMs`: the CPU its thread
 * spent on it (less than `ms` when the thread waited for a core).
 */
export type DeckDone =
  | { typeId: string; bytes: number; slides: number; ms: number; cpuMs: number }
  | { typeId: string; error: string };

const SHIM = new URL('./pptx-zip-shim.ts', import.meta.url).href;
registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier === 'jszip' && context.parentURL?.includes('/pptxgenjs/'))
      return { url: SHIM, shortCircuit: true };
    return nextResolve(specifier, context);
  },
});

const { typeDeck } = await import('./decks.ts');
const { deckTypeData } = await import('../core/deck/page-data.ts');
const { playCards } = await import('../core/ecosystem/plays.ts');
const { caseDataset } = await import('../core/calculator-dataset.ts');
const { boundType } = await import('../core/prose-tokens.ts');
const { partnerTypeById } = await import('../core/dataset.ts');
const { sources, outDir } = workerData as { sources: DeckSources; outDir: string };

async function render({ typeId }: DeckJob): Promise<void> {
  let done: DeckDone;
  try {
    const t0 = performance.now();
    const cpu0 = process.threadCpuUsage();
    const { bytes, deck, result } = await typeDeck(sources, typeId);
    writeFileSync(join(outDir, `${typeId}.pptx`), bytes);
    writeFileSync(
      join(outDir, `${typeId}.json`),
      JSON.stringify(
        deckTypeData(sources.dataset, typeId, sources.stories, playCards(sources.dataset, typeId)),
      ),
    );
    // The type as the pages read it (its prose bound to its default case, which the deck ran).
    const type = boundType(sources.dataset, partnerTypeById(sources.dataset, typeId)!, result);
    writeFileSync(
      join(outDir, `${typeId}.case-data.json`),
      JSON.stringify(caseDataset({ ...sources.dataset, partnerTypes: [type] }, [typeId])),
    );
    done = {
      typeId,
      bytes: bytes.length,
      slides: deck.slides.length,
      ms: performance.now() - t0,
      cpuMs: threadCpuMs(cpu0),
    };
  } catch (e) {
    done = { typeId, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
  parentPort!.postMessage(done);
}

// render() never rejects: every failure is reported to the pool as a message.
parentPort!.on('message', (job: DeckJob) => void render(job));
