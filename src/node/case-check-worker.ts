// The build's business-case check, on its own thread (src/node/case-diagnostics.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { caseDiagnostics, type CaseCheckDone, type CaseCheckJob } from './case-diagnostics.ts';

const { root, dataset, typeFiles } = workerData as CaseCheckJob;
let done: CaseCheckDone;
try {
  done = { diagnostics: caseDiagnostics(root, dataset, typeFiles) };
} catch (e) {
  done = { error: e instanceof Error ? e.message : String(e) };
}
parentPort!.postMessage(done);
