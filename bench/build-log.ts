// What a Partnerkit build's log says about its worker threads: the CPU its ready decks and its
// business-case plausibility check took (src/integrations/ready-decks.ts and
// src/cli/commands/build.ts print them), so the bench can say where the build's CPU went.

/**
 * The CPU seconds the build's log gives for its decks, its plausibility check and its main thread
 * (0 when absent).
 */
export function workerCpu(log: string): { deckCpu: number; checkCpu: number; mainCpu: number } {
  const num = (re: RegExp) => Number(re.exec(log)?.[1] ?? 0);
  return {
    deckCpu: num(/s on the workers, ([\d.]+) s of CPU/),
    checkCpu: num(/s on a worker thread, ([\d.]+) s of CPU/),
    mainCpu: num(/main thread: ([\d.]+) s of CPU/),
  };
}
