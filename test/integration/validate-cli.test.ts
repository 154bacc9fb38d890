import { spawnSync } from 'node:child_process';
import { chmodSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { applyCase, casesIn, type BrokenCase } from '../helpers/cases.ts';

const CLI = join(import.meta.dirname, '..', '..', 'src', 'cli', 'partnerkit.ts');
const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

/** Readable by everyone (the temp folder is private), keeping a case's own `chmod 000`. */
function openUp(path: string) {
  const st = statSync(path);
  if (st.isDirectory()) {
    chmodSync(path, 0o755);
    for (const name of readdirSync(path)) openUp(join(path, name));
  } else if ((st.mode & 0o777) !== 0) chmodSync(path, 0o644);
}

/** `npx partnerkit validate <root>`; as an unprivileged user when run as root, so permissions hold. */
function validate(c: BrokenCase) {
  const root = applyCase(c);
  roots.push(root);
  const asRoot = process.getuid?.() === 0;
  if (asRoot) openUp(root);
  return spawnSync(process.execPath, [CLI, 'validate', root], {
    encoding: 'utf8',
    ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
  });
}

const all = ['files', 'yaml', 'messages'].flatMap((g) => casesIn(g));
const named = (n: string) => all.find((c) => c.name === n)!;

/** A stack frame, as Node prints an uncaught error. */
const STACK = /^\s+at .+:\d+:\d+\)?$/m;

describe('partnerkit validate on broken input: exit 1, one located message, no stack trace', () => {
  it.each(
    [
      'files/alias-bomb-in-data',
      'files/alias-bomb-in-frontmatter',
      'files/folder-named-like-a-type',
      'files/type-twin-yml-and-yaml',
      'files/story-twin-md-and-mdx',
      'files/not-utf8',
      'files/unreadable-file',
      'yaml/tab-for-indentation',
    ].map(named),
  )('$name', (c) => {
    const run = validate(c);
    expect(run.status, run.stderr).toBe(1);
    expect(run.stderr).not.toMatch(STACK);
    for (const e of c.spec.expect ?? []) {
      const line = run.stderr.split('\n').find((l) => l.startsWith(`error ${e.at}`));
      expect(line, run.stderr).toMatch(new RegExp(e.says));
    }
    expect(run.stderr).toMatch(/\n1 error: fix it and run `npx partnerkit validate` again\./);
  });

  it('accepts 101 (and more) aliases of small values: exit 0', () => {
    const run = validate(named('files/aliases-101-legitimate'));
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/data and content are valid/);
  });
});
