// The bench's build-scale targets, read off made-up rows: the cost of each page added between
// the two largest scales, the ratio at ~10,000 pages, and the example kit's own build time.
import { describe, expect, it } from 'vitest';
import { buildLogFigures } from '../../../bench/build-log.ts';
import type { ScaleRow } from '../../../bench/build-scale.ts';
import {
  cpuBreakdown,
  SCALE_TARGETS,
  scaleTargets,
  threadBreakdown,
} from '../../../bench/scale-targets.ts';

const row = (
  target: number,
  pk: { pages: number; wall: number },
  bare: { pages: number; wall: number },
  floor?: ScaleRow['floor'],
): ScaleRow => ({
  target,
  runs: target >= 10_000 ? 1 : 5,
  partnerkit: {
    ...pk,
    decks: 11,
    deckWorkers: 1,
    types: 11,
    cpu: pk.wall,
    deckCpu: 0,
    checkCpu: 0,
    mainCpu: 0,
    peakMb: 500,
    command: 'npm run build',
  },
  bare: { ...bare, cpu: bare.wall, peakMb: 300, command: 'astro build' },
  pairedRatios: [],
  otherCores: { partnerkit: [], bare: [] },
  ...(floor ? { floor } : {}),
});

describe('the build-scale targets', () => {
  it('judges the cost of each page added and the ratio at ~10,000 pages against their limits', () => {
    const rows = [
      row(
        100,
        { pages: 110, wall: 30 },
        { pages: 110, wall: 5 },
        { pages: 90, decks: 11, wall: 28, cpu: 40 },
      ),
      // 9,000 pages more: Partnerkit 9 s more... (1 ms a page), bare 9.9 s more (1.1 ms a page)
      row(1000, { pages: 1000, wall: 40 }, { pages: 1000, wall: 8 }),
      row(10_000, { pages: 10_000, wall: 49 }, { pages: 10_000, wall: 17.9 }),
    ];
    const table = scaleTargets(rows).join('\n');
    expect(table).toMatch(
      /Cost of each page added.*~1,000 to ~10,000 pages: Partnerkit 1\.00 ms, bare 1\.10 ms; in CPU time 0\.91x\) \| \*\*0\.91x\*\* \| 1\.1x \| met \|/,
    );
    // 4.9 ms against 1.79 ms a page at 10,000 pages: over 1.2x
    expect(table).toMatch(
      /Time per page at ~10,000 pages.*in CPU time 2\.74x\) \| \*\*2\.74x\*\* \| 1\.2x \| \*\*NOT met\*\* \|/,
    );
    expect(table).toMatch(
      /The example kit's own build \(90 pages, 11 decks; median of 5; CPU 40\.0 s\) \| \*\*28\.0 s\*\*/,
    );
    expect(SCALE_TARGETS).toEqual({ perPageAdded: 1.1, at10k: 1.2 });
  });

  it('judges ~10,000 pages on the median of its alternations when there are several', () => {
    // The medians of the walls give 2.74x; the runs' own ratios say otherwise, and they decide.
    const k10 = {
      ...row(10_000, { pages: 10_000, wall: 49 }, { pages: 10_000, wall: 17.9 }),
      runs: 3,
      pairedRatios: [1.3, 1.1, 1.15],
      otherCores: { partnerkit: [0.9, 0.05, 0.2], bare: [0.8, 0, 0.1] },
    };
    const table = scaleTargets([
      row(1000, { pages: 1000, wall: 40 }, { pages: 1000, wall: 8 }),
      k10,
    ]).join('\n');
    expect(table).toMatch(
      /Time per page at ~10,000 pages, Partnerkit \/ bare Astro \(10,000 pages, median of 3 alternations: 1\.30x \(others 0\.90 cores\), 1\.10x \(others 0\.05 cores\), 1\.15x \(others 0\.20 cores\); 2 of 3 within the limit; in CPU time 2\.74x\) \| \*\*1\.15x\*\* \| 1\.2x \| met \|/,
    );
    const single = scaleTargets([{ ...k10, runs: 1, pairedRatios: [1.1] }]).join('\n');
    expect(single).toMatch(
      /single run: on this shared machine one run cannot settle it.*\*\*2\.74x\*\* \| 1\.2x \| \*\*NOT met\*\*/,
    );
  });

  it('a larger build that was not slower is noise, not a met target', () => {
    const table = scaleTargets([
      row(100, { pages: 110, wall: 50 }, { pages: 110, wall: 15 }),
      row(200, { pages: 200, wall: 48 }, { pages: 200, wall: 17 }),
    ]).join('\n');
    expect(table).toMatch(
      /Cost of each page added.*\| \*\*-\*\* \| 1\.1x \| not measurable: the larger build was not slower/,
    );
  });

  it('says what was not measured rather than judging it', () => {
    const table = scaleTargets([row(100, { pages: 110, wall: 30 }, { pages: 110, wall: 5 })]).join(
      '\n',
    );
    expect(table).toMatch(/Cost of each page added.*not measured \(needs two scales\)/);
    expect(table).toMatch(/~10,000 pages.*not measured \(add 10000 to --scales\)/);
    expect(table).not.toMatch(/\bmet\b/);
  });
});

