// What else the machine did while a build ran. Partnerkit renders its decks on a second core and
// bare Astro builds on one, so their ratio depends on how much of the second core the host
// leaves free: the same commit measured 1.19x and 1.56x at ~10,000 pages an hour apart. Each
// build records the CPU the rest of the machine used meanwhile (other processes, and time the
// hypervisor gave to other machines), so a ratio can be read with the load it was taken under.
import { readFileSync } from 'node:fs';

/** Seconds of CPU the whole machine spent, summed over its cores, since it booted. */
export interface CpuTimes {
  /** Running anything: user, nice, system, interrupts. */
  busy: number;
  /** Taken by the hypervisor for other virtual machines while this one wanted to run. */
  steal: number;
}

/**
 * The first line of /proc/stat ("cpu  user nice system idle iowait irq softirq steal ..."), in
 * clock ticks (`ticksPerSecond`: USER_HZ, 100 on Linux); idle and iowait are not busy.
 */
export function parseProcStat(text: string, ticksPerSecond = 100): CpuTimes {
  const line = text.split('\n').find((l) => l.startsWith('cpu '));
  if (!line) throw new Error('/proc/stat has no "cpu" line');
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = line
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number);
  return {
    busy: (user + nice + system + irq + softirq) / ticksPerSecond,
    steal: steal / ticksPerSecond,
  };
}

/** The machine's CPU times now; undefined where there is no /proc/stat (not Linux). */
export function readCpuTimes(): CpuTimes | undefined {
  try {
    return parseProcStat(readFileSync('/proc/stat', 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Cores the rest of the machine kept busy, on average, while a build ran `wall` seconds and used
 * `buildCpu` seconds of CPU itself: the machine's busy time less the build's, plus stolen time.
 * Never below 0 (the two clocks tick in different units, so a quiet machine can read -0.01).
 */
export function otherCores(
  before: CpuTimes,
  after: CpuTimes,
  buildCpu: number,
  wall: number,
): number {
  if (!(wall > 0)) return 0;
  const others = after.busy - before.busy - buildCpu + (after.steal - before.steal);
  return Math.max(0, others / wall);
}
