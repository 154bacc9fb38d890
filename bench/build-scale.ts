// Build scale: generate Partnerkit projects with N synthetic partner types, and bare Astro
// projects with the same number of plain Markdown pages, build each in a temp folder, and
// measure wall time and peak memory with GNU time (`/usr/bin/time`, Debian package `time`).
//
// A generated project is a copy of this repo (src/, data/, content/, templates/, public/,
// config) plus clones of the real partner types (and of their playbook MDX, when there is
// one) under new ids, so every generated page is a real page with real content. Verticals and
// segments are the repo's own. It must validate: the generator checks it with the same loader
// the build uses and stops on any error.
import { execFileSync, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parse as parseYaml, stringify } from 'yaml';
import { filesUnder, htmlPages } from '../test/helpers/dist-files.ts';
import { loadData } from '../src/node/load-data.ts';
import { formatDiagnostic } from '../src/core/diagnostics.ts';
import { buildLogFigures, type BuildLogFigures } from './build-log.ts';
import { otherCores, readCpuTimes } from './host-load.ts';
import {
  THREAD_CPU_SCRIPT,
  THREAD_GROUPS,
  type ThreadCpu,
  type ThreadCpuFile,
  type ThreadGroup,
} from './thread-cpu.ts';

export const REPO = join(import.meta.dirname, '..');
export const GNU_TIME = '/usr/bin/time';
const COPY = [
  'src',
  'data',
  'content',
  'templates',
  'public',
  'astro.config.mjs',
  'tsconfig.json',
  'package.json',
];
/** Folders Astro and Vite write caches into: never shared between projects. */
const PRIVATE_MODULES = new Set(['.astro', '.vite', '.cache']);

/**
 * A node_modules whose entries link to the repo's, so packages resolve to the installed copies
 * while Astro's caches (`node_modules/.astro`) stay private to the generated project.
 */
function linkNodeModules(dir: string) {
  const nm = join(dir, 'node_modules');
  mkdirSync(nm);
  for (const name of readdirSync(join(REPO, 'node_modules'))) {
    if (!PRIVATE_MODULES.has(name)) symlinkSync(join(REPO, 'node_modules', name), join(nm, name));
  }
}

/**
 * Where the bench puts what it would delete between builds: a folder, emptied by `emptyTrash()`
 * when the bench ends. On ext4, a file created within seconds of thousands being deleted costs
 * several times more (the inode allocator skips the recently freed ones), so deleting dist/ just
 * before a cold build made every build slower, and more so run after run: a bare 1,000-page
 * build went from 3.5 s to 5.9 s over five runs. Moved aside, each build starts as a fresh
 * clone's would.
 */
let trash: string | undefined;
let trashed = 0;

/** Move `path` out of the way (it is deleted by `emptyTrash()`); nothing happens if it does not exist. */
export function discard(path: string) {
  if (!existsSync(path)) return;
  if (!trash) {
    trash = mkdtempSync(join(tmpdir(), 'pk-bench-trash-'));
    process.once('exit', emptyTrash); // also when a build fails and the bench stops
  }
  try {
    renameSync(path, join(trash, String(trashed++)));
  } catch {
    rmSync(path, { recursive: true, force: true }); // another file system: delete it now
  }
}

/** Delete everything discarded so far: once, when no build is being timed. */
export function emptyTrash() {
  if (trash) rmSync(trash, { recursive: true, force: true });
  trash = undefined;
}

export interface Project {
  dir: string;
  /** The build command, as in package.json (for the report). */
  command: string;
  /** Partner types in the project (0 for a bare Astro project). */
  types: number;
}

/**
 * Which tree the bench copies: the working tree (default), or a commit (`--ref HEAD`), so a
 * long run is not upset by files that are half-edited while it runs.
 */
let sourceRef: string | undefined;
export const useRef = (ref: string | undefined) => {
  sourceRef = ref;
};

/** This repo as it is (or at `sourceRef`), in a temp folder (so a build never touches the shared dist/). */
export function copyRepo(prefix = 'pk-bench-'): Project {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  if (sourceRef) {
    const tar = execFileSync(
      'git',
      ['archive', '--format=tar', sourceRef, ...COPY.filter((f) => existsSync(join(REPO, f)))],
      { cwd: REPO, maxBuffer: 1024 * 1024 * 1024 },
    );
    execFileSync('tar', ['-x', '-C', dir], { input: tar });
  } else {
    for (const f of COPY)
      if (existsSync(join(REPO, f))) cpSync(join(REPO, f), join(dir, f), { recursive: true });
  }
  linkNodeModules(dir);
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const types = readdirSync(join(dir, 'data', 'partner-types')).filter(
    (f) => /\.ya?ml$/.test(f) && !f.startsWith('_'),
  ).length;
  return { dir, command: pkg.scripts.build!, types };
}

