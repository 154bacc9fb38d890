// The Nu HTML Checker (vnu-jar's vnu.jar, run with the machine's Java: .ci/run installs
// default-jre-headless) on every built page, all files in one call: zero errors.
// vnu-jar's own postinstall, which would download a Java runtime, is denied in package.json.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlPages } from '../helpers/dist-files.ts';
import { DIST } from '../helpers/browser.ts';

const VNU = join(
  dirname(createRequire(import.meta.url).resolve('vnu-jar/package.json')),
  'build',
  'dist',
  'vnu.jar',
);
const JAVA = process.env.JAVA ?? 'java';

interface VnuMessage {
  type: string;
  subType?: string;
  url?: string;
  message: string;
  lastLine?: number;
  firstColumn?: number;
  extract?: string;
}

describe('valid HTML', () => {
  it('the Nu HTML Checker reports no error on any page', { timeout: 300_000 }, () => {
    const files = htmlPages(DIST).map((f) => join(DIST, f));
    expect(files.length).toBeGreaterThan(0);
    const run = spawnSync(
      JAVA,
      ['-Xss8m', '-jar', VNU, '--errors-only', '--format', 'json', ...files],
      { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 },
    );
    if (run.error)
      throw new Error(
        `Could not run ${JAVA} (${run.error.message}): install Java with \`apt-get install default-jre-headless\` (or set JAVA).`,
      );
    // vnu writes its JSON report to stderr and exits 1 when there are errors
    const report = JSON.parse(run.stderr || '{"messages":[]}') as { messages: VnuMessage[] };
    const errors = report.messages
      .filter((m) => m.type === 'error' || m.type === 'non-document-error')
      .map(
        (m) =>
          `${(m.url ?? '').replace(/^file:/, '').replace(DIST + '/', '')}:${m.lastLine ?? 0}:${m.firstColumn ?? 0} ${m.message}${m.extract ? `  [${m.extract.trim().slice(0, 120)}]` : ''}`,
      );
    expect(errors).toEqual([]);
    expect(run.status, run.stdout).toBe(0);
  });
});
