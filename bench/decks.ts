// Deck bench, part of `npm run bench` (bench/run.ts imports it); also runs alone:
//   node bench/decks.ts [--runs 7] [--no-browser]
// Figures:
// - time per deck in Node (deck model: sanitise, fit, lay out; then render, repair the chart
//   parts and compress), as a ratio to bare pptxgenjs writing the very same slides (the same
//   pptxgenjs calls, recorded from our renderer and replayed) with stream({ compression: true });
//   target: overhead under 30%;
// - deck size, compressed (target: under 300 KB without photos);
// - click-to-download time of "Tailor a deck" in Chromium (first click, which loads pptxgenjs,
//   and later clicks), when a built dist/ is given or present.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import PptxGenJS from 'pptxgenjs';
import JSZip from 'jszip';
import { runCase } from '../src/core/business-case/run-case.ts';
import { buildDeck } from '../src/core/deck/build-deck.ts';
import { renderPptx, type PptxGenJSConstructor } from '../src/core/deck/render-pptx.ts';
import { loadDeckSources } from '../src/node/deck-sources.ts';

interface Ctx {
  repo?: string;
  dist?: string;
  log?: (s: string) => void;
  runs?: number;
  browser?: boolean;
}
type Row = { figure: string; value: string | number; command: string };

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

interface Call {
  slide: number | null;
  method: string;
  args: unknown[];
}

/** A PptxGenJS that records every call our renderer makes, so bare pptxgenjs can replay them. */
function recording(): { Ctor: PptxGenJSConstructor; sets: [string, unknown][]; calls: Call[] } {
  const sets: [string, unknown][] = [];
  const calls: Call[] = [];
  let slides = 0;
  const wrap = <T extends object>(target: T, slide: number | null, methods: Set<string>): T =>
    new Proxy(target, {
      set(t, k, v) {
        sets.push([String(k), structuredClone(v)]);
        (t as Record<PropertyKey, unknown>)[k] = v;
        return true;
      },
      get(t, k) {
        const v = (t as Record<PropertyKey, unknown>)[k];
        if (typeof v !== 'function' || !methods.has(String(k)))
          return typeof v === 'function' ? (v.bind(t) as unknown) : v;
        return (...args: unknown[]) => {
          // pptxgenjs mutates option objects: record a copy taken before the call.
          calls.push({ slide, method: String(k), args: structuredClone(args) });
          const out = (v as (...a: unknown[]) => unknown).apply(t, args);
          return k === 'addSlide'
            ? wrap(
                out as object,
                slides++,
                new Set(['addText', 'addChart', 'addTable', 'addImage', 'addNotes', 'addShape']),
              )
            : out;
        };
      },
    });
  const Ctor = function () {
    return wrap(new PptxGenJS(), null, new Set(['addSlide', 'defineSlideMaster', 'defineLayout']));
  } as unknown as PptxGenJSConstructor;
  return { Ctor, sets, calls };
}

/** Bare pptxgenjs: the recorded calls on a fresh presentation, written with stream({ compression: true }). */
async function replay(sets: [string, unknown][], calls: Call[]): Promise<number> {
  const p = new PptxGenJS() as unknown as Record<string, unknown> & {
    addSlide: (o?: unknown) => Record<string, (...a: unknown[]) => unknown>;
    stream: (o: unknown) => Promise<unknown>;
  };
  for (const [k, v] of sets) p[k] = structuredClone(v);
  const slides: Record<string, (...a: unknown[]) => unknown>[] = [];
  for (const c of calls) {
    const args = structuredClone(c.args);
    if (c.slide === null) {
      if (c.method === 'addSlide') slides.push(p.addSlide(...(args as [unknown])));
      else (p[c.method] as (...a: unknown[]) => unknown)(...args);
    } else slides[c.slide]![c.method]!(...args);
  }
  const out = (await p.stream({ compression: true })) as Uint8Array;
  return out.length;
}

