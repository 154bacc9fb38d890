// `npm run bench`: a report, not a timed test. Writes bench/results/report.md (and .json) and
// prints it. Every figure names the command that produced it. Absolute times on a shared
// machine are noisy, so times are medians of several runs and are compared as ratios.
//
//   npm run bench                         bundle sizes, other benches, build scale at 100/1,000/10,000 pages
//                                         with its targets (each page added <= 1.1x bare Astro, ~10,000 pages <= 1.2x)
//   npm run bench -- --runs 3             runs per scale for the 100 and 1,000-page builds (default 5)
//   npm run bench -- --scales 100,1000    choose the scales
//   npm run bench -- --large-runs 3       runs at 10,000 pages (default 1, about 4 min a run; one run cannot
//                                         settle the ~10,000-page target on a shared machine)
//   npm run bench -- --no-scale           skip the build-scale builds (bundle sizes and other benches only;
//                                         the last full run's build-scale section is kept, labelled with its date)
//   npm run bench -- --scale-only         only the build-scale builds and their targets (no bundle sizes, no other benches)
//   npm run bench -- --ref HEAD           bench a commit instead of the working tree (others' half-edited files stay out)
//
// Other benches: bench/decks.ts, bench/business-case.ts and bench/calculator.ts are included
// when present. Each exports a function (`bench`, `run` or its default export; any other single
// exported function also works) taking `{ repo, dist, log }` and returning (or resolving to)
// a Markdown string, `{ title?, markdown }`, or rows `{ figure, value, command }[]`.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { kb, pageTypeOf, PageWeights, type PageWeight } from '../test/helpers/page-weight.ts';
import { siteIds } from '../test/helpers/site-pages.ts';
import {
  buildOnce,
  calibrate,
  copyRepo,
  discard,
  emptyTrash,
  GNU_TIME,
  haveGnuTime,
  measureScale,
  median,
  REPO,
  useRef,
  type ScaleRow,
} from './build-scale.ts';
import { cpuBreakdown, scaleTargets, threadBreakdown } from './scale-targets.ts';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    'large-runs': { type: 'string', default: '1' },
    scales: { type: 'string', default: '100,1000,10000' },
    'no-scale': { type: 'boolean', default: false },
    'scale-only': { type: 'boolean', default: false },
    ref: { type: 'string' },
  },
});
const RUNS = Math.max(1, Number(args.runs));
const LARGE_RUNS = Math.max(1, Number(args['large-runs']));
const SCALES = args.scales
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const RESULTS = join(REPO, 'bench', 'results');
// a ref is resolved once, so every copy in a long run is the same commit even if HEAD moves
const refName = args.ref
  ? execFileSync('git', ['rev-parse', args.ref], { cwd: REPO, encoding: 'utf8' })
      .trim()
      .slice(0, 12)
  : undefined;
useRef(refName);
const SCALE_TITLE = 'Build scale';

