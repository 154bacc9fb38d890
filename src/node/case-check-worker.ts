// The build's business-case check, on its own thread (src/node/case-diagnostics.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { checkedCaseCount } from '../core/business-case/case-checks.ts';
import { caseDiagnostics, type CaseCheckDone, type CaseCheckJob } from './case-diagnostics.ts';
import { threadCpuMs } from './thread-cpu.ts';

const { root, dataset, typeFiles } = workerData as CaseCheckJob;
let done: CaseCheckDone;
try {
  const t0 = performance.now();
  const cpu0 = process.threadCpuUsage();
  const diagnostics = caseDiagnostics(root, dataset, typeFiles);
  done = {
    diagnostics,
    cases: checkedCaseCount(dataset),
    ms: performance.now() - t0,
    cpuMs: threadCpuMs(cpu0),
  };
} catch (e) {
  done = { error: e instanceof Error ? e.message : String(e) };
}
parentPort!.postMessage(done);
