// Node-only: how `npm run build` keeps the live site whole. Each build writes into a folder of
// its own under .partnerkit/builds/, and only a complete build is published: dist/ is a link to
// the last good build, replaced in one rename (atomic on POSIX), so dist/ always names a whole
// site, whatever fails and whenever the build is killed. One build at a time holds
// .partnerkit/build.lock; a lock left by a build that was killed is taken over.
import {
  closeSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeSync,
} from 'node:fs';
import { basename, isAbsolute, join, relative, resolve } from 'node:path';
import { faultPoint } from './fault-points.ts';

export const stateDir = (root: string) => join(root, '.partnerkit');
export const buildsDir = (root: string) => join(stateDir(root), 'builds');
export const distPath = (root: string) => join(root, 'dist');
const lockPath = (root: string) => join(stateDir(root), 'build.lock');
const currentPath = (root: string) => join(stateDir(root), 'current');

export interface LockHolder {
  pid: number;
  started: string;
}

export class BuildLockedError extends Error {
  readonly holder: LockHolder;
  constructor(holder: LockHolder) {
    super(
      `another build is running in this folder (process ${holder.pid}, started ${holder.started.slice(11, 19)} UTC): wait for it to finish, or stop it and build again. dist/ still holds the last good site.`,
    );
    this.holder = holder;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as { code?: string }).code === 'EPERM';
  }
}

function readHolder(root: string): LockHolder | undefined {
  try {
    const h = JSON.parse(readFileSync(lockPath(root), 'utf8')) as Partial<LockHolder>;
    return typeof h.pid === 'number' && typeof h.started === 'string'
      ? { pid: h.pid, started: h.started }
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Take the build lock, or throw BuildLockedError naming the build that holds it. The lock file
 * appears with its content in one step (written aside, then hard-linked into place), so another
 * build never reads a half-written one; a lock whose process is gone is stale and taken over.
 * Returns the release function.
 */
export function acquireBuildLock(root: string): () => void {
  mkdirSync(stateDir(root), { recursive: true });
  const mine: LockHolder = { pid: process.pid, started: new Date().toISOString() };
  const aside = join(stateDir(root), `build.lock.${process.pid}`);
  const fd = openSync(aside, 'w');
  writeSync(fd, JSON.stringify(mine));
  closeSync(fd);
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        linkSync(aside, lockPath(root));
        return () => {
          if (readHolder(root)?.pid === process.pid) rmSync(lockPath(root), { force: true });
        };
      } catch (e) {
        if ((e as { code?: string }).code !== 'EEXIST') throw e;
        const holder = readHolder(root);
        if (holder && holder.pid !== process.pid && alive(holder.pid))
          throw new BuildLockedError(holder);
        rmSync(lockPath(root), { force: true }); // left by a build that was killed
      }
    }
    throw new Error(`could not take the build lock ${relative(root, lockPath(root))}`);
  } finally {
    rmSync(aside, { force: true });
  }
}

/** The build dist/ names now (an absolute path), if dist/ is a link to one. */
export function currentBuild(root: string): string | undefined {
  try {
    if (!lstatSync(distPath(root)).isSymbolicLink()) return undefined;
    const target = readlinkSync(distPath(root));
    return isAbsolute(target) ? target : resolve(root, target);
  } catch {
    return undefined;
  }
}

const stamp = () => new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '');

/** A new, empty folder for one build's output. */
export function newBuildDir(root: string): string {
  const dir = join(buildsDir(root), `${stamp()}-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Write a small file in one step: aside, then renamed over the old one. */
function writeWhole(path: string, text: string) {
  const aside = `${path}.${process.pid}`;
  const fd = openSync(aside, 'w');
  writeSync(fd, text);
  closeSync(fd);
  renameSync(aside, path);
}

/**
 * Point dist/ at a complete build in one rename. A dist/ that is a real folder (built before
 * builds were published this way) is kept as a build first; that one-time move is the only
 * moment dist/ is absent, and `recoverDist` repairs it if the build dies right then.
 */
export function publish(root: string, build: string): void {
  const target = relative(root, build); // relative to the project, where the link will sit
  const next = join(stateDir(root), 'dist-next');
  rmSync(next, { force: true });
  symlinkSync(
    process.platform === 'win32' ? build : target,
    next,
    process.platform === 'win32' ? 'junction' : 'dir',
  );
  writeWhole(currentPath(root), target);
  faultPoint('link-made');
  let real: boolean;
  try {
    real = !lstatSync(distPath(root)).isSymbolicLink();
  } catch {
    real = false;
  }
  if (real) renameSync(distPath(root), join(buildsDir(root), `${stamp()}-earlier`));
  renameSync(next, distPath(root));
  faultPoint('published');
}

/**
 * Repair what a killed build can leave: dist/ missing (killed during the one-time move of a
 * real dist/ folder) is linked to the last published build again.
 */
export function recoverDist(root: string): void {
  try {
    lstatSync(distPath(root));
    return;
  } catch {
    // dist/ is missing
  }
  let target: string;
  try {
    target = readFileSync(currentPath(root), 'utf8').trim();
    if (!statSync(resolve(root, target)).isDirectory()) return;
  } catch {
    return;
  }
  const next = join(stateDir(root), 'dist-next');
  rmSync(next, { force: true });
  symlinkSync(target, next, 'dir');
  renameSync(next, distPath(root));
}

/**
 * Delete the builds nothing needs: every folder under .partnerkit/builds/ but those in `keep`
 * (the published one, and after publishing the one before it, which a server may still be
 * sending a file from), with what killed builds left behind. Call with the lock held.
 */
export function removeOldBuilds(root: string, keep: readonly (string | undefined)[]): void {
  const kept = new Set(keep.filter((k) => k !== undefined).map((k) => basename(k)));
  let names: string[];
  try {
    names = readdirSync(buildsDir(root));
  } catch {
    return;
  }
  for (const name of names)
    if (!kept.has(name)) rmSync(join(buildsDir(root), name), { recursive: true, force: true });
  rmSync(join(stateDir(root), 'dist-next'), { force: true });
  // The ready decks' working folders (src/integrations/ready-decks.ts), one per build.
  const decks = join(root, 'node_modules', '.astro', 'partnerkit-decks');
  try {
    for (const name of readdirSync(decks))
      if (name.startsWith('20') && !kept.has(name))
        rmSync(join(decks, name), { recursive: true, force: true });
  } catch {
    // none yet
  }
}