export async function bench(ctx: Ctx = {}): Promise<Row[]> {
  const repo = ctx.repo ?? join(import.meta.dirname, '..');
  const log = ctx.log ?? ((s: string) => process.stderr.write(`${s}\n`));
  const runs = ctx.runs ?? 7;
  const src = loadDeckSources(repo);
  const rows: Row[] = [];
  const cmd = 'npm run bench (bench/decks.ts)';
  const types = ['reseller', 'consultancy', 'managed-service-provider'].filter((id) =>
    src.dataset.partnerTypes.some((t) => t.id === id),
  );
  const ratios: number[] = [];
  const sizes: number[] = [];
  const bareMedians: number[] = [];
  for (const id of types) {
    const request = { mix: [{ type: id, weight: 1 }] };
    const result = runCase(src.dataset, request, { sensitivity: false, breakEven: false });
    const prospect = { company: 'Northwind Systems & Co', contact: 'Dana Levi, CEO' };
    // Warm both paths (JIT, module loading) before timing.
    const warm = recording();
    await renderPptx(
      buildDeck({ dataset: src.dataset, templates: src.templates, result, prospect }),
      { PptxGenJS: warm.Ctor, JSZip },
    );
    await replay(warm.sets, warm.calls);
    const ours: number[] = [];
    const bare: number[] = [];
    let size = 0;
    let bareSize = 0;
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const deck = buildDeck({ dataset: src.dataset, templates: src.templates, result, prospect });
      const bytes = await renderPptx(deck, {
        PptxGenJS: PptxGenJS as unknown as PptxGenJSConstructor,
        JSZip,
        compression: true,
      });
      ours.push(performance.now() - t0);
      size = bytes.length;
      const rec = recording();
      await renderPptx(deck, { PptxGenJS: rec.Ctor, JSZip });
      const t1 = performance.now();
      bareSize = await replay(rec.sets, rec.calls);
      bare.push(performance.now() - t1);
    }
    const ratio = median(ours) / median(bare);
    ratios.push(ratio);
    bareMedians.push(median(bare));
    sizes.push(size);
    log(
      `  ${id}: ours ${median(ours).toFixed(0)} ms, bare pptxgenjs ${median(bare).toFixed(0)} ms (x${ratio.toFixed(2)}), ${Math.round(size / 1024)} KB (bare ${Math.round(bareSize / 1024)} KB)`,
    );
    rows.push({
      figure: `${id}: time per deck, Partnerkit (model + render + repair + compress), median of ${runs}`,
      value: `${median(ours).toFixed(0)} ms`,
      command: cmd,
    });
    rows.push({
      figure: `${id}: time per deck, bare pptxgenjs writing the same slides (stream, compressed), median of ${runs}`,
      value: `${median(bare).toFixed(0)} ms`,
      command: cmd,
    });
    rows.push({
      figure: `${id}: ratio Partnerkit / bare pptxgenjs (target under 1.30)`,
      value: ratio.toFixed(2),
      command: cmd,
    });
    rows.push({
      figure: `${id}: deck size, compressed (target under 300 KB); bare pptxgenjs ${Math.round(bareSize / 1024)} KB`,
      value: `${Math.round(size / 1024)} KB`,
      command: cmd,
    });
  }
  rows.push({
    figure: 'overhead over bare pptxgenjs, worst type',
    value: `${Math.round((Math.max(...ratios) - 1) * 100)}%`,
    command: cmd,
  });
  rows.push(...(await buildPath(src, types, runs, bareMedians, log)));
  rows.push({
    figure: 'largest deck',
    value: `${Math.round(Math.max(...sizes) / 1024)} KB`,
    command: cmd,
  });

  const dist = ctx.dist ?? join(repo, 'dist');
  if (ctx.browser !== false && existsSync(join(dist, 'partners', 'reseller', 'index.html'))) {
    try {
      rows.push(...(await clickToDownload(dist, log)));
    } catch (e) {
      rows.push({
        figure: 'click-to-download in Chromium',
        value: `not measured: ${(e as Error).message.split('\n')[0]}`,
        command: cmd,
      });
    }
  }
  return rows;
}

