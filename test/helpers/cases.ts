/**
 * Broken-input cases as fixtures: one folder per case under test/fixtures/cases/<group>/<case>/,
 * applied to a temporary copy of the minimal valid project (test/fixtures/minimal).
 *
 * A case folder holds `case.json` (what to change, what must be reported) and, optionally,
 * `files/`, copied over the project as they are (a story, a file in another encoding, a folder
 * named like a file: `files/data/partner-types/ghost.yaml/.keep`).
 */
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { fixtureCopy } from './fixture.ts';

export const CASES_DIR = join(import.meta.dirname, '..', 'fixtures', 'cases');

type Edit =
  /** Replace text that must occur exactly once in the file. */
  | { replace: string; with: string }
  | { append: string }
  | { write: string }
  /** Write `line` this many times (a file too large, a list of many aliases). */
  | { repeat: string; times: number; header?: string }
  | { remove: true }
  | { symlink: string }
  /** Unreadable, for tests that run the CLI as an unprivileged user. */
  | { chmod: string };

export interface Expectation {
  /** `file:line:column` the message must point at (a prefix: `file:line:` is enough). */
  at: string;
  /** What the message must say. */
  says: string;
  severity?: 'error' | 'warning';
}

export interface CaseSpec {
  /** The case in one sentence: what a marketer did. */
  about: string;
  edits?: Record<string, Edit[]>;
  /** true: the project stays valid (a legitimate use that must not be refused). */
  valid?: boolean;
  expect?: Expectation[];
  /** The expected messages are the only errors: the mistake is reported once, not echoed. */
  only?: boolean;
  /** Set by cases that need an unprivileged process (an unreadable file): not for in-process tests. */
  unprivileged?: boolean;
}

export interface BrokenCase {
  name: string;
  dir: string;
  spec: CaseSpec;
}

/** Every case of a group (a folder under test/fixtures/cases/), sorted. */
export function casesIn(group: string): BrokenCase[] {
  const groupDir = join(CASES_DIR, group);
  return readdirSync(groupDir)
    .filter((n) => existsSync(join(groupDir, n, 'case.json')))
    .sort()
    .map((name) => ({
      name: `${group}/${name}`,
      dir: join(groupDir, name),
      spec: JSON.parse(readFileSync(join(groupDir, name, 'case.json'), 'utf8')) as CaseSpec,
    }));
}

function applyEdit(root: string, file: string, edit: Edit) {
  const path = join(root, file);
  mkdirSync(dirname(path), { recursive: true });
  const text = () => readFileSync(path, 'utf8');
  if ('replace' in edit) {
    const t = text();
    const at = t.indexOf(edit.replace);
    if (at < 0 || t.indexOf(edit.replace, at + 1) >= 0)
      throw new Error(`case edit: ${JSON.stringify(edit.replace)} must occur once in ${file}`);
    writeFileSync(path, t.slice(0, at) + edit.with + t.slice(at + edit.replace.length));
  } else if ('append' in edit) writeFileSync(path, text() + edit.append);
  else if ('write' in edit) writeFileSync(path, edit.write);
  else if ('repeat' in edit)
    writeFileSync(path, (edit.header ?? '') + edit.repeat.repeat(edit.times));
  else if ('remove' in edit) rmSync(path, { recursive: true, force: true });
  else if ('symlink' in edit) {
    rmSync(path, { force: true });
    symlinkSync(edit.symlink, path);
  } else chmodSync(path, parseInt(edit.chmod, 8));
}

/** A temporary project with the case applied; the caller deletes it. */
export function applyCase(c: BrokenCase): string {
  const root = fixtureCopy();
  const files = join(c.dir, 'files');
  if (existsSync(files)) cpSync(files, root, { recursive: true });
  // Git keeps no empty folder: a `.keep` file holds a folder named like a file in place.
  for (const [file, edits] of Object.entries(c.spec.edits ?? {}))
    for (const edit of edits) applyEdit(root, file, edit);
  return root;
}
