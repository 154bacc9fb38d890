// The bench's reading of a build's threads (bench/thread-cpu.ts): which group each thread's CPU
// counts in, from the names /proc gives, and the CPU fields of a stat line.
import { describe, expect, it } from 'vitest';
import { parseTaskStat, threadGroup, type ThreadGroup } from '../../../bench/thread-cpu.ts';

describe("a build's threads", () => {
  it('reads the name, the parent and user + system ticks of a stat line, a name with spaces and parentheses included', () => {
    const line =
      '4242 (V8 DefaultWorke) S 4240 4240 100 0 -1 4194368 10 0 0 0 1234 56 0 0 20 0 1 0 1 1 1';
    expect(parseTaskStat(line)).toEqual({ name: 'V8 DefaultWorke', parent: 4240, ticks: 1290 });
    expect(parseTaskStat('7 (a (b) c) R 1 7 7 0 -1 0 0 0 0 0 3 4 0').ticks).toBe(7);
    expect(parseTaskStat('7 (a (b) c) R 1 7 7 0 -1 0 0 0 0 0 3 4 0').name).toBe('a (b) c');
  });

  it("puts each thread in its group: Node's main thread, workers, V8's and libuv's helpers, the bundler, Pagefind", () => {
    const cases: [proc: string, thread: string, isMain: boolean, group: ThreadGroup][] = [
      ['MainThread', 'MainThread', true, 'main'],
      ['node', 'node', true, 'main'],
      ['MainThread', 'WorkerThread', false, 'workers'],
      ['MainThread', 'V8Worker', false, 'gc'],
      ['node', 'V8 DefaultWorke', false, 'gc'],
      ['MainThread', 'libuv-worker', false, 'libuv'],
      ['MainThread', 'rolldown-worker', false, 'bundler'],
      ['esbuild', 'esbuild', true, 'bundler'],
      ['pagefind_extend', 'tokio-rt-worker', false, 'search'],
      ['pagefind_extend', 'pagefind_extend', true, 'search'],
      // the shell GNU time starts, and a thread of Node's that is none of the above
      ['sh', 'sh', true, 'other'],
      ['MainThread', 'SignalInspector', false, 'other'],
    ];
    for (const [proc, thread, isMain, group] of cases)
      expect(threadGroup(proc, thread, isMain), `${proc} / ${thread}`).toBe(group);
  });
});
