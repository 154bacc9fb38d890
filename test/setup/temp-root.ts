// One temporary folder per test run: every test's mkdtemp (fixture copies, decks, CLI output)
// and every process it starts (the CLI, Chromium, LibreOffice) lands under it through TMPDIR,
// and it is removed when the run ends, so runs do not leave thousands of folders in /tmp.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const before = process.env.TMPDIR;
  const root = mkdtempSync(join(tmpdir(), 'pk-tests-'));
  // Others may pass through (not list it): tests that run the CLI as an unprivileged user, to
  // prove a file it cannot read is reported, reach their own folders inside.
  chmodSync(root, 0o711);
  process.env.TMPDIR = root;
  return () => {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    rmSync(root, { recursive: true, force: true });
  };
}