const started = Date.now();
const log = (s: string) =>
  process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(0)}s] ${s}\n`);
const sections: string[] = [];
const json: Record<string, unknown> = {};
const fmt = (n: number, d = 0) =>
  n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });

// ---------------------------------------------------------------- the site's own build
log('building a copy of the repo (for bundle sizes and the other benches)');
const site = copyRepo();
const siteBuild = buildOnce(site);
const dist = join(site.dir, 'dist');
log(`  ${siteBuild.pages} pages in ${siteBuild.wall.toFixed(1)} s`);

// ---------------------------------------------------------------- bundle sizes
if (!args['scale-only']) {
  const weights = new PageWeights(dist);
  const pages = weights.all();
  const ids = siteIds(site.dir);
  const byType = new Map<string, PageWeight[]>();
  for (const p of pages) {
    const t = pageTypeOf(p.page, ids);
    byType.set(t, [...(byType.get(t) ?? []), p]);
  }
  const command =
    '`npm run build` in a copy of the repo, then `PageWeights` (test/helpers/page-weight.ts) over its dist/';
  const rows = [...byType.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([type, ps]) => {
      const max = (f: (p: PageWeight) => number) => Math.max(...ps.map(f));
      const onDemand = [...new Set(ps.flatMap((p) => p.onDemand))];
      const pptx = onDemand.filter((u) => weights.chunk(u)?.pptxgenjs);
      return {
        type,
        pages: ps.length,
        upfront: max((p) => p.upfrontGzip),
        search: max((p) => p.searchGzip),
        onDemand: max((p) => p.onDemandGzip),
        chunks: onDemand.length,
        pptx,
      };
    });
  json.bundles = rows;
  sections.push(
    [
      '## Bundle sizes (gzip)',
      '',
      `JavaScript each page type loads before any interaction ("up front": its scripts, modulepreloads and their static imports) and on demand (reached through \`import()\`). Largest page of each type; gzip per file at zlib's default level; 1 KB = 1,000 bytes. Search (Pagefind) is counted apart. Command: ${command}.`,
      '',
      '| page type | pages | up front | search, up front | on demand | on-demand chunks | pptxgenjs |',
      '|---|---:|---:|---:|---:|---:|---|',
      ...rows.map(
        (r) =>
          `| \`${r.type}\` | ${r.pages} | ${kb(r.upfront)} | ${kb(r.search)} | ${kb(r.onDemand)} | ${r.chunks} | ${r.pptx.length ? `on demand only (${r.pptx.map((u) => `\`${u.replace(/^.*\//, '')}\``).join(', ')})` : '-'} |`,
      ),
      '',
    ].join('\n'),
  );
}

// ---------------------------------------------------------------- the other engineers' benches
type Row = { figure: string; value: string | number; command: string };
function render(name: string, out: unknown): string {
  if (typeof out === 'string') return out;
  if (Array.isArray(out)) {
    const rows = out as Row[];
    return [
      '| figure | value | command |',
      '|---|---:|---|',
      ...rows.map(
        (r) =>
          `| ${r.figure} | ${typeof r.value === 'number' ? fmt(r.value, 1) : r.value} | \`${r.command}\` |`,
      ),
    ].join('\n');
  }
  if (out && typeof out === 'object' && 'markdown' in out) {
    const o = out as { title?: string; markdown: string };
    return o.title ? `## ${o.title}\n\n${o.markdown}` : o.markdown;
  }
  return `## ${name}\n\nCommand: \`npm run bench\` (bench/${name}.ts); figures as it returned them (times in ms):\n\n\`\`\`json\n${JSON.stringify(out, null, 2)}\n\`\`\``;
}
for (const name of args['scale-only']
  ? []
  : ['business-case', 'calculator', 'decks', 'lighthouse']) {
  const file = join(REPO, 'bench', `${name}.ts`);
  if (!existsSync(file)) {
    sections.push(`## ${name}\n\nbench/${name}.ts is not in the repo yet: no figures.\n`);
    continue;
  }
  log(`running bench/${name}.ts`);
  try {
    const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    const fns = Object.entries(mod).filter(([, v]) => typeof v === 'function') as [
      string,
      (ctx: unknown) => unknown,
    ][];
    const fn = (mod.bench ??
      mod.run ??
      mod.default ??
      (fns.length === 1 ? fns[0]![1] : undefined)) as ((ctx: unknown) => unknown) | undefined;
    if (!fn)
      throw new Error(
        `exports no bench function (found: ${Object.keys(mod).join(', ') || 'nothing'})`,
      );
    const out = await fn({ repo: REPO, dist, log });
    json[name] = out;
    const text = render(name, out);
    sections.push(text.startsWith('## ') ? `${text}\n` : `## ${name}\n\n${text}\n`);
  } catch (e) {
    sections.push(`## ${name}\n\nbench/${name}.ts failed: ${(e as Error).message}\n`);
    log(`  bench/${name}.ts failed: ${(e as Error).stack}`);
  }
}
discard(site.dir);

// ---------------------------------------------------------------- report
const header = [
  '# Partnerkit benchmark report',
  '',
  `Produced by \`npm run bench${process.argv.slice(2).length ? ` -- ${process.argv.slice(2).join(' ')}` : ''}\` on ${new Date().toISOString()} (Node ${process.version}, ${cpus().length} CPUs shared with other work: read ratios, not absolute times).`,
  `Source: ${refName ? `commit ${refName} (\`git archive ${args.ref}\`)` : 'the working tree'}. The site itself (a copy of the repo) built in ${fmt(siteBuild.wall, 1)} s with \`${site.command}\` (${fmt(siteBuild.pages)} pages, peak ${fmt(siteBuild.peakMb)} MB; \`${GNU_TIME} -f '%e %M %U %S'\`).`,
  '',
].join('\n');

