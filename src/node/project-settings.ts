// The project's own settings, from `"partnerkit": { ... }` in its package.json.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface ProjectSettings {
  /** Content reviewed longer ago than this is a warning. */
  staleAfterDays: number;
  /** No data, content or template file may be larger than this (1 KB = 1,000 bytes). */
  maxFileKB: number;
}

export const DEFAULT_SETTINGS: Readonly<ProjectSettings> = {
  staleAfterDays: 180,
  // A partner type file is about 10 KB and a story 5 KB; a file a hundred times that is a
  // mistake (a pasted export, a generated file), and it would become a page as large.
  maxFileKB: 1_000,
};

const memo = new Map<string, { mtimeMs: number; settings: ProjectSettings }>();

const positive = (v: unknown, fallback: number) =>
  typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : fallback;

/** The settings in `root`/package.json; the defaults for any that are absent or not a positive number. */
export function projectSettings(root: string): ProjectSettings {
  const path = join(root, 'package.json');
  let mtimeMs: number;
  try {
    mtimeMs = statSync(path).mtimeMs;
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
  const hit = memo.get(path);
  if (hit && hit.mtimeMs === mtimeMs) return hit.settings;
  let raw: Record<string, unknown> = {};
  try {
    const pkg = JSON.parse(readFileSync(path, 'utf8')) as { partnerkit?: unknown };
    if (pkg.partnerkit && typeof pkg.partnerkit === 'object')
      raw = pkg.partnerkit as Record<string, unknown>;
  } catch {
    // An unreadable package.json leaves the defaults; npm itself reports it.
  }
  const settings: ProjectSettings = {
    staleAfterDays: positive(raw.staleAfterDays, DEFAULT_SETTINGS.staleAfterDays),
    maxFileKB: positive(raw.maxFileKB, DEFAULT_SETTINGS.maxFileKB),
  };
  memo.set(path, { mtimeMs, settings });
  return settings;
}
