// One validated dataset per build. The build reads data/ from three places that do not share
// modules: the validation integration (loaded with astro.config.mjs), the pages' bundle and the
// ready decks. Parsing and validating every file is the costly part (seconds at thousands of
// partner types), so the first reader's result is kept on globalThis and reused while no source
// file changed.
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadData, type LoadResult } from './load-data.ts';

const SOURCES = ['data', 'content', 'templates', 'package.json'];
const KEY = Symbol.for('partnerkit.loadDataOnce');

type Memo = Map<string, { stamp: string; result: LoadResult }>;

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
  const g = globalThis as typeof globalThis & { [KEY]?: Memo };
  const memo: Memo = (g[KEY] ??= new Map() as Memo);
  const stamp = sourceStamp(root);
  const hit = memo.get(root);
  if (hit && hit.stamp === stamp) return hit.result;
  // The build validates here first: the default cases are checked against the bands too.
  const result = loadData(root, { checkCases: true });
  memo.set(root, { stamp, result });
  return result;
}