/** Write the report as it stands (after every section and every scale, so a long run that is stopped still leaves its figures). */
function write(extra: string[] = []): string {
  const report = `${header}\n${[...sections, ...extra].join('\n')}`;
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(join(RESULTS, 'report.md'), report);
  writeFileSync(
    join(RESULTS, 'report.json'),
    JSON.stringify({ date: new Date().toISOString(), ...json }, null, 2),
  );
  return report;
}

// ---------------------------------------------------------------- build scale
const perPage = (wall: number, pages: number) => (wall * 1000) / pages;

function scaleSection(rows: ScaleRow[], fit: { pagesPerType: number }, done: boolean): string {
  const timeCmd = `${GNU_TIME} -f '%e %M %U %S'`;
  const pkCmd = rows[0]?.partnerkit.command ?? '';
  const lines = [
    `## ${SCALE_TITLE}${done ? '' : ' (in progress)'}`,
    '',
    `Generated Partnerkit projects (the repo's data and content plus synthetic partner types cloned from the real ones, with their playbooks; ${fmt(fit.pagesPerType, 2)} pages per type) against a bare Astro 7 project with the same number of plain Markdown pages, built in the same run, alternating. Each build is cold (dist/ and Astro's caches moved aside, and deleted when the bench ends: deleting thousands of files just before a build made the next build's file creation slower, run after run) and timed by \`${timeCmd} sh -c '<command>'\`; peak memory is the largest process's resident set. Times are medians of the runs shown.`,
    '',
    `- Partnerkit command: \`${pkCmd}\` (the repo's \`npm run build\`), in the generated project.`,
    `- Bare Astro command: \`astro build\`, in a project with only \`src/pages/*.md\` and \`output: 'static'\`.`,
    '',
    '| target | runs | Partnerkit pages (+ decks) | Partnerkit wall | CPU | pages/s | ms/page | peak MB | bare pages | bare wall | bare CPU | bare pages/s | bare ms/page | bare peak MB | time per page, Partnerkit / bare | CPU per page, Partnerkit / bare | peak memory, Partnerkit / bare |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map((r) => {
      const pk = perPage(r.partnerkit.wall, r.partnerkit.pages);
      const bare = perPage(r.bare.wall, r.bare.pages);
      const cpuRatio =
        perPage(r.partnerkit.cpu, r.partnerkit.pages) / perPage(r.bare.cpu, r.bare.pages);
      return `| ~${fmt(r.target)} | ${r.runs}${r.runs === 1 ? ' (single run)' : ' (median)'} | ${fmt(r.partnerkit.pages)} (+ ${fmt(r.partnerkit.decks)}) | ${fmt(r.partnerkit.wall, 1)} s | ${fmt(r.partnerkit.cpu, 1)} s | ${fmt(r.partnerkit.pages / r.partnerkit.wall, 0)} | ${fmt(pk, 2)} | ${fmt(r.partnerkit.peakMb)} | ${fmt(r.bare.pages)} | ${fmt(r.bare.wall, 1)} s | ${fmt(r.bare.cpu, 1)} s | ${fmt(r.bare.pages / r.bare.wall, 0)} | ${fmt(bare, 2)} | ${fmt(r.bare.peakMb)} | **${fmt(pk / bare, 2)}x** | ${fmt(cpuRatio, 2)}x | ${fmt(r.partnerkit.peakMb / r.bare.peakMb, 2)}x |`;
    }),
    '',
  ];
  lines.push(...scaleTargets(rows), '');
  const paired = rows.filter((r) => r.pairedRatios?.length > 1);
  if (paired.length) {
    lines.push(
      `- The per-page ratio run by run (each Partnerkit build against the bare build that followed it, so both saw the machine in the same state): ${paired.map((r) => `~${fmt(r.target)}: median ${fmt(median(r.pairedRatios), 2)}x, runs ${r.pairedRatios.map((x) => `${fmt(x, 2)}x`).join(', ')}`).join('; ')}.`,
    );
  }
  for (const r of rows) {
    for (const line of [cpuBreakdown(r), threadBreakdown(r, cpus().length)])
      if (line) lines.push(line);
  }
  const cores = (xs: number[]) => xs.map((x) => fmt(x, 2)).join(', ');
  lines.push(
    `- What the rest of the machine kept busy during each build, in cores on average (other processes, and time the hypervisor gave to other machines; bench/host-load.ts), of ${cpus().length}: ${rows.map((r) => `~${fmt(r.target)}: Partnerkit ${cores(r.otherCores.partnerkit)}; bare ${cores(r.otherCores.bare)}`).join('; ')}. Partnerkit renders its decks on a second core, bare Astro builds on one: the core other work takes is the one the decks need.`,
  );
  const workers = rows.find((r) => r.partnerkit.deckWorkers)?.partnerkit.deckWorkers ?? 0;
  lines.push(
    `- Partnerkit also writes a ready PowerPoint deck per partner type (the "+ decks" figure) in the same build, on ${workers} worker thread(s) beside Astro's page generation (src/integrations/ready-decks.ts); per-page figures count HTML pages only, so the decks' cost is inside them. CPU is user + system time (GNU time %U + %S) of the build and the processes it waited for: the work done, whatever the parallelism.`,
  );
  lines.push(
    '- Fixed costs (Astro start-up, Vite bundling of the scripts, search indexing when present) are in the wall time, so per-page cost at ~100 pages is dominated by them.',
    '',
  );
  return lines.join('\n');
}

