import { cpSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

export const REPO = join(import.meta.dirname, '..', '..');

const SKIP = new Set([
  'node_modules',
  'dist',
  '.partnerkit',
  '.git',
  '.astro',
  'tmp',
  'test-results',
]);

/**
 * A throw-away copy of the project (sources, data, content; no node_modules, dist or .git) whose
 * node_modules holds a link to each installed package. The folder itself is real, so Astro's and
 * Vite's caches (node_modules/.astro, node_modules/.vite) stay inside the copy and never clash
 * with another build.
 */
export function repoCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pk-repo-'));
  cpSync(REPO, dir, {
    recursive: true,
    filter: (src) => {
      const rel = relative(REPO, src);
      return !rel || !SKIP.has(rel.split(/[\\/]/)[0]!);
    },
  });
  const modules = join(dir, 'node_modules');
  mkdirSync(modules);
  for (const name of readdirSync(join(REPO, 'node_modules'))) {
    if (name === '.astro' || name === '.vite' || name === '.cache') continue;
    symlinkSync(join(REPO, 'node_modules', name), join(modules, name));
  }
  return dir;
}
