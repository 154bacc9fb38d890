// The build-scale targets of `npm run bench`, judged on its rows (bench/run.ts prints them).
import { median, type ScaleRow } from './build-scale.ts';
import { THREAD_GROUPS, type ThreadCpu, type ThreadGroup } from './thread-cpu.ts';

export const SCALE_TARGETS = { perPageAdded: 1.1, at10k: 1.2 } as const;

const fmt = (n: number, d = 0) =>
  n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
const perPage = (wall: number, pages: number) => (wall * 1000) / pages;
const ratio = (x: number) => (Number.isFinite(x) ? `${fmt(x, 2)}x` : '-');

/**
 * Where a scale's Partnerkit CPU went (medians of its runs): the ready decks and the plausibility
 * check on their worker threads (as the build's log gives them), and the rest (Astro's pages,
 * bundling, the search index, writing files) against bare Astro's whole build. Nothing when the
 * log gave no deck CPU (an older build).
 */
export function cpuBreakdown(r: ScaleRow): string | undefined {
  const { cpu, deckCpu, checkCpu, mainCpu } = r.partnerkit;
  if (!(deckCpu > 0)) return undefined;
  const rest = cpu - deckCpu - checkCpu;
  // The main thread's share, when the log gave it: the rest is other threads and processes
  // (V8's garbage-collector helpers, the bundler, the search indexer, file writes).
  const main =
    mainCpu > 0
      ? ` (the main thread ${fmt(mainCpu, 1)} s: validation, bundling, every page; other threads and processes ${fmt(rest - mainCpu, 1)} s: garbage collection, the bundler, the search indexer, file writes)`
      : " (Astro's pages, bundling, the search index, writing files)";
  return `- Where Partnerkit's CPU went at ~${fmt(r.target)} pages (medians, ${fmt(cpu, 1)} s in all): the ready decks ${fmt(deckCpu, 1)} s on their worker threads, the plausibility check ${fmt(checkCpu, 1)} s on its thread, and everything else ${fmt(rest, 1)} s${main}, against bare Astro's ${fmt(r.bare.cpu, 1)} s for as many pages: ${ratio(rest / r.partnerkit.pages / (r.bare.cpu / r.bare.pages))} a page without the decks and the check.`;
}

/** One side's CPU by group of threads, a page at a time, largest first, with what no group holds. */
function groupsPerPage(threads: ThreadCpu, cpu: number, pages: number): string {
  const ms = (s: number) => `${fmt((s * 1000) / pages, 2)} ms`;
  const groups = (Object.keys(THREAD_GROUPS) as ThreadGroup[])
    .filter((g) => threads[g] >= 0.05)
    .sort((a, b) => threads[b] - threads[a]);
  const seen = groups.reduce((sum, g) => sum + threads[g], 0);
  return `${ms(cpu)} in all: ${groups.map((g) => `${THREAD_GROUPS[g]} ${ms(threads[g])}`).join(', ')}; ${ms(Math.max(0, cpu - seen))} in threads too short-lived to read`;
}

/**
 * Where a scale's CPU went, a page at a time, by group of threads (bench/thread-cpu.ts), on
 * both sides; how much of Partnerkit's is work bare Astro does not do at all (the ready decks
 * and the plausibility check on the worker threads, and the search index); and the floor that
 * work puts under the time-per-page ratio on `cores` cores: were everything else to cost what
 * bare Astro's whole page costs, and every core kept busy, a page could take no less than that.
 * Nothing when either side's threads were not read (not Linux, or an older report).
 */
export function threadBreakdown(r: ScaleRow, cores: number): string | undefined {
  const pk = r.partnerkit.threads;
  const bare = r.bare.threads;
  if (!pk || !bare) return undefined;
  const barePage = r.bare.cpu / r.bare.pages;
  const extra = (pk.workers + pk.search) / r.partnerkit.pages;
  const floorWall = (barePage + extra) / cores;
  const bareWall = r.bare.wall / r.bare.pages;
  const ms = (s: number) => `${fmt(s * 1000, 2)} ms`;
  return `- CPU by thread at ~${fmt(r.target)} pages, per page (medians): Partnerkit ${groupsPerPage(pk, r.partnerkit.cpu, r.partnerkit.pages)}. Bare Astro ${groupsPerPage(bare, r.bare.cpu, r.bare.pages)}. The decks, the check and the search index, which bare Astro does not do, take ${ms(extra)} of CPU a page: ${ratio(extra / barePage)} bare Astro's whole page. Were the rest of a Partnerkit page to cost what bare Astro's whole page costs, it would still take ${ms(barePage + extra)} of CPU: on ${cores} cores kept busy, at least ${ms(floorWall)} a page, **${ratio(floorWall / bareWall)} bare Astro's ${ms(bareWall)}**, the floor under the time-per-page ratio while the build renders a deck per type and indexes search.`;
}

/**
 * The targets as a table, judged on this run's rows. Fixed costs (start-up, bundling, search
 * set-up, the decks) weigh on small builds, so the ratio of whole builds at ~100 pages says
 * little about pages: the cost of each page added (the slope between the two largest scales
 * measured) and the ratio at ~10,000 pages do. The example kit's own build is the fixed cost a
 * marketer waits for.
 */
