// The CPU one thread used, for the build's log: the decks' workers, the plausibility check's
// thread and the main thread each report their own (time on a thread includes waiting for a core).

/** CPU milliseconds (user and system) this thread used since `start` (a `process.threadCpuUsage()` reading), or since it began. */
export function threadCpuMs(start?: NodeJS.CpuUsage): number {
  const used = process.threadCpuUsage(start);
  return (used.user + used.system) / 1000;
}
