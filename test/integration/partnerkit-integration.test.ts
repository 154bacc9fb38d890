// The partnerkit() integration (src/integrations/partnerkit.ts) on the minimal fixture (here, not
// in unit/: it mocks the deck pool and the search index, and the unit layer shares modules): it
// validates data/ before Astro reads anything, adds MDX once, hands pages the validated dataset
// as a virtual module, keeps no cache on globalThis, and ends a build in its own order.
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { DATASET_MODULE } from '../../src/integrations/dataset-module.ts';
import partnerkit from '../../src/integrations/partnerkit.ts';
import { loadData } from '../../src/node/load-data.ts';
import { loadDataOnce } from '../../src/node/load-data-once.ts';
import { fixtureCopy } from '../helpers/fixture.ts';

// The build's two workers, replaced by recorders: the order of the end of a build is the subject.
const state = vi.hoisted(() => ({ calls: [] as string[], searchFails: false }));
const calls = state.calls;
vi.mock('../../src/integrations/ready-decks.ts', () => ({
  ReadyDecks: class {
    constructor() {
      calls.push('decks: start');
    }
    pagesWritten() {
      calls.push('decks: pages written');
    }
    written() {
      calls.push('decks: written');
      return Promise.resolve();
    }
    stop() {
      calls.push('decks: stop');
      return Promise.resolve();
    }
  },
}));
vi.mock('../../src/integrations/pagefind.ts', () => ({
  searchIndexWhileRendering: () => {
    calls.push('search: start');
    return {
      done: () => {
        calls.push('search: done');
        return state.searchFails
          ? Promise.reject(new Error('Pagefind failed'))
          : Promise.resolve(3);
      },
    };
  },
}));

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));
beforeEach(() => {
  calls.length = 0;
  state.searchFails = false;
});

const logger = {
  info: () => {},
  warn: () => {},
  error: () => {},
  debug: () => {},
  fork: () => logger,
} as unknown as AstroIntegrationLogger;

type Hooks = AstroIntegration['hooks'];
type Setup = Parameters<NonNullable<Hooks['astro:config:setup']>>[0];
interface Update {
  integrations: { name: string }[];
  vite: {
    plugins: { resolveId: (id: string) => string | undefined; load: (id: string) => string }[];
  };
}

/** Run the integration's config setup as Astro would; what it asked Astro to change. */
async function setup(
  root: string,
  command: 'build' | 'dev' = 'build',
  integrations: unknown[] = [],
) {
  const integration = partnerkit();
  const updates: Update[] = [];
  const watched: string[] = [];
  await integration.hooks['astro:config:setup']!({
    config: {
      root: pathToFileURL(`${root}/`),
      outDir: pathToFileURL(join(root, 'out/')),
      integrations,
    },
    command,
    logger,
    addWatchFile: (f: string | URL) => watched.push(String(f)),
    updateConfig: (c: Update) => {
      updates.push(c);
      return c;
    },
  } as unknown as Setup);
  return { integration, update: updates[0]!, watched };
}

/** The virtual module as the pages' bundle gets it, evaluated. */
async function pagesModule(update: Update) {
  const plugin = update.vite.plugins[0]!;
  const id = plugin.resolveId(DATASET_MODULE)!;
  const source = plugin.load(id);
  return (await import(`data:text/javascript,${encodeURIComponent(source)}`)) as {
    dataset: unknown;
    decksFromBuild: boolean;
  };
}

function project() {
  const root = fixtureCopy();
  roots.push(root);
  return root;
}

describe('the partnerkit() integration', () => {
  it('hands pages exactly the validated dataset, and tells them the build renders the decks', async () => {
    const root = project();
    const { update } = await setup(root, 'build');
    const mod = await pagesModule(update);
    expect(mod.dataset).toEqual(loadData(root).dataset);
    expect(mod.decksFromBuild).toBe(true);
    const dev = await pagesModule((await setup(root, 'dev')).update);
    expect(dev.decksFromBuild).toBe(false);
  });

  it('stops before Astro reads anything when data/ is broken, with the file and line', async () => {
    const root = project();
    const file = join(root, 'data', 'partner-types', 'alpha.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('transacts: true', 'transacts: maybe'));
    await expect(setup(root)).rejects.toThrow(/data\/partner-types\/alpha\.yaml:\d+:\d+/);
  });

  it('adds MDX itself, once, and watches every data file on the dev server', async () => {
    const root = project();
    const { update, watched } = await setup(root, 'dev');
    expect(update.integrations.map((i) => i.name)).toEqual(['@astrojs/mdx']);
    expect(watched).toContain(join(root, 'data', 'partner-types', 'alpha.yaml'));
    const already = await setup(root, 'build', [{ name: '@astrojs/mdx', hooks: {} }]);
    expect(already.update.integrations).toEqual([]);
  });

  it('keeps no cache on globalThis', async () => {
    const root = project();
    loadDataOnce(root);
    await setup(root);
    const symbols = Object.getOwnPropertySymbols(globalThis).map(String);
    expect(symbols.filter((s) => /partnerkit/i.test(s))).toEqual([]);
  });

  it('ends a build in its own order: more deck workers, the search index, then the decks', async () => {
    const root = project();
    const { integration } = await setup(root);
    const hooks = integration.hooks as Record<string, (o: unknown) => unknown>;
    hooks['astro:config:done']!({ config: { outDir: pathToFileURL(join(root, 'out/')) } });
    hooks['astro:build:start']!({ logger, setPrerenderer: () => {} });
    await hooks['astro:build:done']!({ dir: pathToFileURL(join(root, 'out/')), logger });
    expect(calls).toEqual([
      'decks: start',
      'search: start',
      'decks: pages written',
      'search: done',
      'decks: written',
      'decks: stop',
    ]);
  });

  it('stops the deck workers when the search index fails, and fails the build', async () => {
    const root = project();
    const { integration } = await setup(root);
    const hooks = integration.hooks as Record<string, (o: unknown) => unknown>;
    hooks['astro:config:done']!({ config: { outDir: pathToFileURL(join(root, 'out/')) } });
    hooks['astro:build:start']!({ logger, setPrerenderer: () => {} });
    state.searchFails = true;
    await expect(
      hooks['astro:build:done']!({ dir: pathToFileURL(join(root, 'out/')), logger }),
    ).rejects.toThrow('Pagefind failed');
    expect(calls.slice(-2)).toEqual(['search: done', 'decks: stop']);
  });
});
