// The CLI's deck commands on bad input: every problem is one line naming it, with the exit code
// of its kind (2 for what the user typed, 1 for what the machine refused), never a stack trace.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { openPptx } from '../helpers/pptx.ts';
import { ROOT } from '../helpers/decks.ts';

// Each run starts Node and loads the data: seconds apiece on a busy machine.
vi.setConfig({ testTimeout: 240_000 });

const CLI = join(ROOT, 'src', 'cli', 'partnerkit.ts');
const run = (...args: string[]) =>
  spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
const tmp = () => mkdtempSync(join(tmpdir(), 'pk-deck-cli-'));
const NO_STACK = /^\s+at |Error:|node:internal/m;

describe('partnerkit decks --out', () => {
  it('a folder that cannot be made is reported in one line, exit 1', () => {
    const file = join(tmp(), 'a-file');
    writeFileSync(file, 'not a folder');
    for (const [out, says] of [
      ['/proc/partnerkit-decks', /the folder cannot be created there/],
      [join(file, 'decks'), /a file is in the way/],
      [file, /it is a file, not a folder/],
    ] as const) {
      const r = run('decks', '--out', out);
      expect(r.status, `${out}: ${r.stderr}`).toBe(1);
      expect(r.stderr).toMatch(
        new RegExp(`^partnerkit decks: cannot write to ${out.replace(/[/.]/g, '\\$&')}: `),
      );
      expect(r.stderr).toMatch(says);
      expect(r.stderr).not.toMatch(NO_STACK);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});

describe('partnerkit deck --prospect', () => {
  it('a name with nothing visible is an input error like any other: exit 2', () => {
    for (const name of ['\u200B\u200B', '\u0001\u0002', '\u202E\u202C']) {
      const r = run('deck', '--type', 'msp', '--prospect', name, '--out', join(tmp(), 'x.pptx'));
      expect(r.status, JSON.stringify(name)).toBe(2);
      expect(r.stderr).toMatch(/^partnerkit deck: --prospect must name the company/);
      expect(r.stderr).not.toMatch(NO_STACK);
    }
  });

  it('a right-to-left override in the name never reaches the deck, so the footer reads forwards', async () => {
    const out = join(tmp(), 'acme.pptx');
    const r = run(
      'deck',
      '--type',
      'reseller',
      '--prospect',
      'Acme\u202E Confidential',
      '--out',
      out,
    );
    expect(r.status, r.stderr).toBe(0);
    const opened = await openPptx(readFileSync(out));
    const all = [...opened.xml.values()].join('');
    expect(all).not.toContain('\u202E');
    // The footer is drawn by the slide layouts every slide uses.
    const layouts = [...opened.xml.entries()].filter(([n]) => n.startsWith('ppt/slideLayouts/'));
    expect(layouts.map(([, x]) => x).join('')).toContain('Prepared for Acme Confidential');
  });
});