export function scaleTargets(rows: ScaleRow[]): string[] {
  const bySize = [...rows].sort((a, b) => a.partnerkit.pages - b.partnerkit.pages);
  const [lo, hi] = bySize.slice(-2) as [ScaleRow | undefined, ScaleRow | undefined];
  const added = (side: 'partnerkit' | 'bare', time: 'wall' | 'cpu' = 'wall') =>
    lo && hi ? ((hi[side][time] - lo[side][time]) * 1000) / (hi[side].pages - lo[side].pages) : NaN;
  const k10 = rows.find((r) => r.target >= 10_000);
  const floor = rows.find((r) => r.floor);
  const verdict = (x: number, target: number) =>
    Number.isFinite(x) ? (x <= target ? 'met' : '**NOT met**') : 'not measured';
  // A larger build that was not slower says the machine's noise exceeded the pages' cost: no ratio.
  const slope = (side: 'partnerkit' | 'bare', time: 'wall' | 'cpu' = 'wall') => {
    const x = added(side, time);
    return x > 0 ? x : NaN;
  };
  const addedRatio = slope('partnerkit') / slope('bare');
  const addedCpuRatio = slope('partnerkit', 'cpu') / slope('bare', 'cpu');
  const cpu10k = k10
    ? perPage(k10.partnerkit.cpu, k10.partnerkit.pages) / perPage(k10.bare.cpu, k10.bare.pages)
    : NaN;
  // With several alternations, the median of each run's own ratio (a Partnerkit build against
  // the bare build right after it): on this shared machine, two single runs of the same commit an
  // hour apart measured 1.19x and 1.56x, so one run cannot say whether the target is met.
  // Each run's ratio with what the rest of the machine kept busy during its Partnerkit build
  // (bench/host-load.ts): the second core the decks need is the one other work takes.
  const runs = (k10?.pairedRatios ?? [])
    .map((x, i) => ({ x, others: k10?.otherCores.partnerkit[i] }))
    .filter((r) => Number.isFinite(r.x));
  const paired10k = runs.map((r) => r.x);
  const several = paired10k.length > 1;
  const ratio10k = !k10
    ? NaN
    : several
      ? median(paired10k)
      : perPage(k10.partnerkit.wall, k10.partnerkit.pages) / perPage(k10.bare.wall, k10.bare.pages);
  const within = paired10k.filter((x) => x <= SCALE_TARGETS.at10k).length;
  const withLoad = ({ x, others }: (typeof runs)[number]) =>
    others === undefined ? ratio(x) : `${ratio(x)} (others ${fmt(others, 2)} cores)`;
  const runs10k = !k10
    ? ''
    : several
      ? `median of ${paired10k.length} alternations: ${runs.map(withLoad).join(', ')}; ${within} of ${paired10k.length} within the limit`
      : 'single run: on this shared machine one run cannot settle it, use --large-runs 3';
  const out = [
    '| target | measured | limit | verdict |',
    '|---|---:|---:|---|',
    lo && hi && hi !== lo
      ? `| Cost of each page added, Partnerkit / bare Astro (wall time difference / page difference, ~${fmt(lo.target)} to ~${fmt(hi.target)} pages: Partnerkit ${fmt(added('partnerkit'), 2)} ms, bare ${fmt(added('bare'), 2)} ms; in CPU time ${ratio(addedCpuRatio)}) | **${ratio(addedRatio)}** | ${fmt(SCALE_TARGETS.perPageAdded, 1)}x | ${Number.isFinite(addedRatio) ? verdict(addedRatio, SCALE_TARGETS.perPageAdded) : "not measurable: the larger build was not slower (noise above the pages' cost; use scales further apart or more runs)"} |`
      : `| Cost of each page added, Partnerkit / bare Astro | - | ${fmt(SCALE_TARGETS.perPageAdded, 1)}x | not measured (needs two scales) |`,
    k10
      ? `| Time per page at ~${fmt(k10.target)} pages, Partnerkit / bare Astro (${fmt(k10.partnerkit.pages)} pages, ${runs10k}; in CPU time ${ratio(cpu10k)}) | **${ratio(ratio10k)}** | ${fmt(SCALE_TARGETS.at10k, 1)}x | ${verdict(ratio10k, SCALE_TARGETS.at10k)} |`
      : `| Time per page at ~10,000 pages, Partnerkit / bare Astro | - | ${fmt(SCALE_TARGETS.at10k, 1)}x | not measured (add 10000 to --scales) |`,
  ];
  if (floor?.floor) {
    const f = floor.floor;
    out.push(
      `| The example kit's own build (${fmt(f.pages)} pages, ${fmt(f.decks)} decks; median of ${floor.runs}; CPU ${fmt(f.cpu, 1)} s) | **${fmt(f.wall, 1)} s** | reported | ${fmt(f.wall / floor.bare.wall, 2)}x the bare build of ${fmt(floor.bare.pages)} pages in the same alternation: mostly fixed cost |`,
    );
  }
  return out;
}
