// Node-only: write a deck file safely. Never overwrites without `force`, and never leaves a
// half-written file: the bytes go to a hidden temporary file in the same folder (same file
// system), are flushed to disk, then renamed over the target in one step. If the process dies
// mid-write, the target is either untouched or complete; at worst a `.name.*.tmp` file remains.
//
// Tests kill the writer at each step through `PARTNERKIT_WRITE_FAULT=kill:<step>` (as `kill -9`
// would): `temp-opened`, `half-written` (half the bytes in the temp file), `synced` (all bytes
// flushed, not yet renamed), `renamed`. Unset, as always outside tests, it does nothing.
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';

export const WRITE_STEPS = ['temp-opened', 'half-written', 'synced', 'renamed'] as const;
export type WriteStep = (typeof WRITE_STEPS)[number];

function step(name: WriteStep): void {
  if (process.env.PARTNERKIT_WRITE_FAULT === `kill:${name}`) process.kill(process.pid, 'SIGKILL');
}

export class FileExistsError extends Error {
  override name = 'FileExistsError';
  readonly path: string;
  constructor(path: string) {
    super(`${path} already exists: pass --force to overwrite it`);
    this.path = path;
  }
}

/** Atomic write: temp file beside the target, fsync, rename. Throws FileExistsError unless `force`. */
export function writeFileAtomic(path: string, bytes: Uint8Array, { force = false } = {}): void {
  if (!force && existsSync(path)) throw new FileExistsError(path);
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    const fd = openSync(tmp, 'wx', 0o644);
    try {
      step('temp-opened');
      const half = bytes.length >> 1;
      let off = 0;
      while (off < half) off += writeSync(fd, bytes, off, half - off);
      step('half-written');
      while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
      fsyncSync(fd);
      step('synced');
    } finally {
      closeSync(fd);
    }
    if (!force && existsSync(path)) throw new FileExistsError(path);
    renameSync(tmp, path);
    step('renamed');
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}
