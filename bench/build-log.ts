// What a Partnerkit build's log says about its threads: how many the ready decks were rendered
// on, and the CPU the decks, the business-case plausibility check and the main thread took
// (src/integrations/ready-decks.ts and src/cli/commands/build.ts print them), so the bench can
// say where the build's CPU went. A bare Astro build's log gives none of them: all 0.

export interface BuildLogFigures {
  /** Worker threads the build rendered its ready decks on. */
  deckWorkers: number;
  /** CPU seconds the ready decks took on their worker threads. */
  deckCpu: number;
  /** CPU seconds of the business-case plausibility check on its thread. */
  checkCpu: number;
  /** CPU seconds of the build's main thread (validation, bundling, the pages). */
  mainCpu: number;
}

export function buildLogFigures(log: string): BuildLogFigures {
  const num = (re: RegExp) => Number(re.exec(log)?.[1] ?? 0);
  return {
    deckWorkers: num(/ready deck\(s\) on (\d+) worker thread/),
    deckCpu: num(/s on the workers, ([\d.]+) s of CPU/),
    checkCpu: num(/s on a worker thread, ([\d.]+) s of CPU/),
    mainCpu: num(/main thread: ([\d.]+) s of CPU/),
  };
}