/**
 * Build-scale sections of the last report that this run does not measure again (all of them
 * with --no-scale; the other variant otherwise), each labelled with the run that measured it.
 */
function previousScales(): string[] {
  const file = join(RESULTS, 'report.md');
  if (!existsSync(file)) return [];
  const text = readFileSync(file, 'utf8');
  const produced = (/^Produced by .*$/m.exec(text)?.[0] ?? 'an earlier run').replace(
    /^Produced by /,
    '',
  );
  const source = /^Source: [^.]*\./m.exec(text)?.[0] ?? '';
  const out: string[] = [];
  for (const m of text.matchAll(/\n## (Build scale[^\n]*?)( \(in progress\))?\n/g)) {
    const title = m[1]!;
    if (!args['no-scale'] && title === SCALE_TITLE) continue; // measured again now
    const next = text.indexOf('\n## ', m.index + 1);
    const body = text.slice(m.index + 1, next < 0 ? undefined : next + 1);
    if (body.includes('\nCarried over from ')) {
      out.push(body); // already labelled with the run that measured it
      continue;
    }
    const stopped = m[2]
      ? ' That run was stopped before its last scale finished; the rows shown are the scales it completed.'
      : '';
    out.push(
      body.replace(
        /^## [^\n]*\n/,
        `## ${title}\n\nCarried over from an earlier run: ${produced} ${source}${stopped}\n`,
      ),
    );
  }
  return out;
}

const carried = previousScales();
write();
sections.push(...carried);
if (!args['no-scale']) {
  if (!haveGnuTime()) {
    sections.push(
      `## Build scale\n\nSkipped: ${GNU_TIME} is missing (\`apt-get install time\`).\n`,
    );
  } else {
    log('calibrating pages per partner type');
    const fit = calibrate(log);
    log(`  ${fmt(fit.pagesPerType, 2)} pages per type + ${fmt(fit.fixedPages, 1)} fixed`);
    const rows: ScaleRow[] = [];
    for (const target of SCALES) {
      const runs = target >= 10_000 ? LARGE_RUNS : RUNS;
      log(`scale ~${fmt(target)} pages, ${runs} run(s) each`);
      // The smallest scale also builds the example kit alone: how much of it is fixed cost.
      rows.push(measureScale(target, runs, fit, log, target === SCALES[0]));
      json.scale = { fit, rows };
      write([scaleSection(rows, fit, false)]);
    }
    sections.push(scaleSection(rows, fit, true));
  }
}

emptyTrash();
const report = write();
process.stdout.write(report);
log(`written to ${join('bench', 'results', 'report.md')}`);
