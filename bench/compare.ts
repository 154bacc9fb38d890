// `npm run bench:compare -- --base <ref>`: did a change make the build faster? Builds the same
// generated project (bench/build-scale.ts) at two commits, alternating, and prints the medians,
// the ratio and each pair's ratio. On a shared machine a single build's time moves by 20% or
// more from one minute to the next; alternating pairs see it in the same state.
//
//   npm run bench:compare -- --base 1b8a2a2                 HEAD against 1b8a2a2, ~100 pages, 5 pairs
//   npm run bench:compare -- --base main~3 --head main --pages 1000 --runs 3
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import {
  buildOnce,
  calibrate,
  discard,
  emptyTrash,
  extraTypesFor,
  median,
  partnerkitProject,
  REPO,
  useRef,
  type BuildMeasure,
  type Project,
} from './build-scale.ts';

const { values: args } = parseArgs({
  options: {
    base: { type: 'string' },
    head: { type: 'string', default: 'HEAD' },
    pages: { type: 'string', default: '100' },
    runs: { type: 'string', default: '5' },
  },
});
if (!args.base) {
  process.stderr.write(
    'Usage: npm run bench:compare -- --base <ref> [--head <ref>] [--pages 100] [--runs 5]\n',
  );
  process.exit(2);
}
const rev = (ref: string) =>
  execFileSync('git', ['rev-parse', '--short=12', ref], { cwd: REPO, encoding: 'utf8' }).trim();
const refs = { base: rev(args.base), head: rev(args.head) };
const runs = Math.max(1, Number(args.runs));
const log = (s: string) => process.stderr.write(`${s}\n`);

useRef(refs.head);
const fit = calibrate(log);
const extra = extraTypesFor(Number(args.pages), fit);
const projects: Record<'base' | 'head', Project> = {
  base: (useRef(refs.base), partnerkitProject(extra)),
  head: (useRef(refs.head), partnerkitProject(extra)),
};
const measured: Record<'base' | 'head', BuildMeasure[]> = { base: [], head: [] };
try {
  for (let i = 0; i < runs; i++) {
    for (const side of ['base', 'head'] as const) {
      const m = buildOnce(projects[side]);
      measured[side].push(m);
      log(
        `  ${side} ${refs[side]}: ${m.pages} pages (+ ${m.decks} decks), ${m.wall.toFixed(2)} s, CPU ${m.cpu.toFixed(1)} s`,
      );
    }
  }
} finally {
  for (const p of Object.values(projects)) discard(p.dir);
  emptyTrash();
}

const wall = (side: 'base' | 'head') => median(measured[side].map((m) => m.wall));
const cpu = (side: 'base' | 'head') => median(measured[side].map((m) => m.cpu));
const pairs = measured.head.map((m, i) => m.wall / measured.base[i]!.wall);
const pages = measured.head[0]!.pages;
process.stdout.write(
  [
    `Build of a generated ${pages}-page project (\`${projects.head.command}\`, cold), ${runs} alternating runs each:`,
    `- base ${refs.base}: median ${wall('base').toFixed(2)} s wall, ${cpu('base').toFixed(1)} s CPU`,
    `- head ${refs.head}: median ${wall('head').toFixed(2)} s wall, ${cpu('head').toFixed(1)} s CPU`,
    `- head / base: ${(wall('head') / wall('base')).toFixed(3)} wall, ${(cpu('head') / cpu('base')).toFixed(3)} CPU; pair by pair ${pairs.map((x) => x.toFixed(3)).join(', ')} (median ${median(pairs).toFixed(3)})`,
    '',
  ].join('\n'),
);