/**
 * The build's own path for ready decks: a DeckPool worker (pptxgenjs through the native ZIP
 * stand-in, then native zlib), each deck timed by the worker from model to file written. The
 * first pool warms up (module loading, JIT) and is not counted.
 */
async function buildPath(
  src: ReturnType<typeof loadDeckSources>,
  types: string[],
  runs: number,
  bareMedians: number[],
  log: (s: string) => void,
): Promise<Row[]> {
  const { DeckPool } = await import('../src/node/deck-pool.ts');
  const out = mkdtempSync(join(tmpdir(), 'pk-bench-decks-'));
  try {
    const times: number[] = [];
    for (let round = 0; round <= runs; round++) {
      const pool = new DeckPool(src, types, out, 1);
      try {
        const decks = await pool.all();
        if (round > 0) times.push(...decks.map((d) => d.ms));
      } finally {
        await pool.close();
      }
    }
    const perDeck = median(times);
    const bare = median(bareMedians);
    log(
      `  build path (worker, native ZIP): ${perDeck.toFixed(1)} ms per deck, bare pptxgenjs ${bare.toFixed(1)} ms (x${(perDeck / bare).toFixed(2)})`,
    );
    const cmd = 'npm run bench (bench/decks.ts, DeckPool with 1 worker)';
    return [
      {
        figure: `ready decks as the build renders them (worker thread, native ZIP), per deck, median of ${times.length}`,
        value: `${perDeck.toFixed(1)} ms`,
        command: cmd,
      },
      {
        figure: 'ratio build path / bare pptxgenjs (median of the per-type medians above)',
        value: (perDeck / bare).toFixed(2),
        command: cmd,
      },
    ];
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

async function clickToDownload(dist: string, log: (s: string) => void): Promise<Row[]> {
  const { chromium } = await import('playwright-core');
  const { serveStatic } = await import('../src/node/static-server.ts');
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) throw new Error(`no Chromium at ${executablePath}`);
  const served = await serveStatic(dist, 0);
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const times: number[] = [];
    const first: number[] = [];
    for (let round = 0; round < 3; round++) {
      const page = await browser.newPage();
      await page.goto(`${served.url}/partners/reseller/`);
      await page
        .locator('pk-tailor-deck form')
        .getByLabel("Prospect's company")
        .fill('Northwind Systems');
      for (let click = 0; click < 3; click++) {
        const t0 = performance.now();
        await Promise.all([
          page.waitForEvent('download', { timeout: 60_000 }),
          page.locator('pk-tailor-deck button[type=submit]').click(),
        ]);
        (click === 0 ? first : times).push(performance.now() - t0);
      }
      await page.close();
    }
    log(
      `  Chromium click-to-download: first ${median(first).toFixed(0)} ms, later ${median(times).toFixed(0)} ms`,
    );
    const cmd = 'npm run bench (bench/decks.ts, Chromium)';
    return [
      {
        figure:
          'click-to-download in Chromium, first click on a fresh page (loads pptxgenjs), median of 3',
        value: `${median(first).toFixed(0)} ms`,
        command: cmd,
      },
      {
        figure: 'click-to-download in Chromium, later clicks, median of 6',
        value: `${median(times).toFixed(0)} ms`,
        command: cmd,
      },
    ];
  } finally {
    await browser.close();
    served.server.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '7' },
      'no-browser': { type: 'boolean', default: false },
    },
  });
  const rows = await bench({ runs: Number(values.runs), browser: !values['no-browser'] });
  process.stdout.write(
    ['| figure | value |', '|---|---:|', ...rows.map((r) => `| ${r.figure} | ${r.value} |`)].join(
      '\n',
    ) + '\n',
  );
}
