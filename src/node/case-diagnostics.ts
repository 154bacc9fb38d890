// The plausibility-band check of every type x vertical x segment default case
// (src/core/business-case/case-checks.ts), with each finding placed on its type's file.
// `partnerkit validate` runs it in line; `npm run build` runs it on a worker thread beside the
// pages (src/node/case-check-worker.ts): its findings are warnings, never a reason to stop, and
// it runs thousands of cases at thousands of types, work the main thread need not wait for.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { Worker } from 'node:worker_threads';
import { caseFindings } from '../core/business-case/case-checks.ts';
import type { Dataset } from '../core/dataset.ts';
import type { Diagnostic } from '../core/diagnostics.ts';
import { parseYaml, place, type ParsedYaml } from './yaml-source.ts';

/**
 * The findings on `dataset`, placed in `typeFiles` (one per partner type, in the dataset's
 * order). `parsedOf` gives a file already parsed; otherwise the file is read again, once, only
 * for a type with a finding (a type may have one per vertical and segment).
 */
export function caseDiagnostics(
  root: string,
  dataset: Dataset,
  typeFiles: readonly string[],
  parsedOf: (index: number) => ParsedYaml | undefined = () => undefined,
): Diagnostic[] {
  const reread = new Map<number, ParsedYaml>();
  const parsedFile = (type: number, path: string): ParsedYaml => {
    let parsed = parsedOf(type) ?? reread.get(type);
    if (!parsed)
      reread.set(
        type,
        (parsed = parseYaml(relative(root, path) || path, readFileSync(path, 'utf8'))),
      );
    return parsed;
  };
  return caseFindings(dataset).flatMap(({ type, finding }) => {
    const path = typeFiles[type];
    return path === undefined ? [] : [place(parsedFile(type, path), finding)];
  });
}

export interface CaseCheckJob {
  root: string;
  dataset: Dataset;
  typeFiles: readonly string[];
}

/** The findings; `cases`: default cases run; `ms`: the thread's time for them, `cpuMs` its CPU. */
export interface CaseCheckResult {
  diagnostics: Diagnostic[];
  cases: number;
  ms: number;
  cpuMs: number;
}

export type CaseCheckDone = CaseCheckResult | { error: string };

const WORKER = new URL('./case-check-worker.ts', import.meta.url);

/**
 * `caseDiagnostics` on a worker thread. `result` rejects if the check throws or the thread dies;
 * `stop()` ends the thread early (a build that failed no longer needs its warnings).
 */
export function caseDiagnosticsOffThread(job: CaseCheckJob): {
  result: Promise<CaseCheckResult>;
  stop: () => void;
} {
  const worker = new Worker(WORKER, { workerData: job });
  const result = new Promise<CaseCheckResult>((resolve, reject) => {
    let settled = false;
    worker.once('message', (done: CaseCheckDone) => {
      settled = true;
      if ('error' in done) reject(new Error(done.error));
      else resolve(done);
      void worker.terminate();
    });
    worker.once('error', (e) => {
      settled = true;
      reject(e instanceof Error ? e : new Error(String(e)));
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the business-case check stopped (exit code ${code})`));
    });
  });
  result.catch(() => {}); // reported by whoever awaits it
  return { result, stop: () => void worker.terminate() };
}