/** A Partnerkit project with `extra` synthetic partner types added to the repo's own. */
export function partnerkitProject(extra: number): Project {
  const project = copyRepo();
  const typesDir = join(project.dir, 'data', 'partner-types');
  const playbooks = join(project.dir, 'content', 'playbooks');
  const templates = readdirSync(typesDir)
    .filter((f) => /\.ya?ml$/.test(f) && !f.startsWith('_'))
    .sort()
    .map((f) => ({
      id: basename(f).replace(/\.ya?ml$/, ''),
      text: readFileSync(join(typesDir, f), 'utf8'),
    }));
  const clones = new Map<string, string[]>();
  for (let i = 0; i < extra; i++) {
    const t = templates[i % templates.length]!;
    const id = `${t.id}-s${String(i + 1).padStart(5, '0')}`;
    clones.set(t.id, [...(clones.get(t.id) ?? []), id]);
    const data = parseYaml(t.text) as { id: string; name: string; aliases?: string[] };
    data.id = id;
    data.name = `${data.name} ${i + 1}`;
    // An alias names one type only (validate refuses a shared one): numbered like the name.
    data.aliases = (data.aliases ?? []).map((a) => `${a} ${i + 1}`);
    writeFileSync(join(typesDir, `${id}.yaml`), stringify(data, { lineWidth: 0 }));
    for (const ext of ['mdx', 'md']) {
      const narrative = join(playbooks, `${t.id}.${ext}`);
      if (existsSync(narrative)) {
        const text = readFileSync(narrative, 'utf8').replace(
          /^(---\r?\n[\s\S]*?^type:\s*)(\S+)/m,
          `$1${id}`,
        );
        writeFileSync(join(playbooks, `${id}.${ext}`), text);
      }
    }
  }
  joinTemplatesMetrics(project.dir, clones);
  const { dataset, diagnostics } = loadData(project.dir);
  if (!dataset) {
    throw new Error(
      `The generated project in ${project.dir} does not validate:\n${diagnostics
        .filter((d) => d.severity === 'error')
        .slice(0, 20)
        .map(formatDiagnostic)
        .join('\n')}`,
    );
  }
  return { ...project, types: dataset.partnerTypes.length };
}

/**
 * A clone produces the program metrics its template produces (vendor.yaml's `program.metrics[]
 * .producedBy` lists name types), so it stands in the program as its template does: without
 * this, every clone would be locked out of the revenue-gated tiers and warned about, and the
 * bench would measure cases unlike the real types'.
 */
function joinTemplatesMetrics(dir: string, clones: Map<string, string[]>) {
  const vendor = join(dir, 'data', 'vendor.yaml');
  const text = readFileSync(vendor, 'utf8').replace(
    /^(\s*producedBy:\s*)\[([^\]\n]*)\]/gm,
    (_, head: string, list: string) => {
      const ids = list
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      return `${head}[${[...ids, ...ids.flatMap((id) => clones.get(id) ?? [])].join(', ')}]`;
    },
  );
  writeFileSync(vendor, text);
}

/** A bare Astro 7 project: `count` plain Markdown pages, no integration, no layout. */
export function bareProject(count: number): Project {
  const dir = mkdtempSync(join(tmpdir(), 'pk-bench-bare-'));
  mkdirSync(join(dir, 'src', 'pages'), { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'bare', private: true, type: 'module' }),
  );
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    "import { defineConfig } from 'astro/config';\nexport default defineConfig({ output: 'static' });\n",
  );
  linkNodeModules(dir);
  for (let i = 0; i < count; i++) {
    const n = String(i).padStart(5, '0');
    writeFileSync(
      join(dir, 'src', 'pages', `page-${n}.md`),
      `---\ntitle: Page ${n}\n---\n\n# Page ${n}\n\nA plain Markdown page with a [link](/page-00000/) and some **bold** text.\n\n- one\n- two\n- three\n\n## Section\n\n${'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(6)}\n`,
    );
  }
  return { dir, command: 'astro build', types: 0 };
}

