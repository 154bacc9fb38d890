// Where a build's CPU went, thread by thread, on Linux: the build's log gives its main thread,
// deck workers and plausibility check, but not what runs beside them (V8's garbage-collector
// helpers, libuv's file-system and zlib threads, the bundler, Pagefind's indexing process),
// which GNU time lumps into one figure. Run as a wrapper around the build
// (`node bench/thread-cpu.ts <out.json> <command> [args...]`), it starts the command, reads
// /proc/<pid>/task/<tid>/stat for the command and every process under it every 200 ms, and
// writes the CPU of each group below. A thread that starts and ends between two readings is
// missed, so the groups can add up to less than GNU time's total: the report says how much.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';

/** The groups a build's threads fall into, in the order the report lists them. */
export const THREAD_GROUPS = {
  main: "the main thread (Astro's pages, validation, bundling)",
  workers: 'worker threads (ready decks, plausibility check)',
  gc: "V8's helper threads (garbage collection, compiling)",
  libuv: "libuv's threads (file writes, zlib)",
  bundler: 'the bundler (Rolldown, esbuild)',
  search: "the search indexer (Pagefind's process)",
  other: 'other threads and processes',
} as const;
export type ThreadGroup = keyof typeof THREAD_GROUPS;
export type ThreadCpu = Record<ThreadGroup, number>;
/** What the watcher writes: each group's CPU seconds, and its own. */
export interface ThreadCpuFile {
  cpu: ThreadCpu;
  watcher: number;
}
/** This file, to run as the wrapper. */
export const THREAD_CPU_SCRIPT = import.meta.filename;

/** A thread's group, from its process's name and its own (as /proc gives them, 15 characters at most). */
export function threadGroup(processName: string, threadName: string, isMain: boolean): ThreadGroup {
  if (processName.startsWith('pagefind')) return 'search';
  if (processName === 'esbuild' || threadName.startsWith('rolldown')) return 'bundler';
  if (threadName.startsWith('V8') || threadName.startsWith('DelayedTask')) return 'gc';
  if (threadName.startsWith('libuv')) return 'libuv';
  if (threadName === 'WorkerThread') return 'workers';
  if (isMain && (processName === 'node' || processName === 'MainThread')) return 'main';
  return 'other';
}

/** A /proc stat line: its name (in parentheses, which may hold spaces), parent and CPU ticks. */
export function parseTaskStat(text: string): { name: string; parent: number; ticks: number } {
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  const fields = text.slice(close + 2).split(' ');
  // After the name: state (0), ppid (1), ... utime (11), stime (12).
  return {
    name: text.slice(open + 1, close),
    parent: Number(fields[1]),
    ticks: Number(fields[11]) + Number(fields[12]),
  };
}

const read = (path: string) => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined; // gone since it was listed
  }
};

/** Every process under `root` (and `root`), with its name. */
function processTree(root: number): Map<number, string> {
  const children = new Map<number, number[]>();
  const names = new Map<number, string>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = read(`/proc/${entry}/stat`);
    if (!stat) continue;
    const { name, parent } = parseTaskStat(stat);
    names.set(Number(entry), name);
    children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
  }
  const tree = new Map<number, string>();
  const todo = [root];
  while (todo.length) {
    const pid = todo.pop()!;
    tree.set(pid, names.get(pid) ?? '?');
    todo.push(...(children.get(pid) ?? []));
  }
  return tree;
}

/** Clock ticks per second of /proc's CPU fields (USER_HZ: 100 on Linux). */
const TICKS = 100;

async function watch(out: string, command: string, args: string[]): Promise<number> {
  const child = spawn(command, args, { stdio: 'inherit' });
  const exited = new Promise<number>((resolve) =>
    child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0))),
  );
  // Without /proc (not Linux) the command runs unwatched and no file is written: the bench
  // then reports no thread breakdown rather than a table of zeros.
  if (!existsSync('/proc/self/task')) return exited;
  const last = new Map<string, { group: ThreadGroup; ticks: number }>();
  const sample = () => {
    if (child.pid === undefined) return;
    for (const [pid, processName] of processTree(child.pid)) {
      let tids: string[];
      try {
        tids = readdirSync(`/proc/${pid}/task`);
      } catch {
        continue;
      }
      for (const tid of tids) {
        const stat = read(`/proc/${pid}/task/${tid}/stat`);
        if (!stat) continue;
        const t = parseTaskStat(stat);
        last.set(`${pid}/${tid}`, {
          group: threadGroup(processName, t.name, tid === String(pid)),
          ticks: t.ticks,
        });
      }
    }
  };
  const timer = setInterval(sample, 200);
  const code = await exited;
  clearInterval(timer);
  const cpu = Object.fromEntries(Object.keys(THREAD_GROUPS).map((g) => [g, 0])) as ThreadCpu;
  for (const { group, ticks } of last.values()) cpu[group] += ticks / TICKS;
  // This watcher runs under GNU time too: its own CPU, for the bench to take out of the build's.
  const self = process.cpuUsage();
  writeFileSync(out, JSON.stringify({ cpu, watcher: (self.user + self.system) / 1e6 }));
  return code;
}

if (import.meta.main) {
  const [out, command, ...args] = process.argv.slice(2);
  if (!out || !command) {
    process.stderr.write('Usage: node bench/thread-cpu.ts <out.json> <command> [args...]\n');
    process.exit(2);
  }
  process.exitCode = await watch(out, command, args);
}