describe("where Partnerkit's CPU went", () => {
  it("reads the decks' workers and the decks', the check's and the main thread's CPU from the build's log", () => {
    const log = [
      '[partnerkit] rendering 4980 ready deck(s) on 1 worker thread(s)',
      '[partnerkit] ready decks: 4980 written to decks/, their data to deck-data/types/ (97 s on the workers, 84.5 s of CPU, 17 ms median per deck)',
      'main thread: 120.4 s of CPU',
      'business cases: 119,520 default cases checked against the plausibility bands (15.2 s on a worker thread, 13.9 s of CPU), 0 outside them',
    ].join('\n');
    expect(buildLogFigures(log)).toEqual({
      deckWorkers: 1,
      deckCpu: 84.5,
      checkCpu: 13.9,
      mainCpu: 120.4,
    });
    expect(buildLogFigures('bare astro: 100 page(s) built')).toEqual({
      deckWorkers: 0,
      deckCpu: 0,
      checkCpu: 0,
      mainCpu: 0,
    });
  });

  it('gives the rest against bare Astro, per page', () => {
    const r = row(10_000, { pages: 10_000, wall: 105 }, { pages: 10_000, wall: 66.5 });
    r.partnerkit = { ...r.partnerkit, cpu: 189.6, deckCpu: 84.5, checkCpu: 13.9, mainCpu: 0 };
    r.bare = { ...r.bare, cpu: 74.5 };
    // 189.6 - 84.5 - 13.9 = 91.2 s against 74.5 s for as many pages: 1.22x
    expect(cpuBreakdown(r)).toMatch(
      /~10,000 pages \(medians, 189\.6 s in all\): the ready decks 84\.5 s .* the plausibility check 13\.9 s .* everything else 91\.2 s .* bare Astro's 74\.5 s for as many pages: 1\.22x a page without the decks and the check\./,
    );
    expect(
      cpuBreakdown(row(100, { pages: 110, wall: 30 }, { pages: 110, wall: 5 })),
    ).toBeUndefined();
  });

  it('says where each side spent its CPU a page at a time, by group of threads, and what bare Astro does not do', () => {
    const r = row(10_000, { pages: 10_000, wall: 180 }, { pages: 10_000, wall: 95 });
    r.partnerkit.cpu = 300;
    r.partnerkit.threads = {
      main: 100,
      workers: 70,
      gc: 50,
      libuv: 5,
      bundler: 3,
      search: 40,
      other: 0,
    };
    r.bare.cpu = 100;
    r.bare.threads = { main: 80, workers: 0, gc: 15, libuv: 2, bundler: 3, search: 0, other: 0 };
    const line = threadBreakdown(r, 2)!;
    // largest first, in ms a page; groups at 0 left out; what no thread read is said
    expect(line).toContain(
      "Partnerkit 30.00 ms in all: the main thread (Astro's pages, validation, bundling) 10.00 ms, worker threads (ready decks, plausibility check) 7.00 ms, V8's helper threads (garbage collection, compiling) 5.00 ms, the search indexer (Pagefind's process) 4.00 ms,",
    );
    expect(line).toContain('3.20 ms in threads too short-lived to read');
    expect(line).toContain('Bare Astro 10.00 ms in all:');
    expect(line).not.toMatch(/Bare Astro[^.]*search indexer/);
    // (70 + 40) s over 10,000 pages against bare's 10 ms a page
    expect(line).toContain('take 11.00 ms of CPU a page: 1.10x bare Astro');
    // the floor: (10 + 11) ms of CPU on 2 cores is 10.5 ms a page, against bare's 9.5 ms of wall
    expect(line).toContain('still take 21.00 ms of CPU: on 2 cores kept busy, at least 10.50 ms');
    expect(line).toContain("**1.11x bare Astro's 9.50 ms**");
    expect(threadBreakdown(r, 1)).toContain(
      "at least 21.00 ms a page, **2.21x bare Astro's 9.50 ms**",
    );
    delete r.bare.threads;
    expect(threadBreakdown(r, 2)).toBeUndefined();
  });
});