/** One build, and what its log says about its threads (all 0 for bare Astro). */
export interface BuildMeasure extends BuildLogFigures {
  /** Seconds, wall clock. */
  wall: number;
  /** Peak resident memory of the build's largest process, MB (GNU time %M). */
  peakMb: number;
  /** HTML pages in dist/. */
  pages: number;
  /** Ready decks (.pptx) the build wrote besides the pages. */
  decks: number;
  /** CPU seconds (user + system) of the build and the processes it waited for: work done, whatever the parallelism. */
  cpu: number;
  /** Cores the rest of the machine kept busy meanwhile, on average (bench/host-load.ts; 0 off Linux). */
  otherCores: number;
  /** CPU seconds by group of threads (bench/thread-cpu.ts; undefined off Linux). */
  threads?: ThreadCpu;
}

/** Run the project's build once from a cold cache, under GNU time. */
export function buildOnce(project: Project): BuildMeasure {
  for (const d of [
    'dist',
    '.partnerkit',
    '.astro',
    join('node_modules', '.astro'),
    join('node_modules', '.vite'),
  ])
    discard(join(project.dir, d));
  const timeFile = join(project.dir, '.time');
  const threadFile = join(project.dir, '.threads.json');
  discard(threadFile);
  const env = {
    ...process.env,
    PATH: `${join(project.dir, 'node_modules', '.bin')}:${process.env.PATH}`,
    ASTRO_TELEMETRY_DISABLED: '1',
  };
  const before = readCpuTimes();
  const r = spawnSync(
    GNU_TIME,
    // bench/thread-cpu.ts starts the build and reads its threads' CPU from /proc as it runs.
    [
      '-f',
      '%e %M %U %S',
      '-o',
      timeFile,
      process.execPath,
      THREAD_CPU_SCRIPT,
      threadFile,
      'sh',
      '-c',
      project.command,
    ],
    { cwd: project.dir, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
  );
  const after = readCpuTimes();
  if (r.status !== 0)
    throw new Error(
      `build failed in ${project.dir} (exit ${r.status}):\n${(r.stderr || r.stdout).slice(-4000)}`,
    );
  const [wall, kb, user, sys] = readFileSync(timeFile, 'utf8')
    .trim()
    .split('\n')
    .pop()!
    .split(' ')
    .map(Number);
  const dist = join(project.dir, 'dist');
  const threads = existsSync(threadFile)
    ? (JSON.parse(readFileSync(threadFile, 'utf8')) as ThreadCpuFile)
    : undefined;
  const cpu = user! + sys! - (threads?.watcher ?? 0);
  return {
    wall: wall!,
    peakMb: kb! / 1024,
    pages: htmlPages(dist).length,
    decks: filesUnder(dist, (f) => f.endsWith('.pptx')).length,
    cpu,
    otherCores: before && after ? otherCores(before, after, user! + sys!, wall!) : 0,
    threads: threads?.cpu,
    ...buildLogFigures(`${r.stdout}\n${r.stderr}`),
  };
}

/** True when GNU time is installed (it is not part of a minimal Debian). */
export function haveGnuTime(): boolean {
  try {
    execFileSync(GNU_TIME, ['-f', '%e', 'true'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** Each group's median CPU over the runs, when every run read its threads. */
function medianThreads(runs: BuildMeasure[]): { threads?: ThreadCpu } {
  const read = runs.map((r) => r.threads);
  if (!read.length || read.some((t) => !t)) return {};
  const groups = Object.keys(THREAD_GROUPS) as ThreadGroup[];
  return {
    threads: Object.fromEntries(
      groups.map((g) => [g, median(read.map((t) => t![g]))]),
    ) as ThreadCpu,
  };
}

export interface ScaleRow {
  target: number;
  runs: number;
  partnerkit: {
    pages: number;
    decks: number;
    deckWorkers: number;
    types: number;
    wall: number;
    cpu: number;
    /** Of `cpu`: the decks' and the plausibility check's worker threads, the main thread (medians). */
    deckCpu: number;
    checkCpu: number;
    mainCpu: number;
    peakMb: number;
    command: string;
    /** CPU by group of threads (medians of each group; bench/thread-cpu.ts), where read. */
    threads?: ThreadCpu;
  };
  bare: {
    pages: number;
    wall: number;
    cpu: number;
    peakMb: number;
    command: string;
    threads?: ThreadCpu;
  };
  /**
   * Per-page time ratio, Partnerkit / bare, of each Partnerkit build and the bare build right
   * after it: pairs taken minutes apart on a shared machine drift together, so their ratios
   * spread less than the walls do.
   */
  pairedRatios: number[];
  /** Cores the rest of the machine kept busy during each build, run by run (BuildMeasure.otherCores). */
  otherCores: { partnerkit: number[]; bare: number[] };
  /**
   * The repo's example kit as it is (no synthetic types), built in the same alternation: a
   * Partnerkit build with as few pages as a kit has, so its time is mostly fixed costs.
   */
  floor?: { pages: number; decks: number; wall: number; cpu: number };
}

/**
 * Build Partnerkit and bare Astro at about `target` pages, `runs` times each (alternating, so
 * machine load hits both alike), and report medians. The number of synthetic types is chosen
 * from a linear fit of pages against types (`pagesPerType`, `fixedPages`).
 */
export interface PageFit {
  pagesPerType: number;
  fixedPages: number;
  /** Partner types the repo's own data has. */
  baseTypes: number;
}

/** Synthetic partner types to add for about `target` pages, from `calibrate()`'s fit. */
export const extraTypesFor = (target: number, fit: PageFit): number =>
  Math.max(0, Math.round((target - fit.fixedPages) / fit.pagesPerType) - fit.baseTypes);

export function measureScale(
  target: number,
  runs: number,
  fit: PageFit,
  log: (s: string) => void,
  withFloor = false,
): ScaleRow {
  const pk = partnerkitProject(extraTypesFor(target, fit));
  const kit = withFloor ? partnerkitProject(0) : undefined;
  const pkRuns: BuildMeasure[] = [];
  let bare: Project | undefined;
  const bareRuns: BuildMeasure[] = [];
  const kitRuns: BuildMeasure[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const a = buildOnce(pk);
      pkRuns.push(a);
      log(
        `  partnerkit ${a.pages} pages: ${a.wall.toFixed(1)} s, ${a.peakMb.toFixed(0)} MB, others ${a.otherCores.toFixed(2)} cores`,
      );
      bare ??= bareProject(a.pages);
      const b = buildOnce(bare);
      bareRuns.push(b);
      log(
        `  bare astro ${b.pages} pages: ${b.wall.toFixed(1)} s, ${b.peakMb.toFixed(0)} MB, others ${b.otherCores.toFixed(2)} cores`,
      );
      if (kit) {
        const k = buildOnce(kit);
        kitRuns.push(k);
        log(`  example kit ${k.pages} pages: ${k.wall.toFixed(1)} s`);
      }
    }
  } finally {
    for (const p of [pk, kit, bare]) if (p) discard(p.dir);
  }
  return {
    target,
    runs,
    partnerkit: {
      pages: pkRuns[0]!.pages,
      decks: pkRuns[0]!.decks,
      deckWorkers: pkRuns[0]!.deckWorkers,
      types: pk.types,
      wall: median(pkRuns.map((r) => r.wall)),
      cpu: median(pkRuns.map((r) => r.cpu)),
      deckCpu: median(pkRuns.map((r) => r.deckCpu)),
      checkCpu: median(pkRuns.map((r) => r.checkCpu)),
      mainCpu: median(pkRuns.map((r) => r.mainCpu)),
      peakMb: median(pkRuns.map((r) => r.peakMb)),
      command: pk.command,
      ...medianThreads(pkRuns),
    },
    bare: {
      pages: bareRuns[0]!.pages,
      wall: median(bareRuns.map((r) => r.wall)),
      cpu: median(bareRuns.map((r) => r.cpu)),
      peakMb: median(bareRuns.map((r) => r.peakMb)),
      command: bare!.command,
      ...medianThreads(bareRuns),
    },
    pairedRatios: pkRuns.map((a, i) => a.wall / a.pages / (bareRuns[i]!.wall / bareRuns[i]!.pages)),
    otherCores: {
      partnerkit: pkRuns.map((r) => r.otherCores),
      bare: bareRuns.map((r) => r.otherCores),
    },
    ...(kitRuns.length
      ? {
          floor: {
            pages: kitRuns[0]!.pages,
            decks: kitRuns[0]!.decks,
            wall: median(kitRuns.map((r) => r.wall)),
            cpu: median(kitRuns.map((r) => r.cpu)),
          },
        }
      : {}),
  };
}

/** Pages per partner type and fixed pages, from two small builds (a straight line through them). */
export function calibrate(log: (s: string) => void): PageFit {
  const small = [0, 4].map((extra) => {
    const p = partnerkitProject(extra);
    try {
      const m = buildOnce(p);
      log(`  calibration: ${p.types} types -> ${m.pages} pages (${m.wall.toFixed(1)} s)`);
      return { types: p.types, pages: m.pages };
    } finally {
      discard(p.dir);
    }
  });
  const [a, b] = small as [{ types: number; pages: number }, { types: number; pages: number }];
  const pagesPerType = (b.pages - a.pages) / (b.types - a.types);
  return { pagesPerType, fixedPages: a.pages - pagesPerType * a.types, baseTypes: a.types };
}
