// A deck worker starts once per build (twice once the pages are written), and whatever it
// imports is loaded and type-stripped again in its thread. It is handed validated sources, so it
// must not load the loaders' schema library or YAML parsers: they were 180 of its 224 modules.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { sources } from '../../helpers/decks.ts';

const out = mkdtempSync(join(tmpdir(), 'pk-worker-imports-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const WORKER = new URL('../../../src/node/deck-worker.ts', import.meta.url).href;

/** The module URLs a deck worker loads to render one deck, recorded by a load hook in its thread. */
function modulesLoaded(typeId: string): Promise<{ urls: string[]; done: unknown }> {
  // Runs in the worker's thread: hook module loading, load the deck worker, and send the list
  // along with the worker's answer to its first job.
  const code = `
    const { registerHooks } = await import('node:module');
    const { parentPort } = await import('node:worker_threads');
    const urls = [];
    registerHooks({ load(url, context, next) { urls.push(url); return next(url, context); } });
    const post = parentPort.postMessage.bind(parentPort);
    parentPort.postMessage = (done) => post({ done, urls });
    await import(${JSON.stringify(WORKER)});
    post({ ready: true });
  `;
  return new Promise((resolve, reject) => {
    const w = new Worker(new URL(`data:text/javascript,${encodeURIComponent(code)}`), {
      workerData: { sources, outDir: out },
    });
    w.on('error', reject);
    w.on('message', (m: { ready?: boolean; done?: unknown; urls?: string[] }) => {
      if (m.ready) w.postMessage({ typeId });
      else {
        void w.terminate();
        resolve({ urls: m.urls ?? [], done: m.done });
      }
    });
  });
}

describe('a deck worker', () => {
  it('renders a deck without loading zod, yaml or js-yaml', async () => {
    const { urls, done } = await modulesLoaded('reseller');
    expect(done).toMatchObject({ typeId: 'reseller' });
    expect(done).not.toHaveProperty('error');
    expect(urls.some((u) => u.includes('/pptxgenjs/'))).toBe(true);
    const heavy = urls.filter(
      (u) =>
        /\/node_modules\/(zod|yaml|js-yaml)\//.test(u) ||
        /\/src\/(core\/schema|node\/load-)/.test(u),
    );
    expect(heavy).toEqual([]);
  });
});
