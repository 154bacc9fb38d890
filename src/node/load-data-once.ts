// One validated dataset per build. The build reads data/ first (`npm run build`, then the
// partnerkit() integration's validation, both in the process's own module graph), and the ready
// decks read it again; parsing and validating every file is the costly part (seconds at
// thousands of partner types), so the first reader's result is kept here, in this module, and
// reused while no source file changed. Pages never call this: they get the validated dataset
// from the integration (virtual:partnerkit/dataset, src/integrations/dataset-module.ts).
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadData, type LoadResult } from './load-data.ts';

const SOURCES = ['data', 'content', 'templates', 'package.json'];

/** The last result per project root, with the sources' stamp it was read at. */
const memo = new Map<string, { stamp: string; result: LoadResult }>();

/** Path, size and modification time of every source file: cheap next to parsing them. */
export function sourceStamp(root: string): string {
  const parts: string[] = [];
  const visit = (path: string) => {
    let st;
    try {
      st = statSync(path);
    } catch {
      return;
    }
    if (st.isDirectory()) for (const name of readdirSync(path).sort()) visit(join(path, name));
    else parts.push(`${path}\0${st.size}\0${st.mtimeMs}`);
  };
  for (const s of SOURCES) visit(join(root, s));
  return parts.join('\n');
}

/** `loadData(root)`, computed once per process for unchanged sources. Treat the result as read-only. */
export function loadDataOnce(root: string): LoadResult {
  root = resolve(root); // config.root ends in a slash, process.cwd() does not: one key for both
  const stamp = sourceStamp(root);
  const hit = memo.get(root);
  if (hit && hit.stamp === stamp) return hit.result;
  // The default cases' band check is not run here: the build runs it on a worker thread beside
  // the pages (src/node/case-diagnostics.ts), `partnerkit validate` in line.
  const result = loadData(root);
  memo.set(root, { stamp, result });
  return result;
}
