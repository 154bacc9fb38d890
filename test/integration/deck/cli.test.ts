// `partnerkit deck` and `partnerkit decks`: files that pass the deck checks, no overwrite
// without --force, atomic writes, and bad input as one line naming the problem with the exit code
// of its kind (2 for what the user typed, 1 for what the machine refused), never a stack trace.
import { pluralNoun, typeNoun } from '../../../src/core/deck/context.ts';
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

// Each CLI run starts Node and loads the data: seconds apiece on a busy CI machine.
vi.setConfig({ testTimeout: 240_000 });
import {
  FileExistsError,
  writeFileAtomic,
  WRITE_STEPS,
  type WriteStep,
} from '../../../src/node/write-deck.ts';
import { deckProblems, openPptx } from '../../helpers/pptx.ts';
import { dataset, deckFor, ROOT, single, stories } from '../../helpers/decks.ts';

/** Slides the model gives a request (the `story` slide is there only when a published story fits). */
const slideCount = (request: Parameters<typeof deckFor>[0]) =>
  deckFor(request, { company: 'X' }).deck.slides.length;

const CLI = join(ROOT, 'src', 'cli', 'partnerkit.ts');
const run = (...args: string[]) =>
  spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
const tmp = () => mkdtempSync(join(tmpdir(), 'pk-deck-'));
/** What a stack trace leaves in stderr: a CLI problem is one line in words, never one. */
const NO_STACK = /^\s+at |Error:|node:internal/m;

describe('partnerkit deck', () => {
  it('writes a tailored deck that passes the file checks and reports its figures', async () => {
    const out = join(tmp(), 'northwind.pptx');
    const r = run(
      'deck',
      '--type',
      'msp',
      '--vertical',
      dataset.verticals[0]!.id,
      '--segment',
      dataset.segments[0]!.id,
      '--set',
      'dealValue=30000',
      '--set',
      'renewalRate=85%',
      '--prospect',
      'Northwind IT & Co',
      '--contact',
      'Ana Ruiz, CEO',
      '--out',
      out,
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const slides = slideCount(
      single('managed-service-provider', {
        vertical: dataset.verticals[0]!.id,
        segment: dataset.segments[0]!.id,
      }),
    );
    expect(r.stdout).toMatch(
      new RegExp(`wrote .*northwind\\.pptx: ${slides} slides \\(retain sequence\\), \\d+ KB`),
    );
    const npv = /NPV (\S+),/.exec(r.stdout)![1]!;
    const { problems, opened } = await deckProblems(readFileSync(out), {
      slides,
      prospect: 'Northwind IT & Co',
      // One on the revenue-mix slide, two on the business-case slide.
      charts: 3,
    });
    expect(problems).toEqual([]);
    expect(opened.slideText.join(' ')).toContain(npv);
    expect(opened.slideText[0]).toContain('Ana Ruiz, CEO');
  });

  it('a mix gives one deck over both types', async () => {
    const out = join(tmp(), 'mix.pptx');
    const r = run(
      'deck',
      '--mix',
      'reseller=0.4,consultancy=0.6',
      '--prospect',
      'Mixed Ltd',
      '--out',
      out,
    );
    expect(r.status, r.stderr).toBe(0);
    const { problems, opened } = await deckProblems(readFileSync(out), {
      slides: slideCount({
        mix: [
          { type: 'reseller', weight: 0.4 },
          { type: 'consultancy', weight: 0.6 },
        ],
      }),
      prospect: 'Mixed Ltd',
    });
    expect(problems).toEqual([]);
    expect(opened.slideText[0]).toMatch(/60%.*40%/);
  });

  it('--audience picks the story the story slide tells; an unknown audience is an error', async () => {
    const msg = stories.find((s) => s.id === 'msp-cfo-smb')!.data.keyMessages[0]!;
    const out = join(tmp(), 'cfo.pptx');
    const r = run(
      'deck',
      '--type',
      'msp',
      '--audience',
      'cfo',
      '--prospect',
      'CFO Co',
      '--out',
      out,
    );
    expect(r.status, r.stderr).toBe(0);
    const { problems, opened } = await deckProblems(readFileSync(out), {
      slides: slideCount(single('managed-service-provider')),
      prospect: 'CFO Co',
    });
    expect(problems).toEqual([]);
    expect(opened.slideText.join(' ').replace(/\s+/g, ' ')).toContain(msg.slice(0, 40));
    const bad = run(
      'deck',
      '--type',
      'msp',
      '--audience',
      'ceo',
      '--prospect',
      'X',
      '--out',
      join(tmp(), 'x.pptx'),
    );
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--audience must be one of owner, cfo/);
  });

  it('never overwrites without --force', () => {
    const out = join(tmp(), 'exists.pptx');
    writeFileSync(out, 'keep me');
    const r = run('deck', '--type', 'reseller', '--prospect', 'X', '--out', out);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/already exists: pass --force to overwrite it/);
    expect(readFileSync(out, 'utf8')).toBe('keep me');
    const forced = run('deck', '--type', 'reseller', '--prospect', 'X', '--out', out, '--force');
    expect(forced.status, forced.stderr).toBe(0);
    expect(statSync(out).size).toBeGreaterThan(10_000);
  });

  it('explains bad input and exits 2', () => {
    const dir = tmp();
    const unknown = run(
      'deck',
      '--type',
      'resseler',
      '--prospect',
      'X',
      '--out',
      join(dir, 'a.pptx'),
    );
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/unknown partner type `resseler`; did you mean `reseller`\?/);
    expect(run('deck', '--type', 'reseller', '--out', join(dir, 'b.pptx')).stderr).toMatch(
      /--prospect .* is required/,
    );
    expect(run('deck', '--type', 'reseller', '--prospect', 'X').stderr).toMatch(
      /--out <file\.pptx> is required/,
    );
    expect(
      run(
        'deck',
        '--type',
        'reseller',
        '--prospect',
        'X',
        '--set',
        'dealValue=-5',
        '--out',
        join(dir, 'c.pptx'),
      ).stderr,
    ).toMatch(/dealValue must be between/);
    expect(
      run('deck', '--type', 'reseller', '--prospect', 'X', '--out', join(dir, 'd.pdf')).stderr,
    ).toMatch(/must end in \.pptx/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a deck killed at any step of writing leaves the previous file or a complete new one, never a partial one', async () => {
    const dir = tmp();
    const out = join(dir, 'deck.pptx');
    const killedAt = (step: WriteStep, ...extra: string[]) =>
      spawnSync(
        process.execPath,
        [CLI, 'deck', '--type', 'reseller', '--prospect', 'Killed Co', '--out', out, ...extra],
        {
          cwd: ROOT,
          encoding: 'utf8',
          env: { ...process.env, PARTNERKIT_WRITE_FAULT: `kill:${step}` },
        },
      );
    const temps = () => readdirSync(dir).filter((f) => f.startsWith('.') && f.endsWith('.tmp'));
    const slides = slideCount(single('reseller'));

    // Nothing at the target until the complete file is renamed into place.
    const synced = killedAt('synced');
    expect(synced.signal).toBe('SIGKILL');
    expect(existsSync(out)).toBe(false);
    expect(temps()).toHaveLength(1); // the flushed temporary file the rename would have used
    rmSync(join(dir, temps()[0]!));

    // Over an existing deck (--force): killed before the rename, the old deck is there, whole.
    expect(run('deck', '--type', 'reseller', '--prospect', 'First Co', '--out', out).status).toBe(
      0,
    );
    const first = readFileSync(out);
    for (const step of WRITE_STEPS.filter((s) => s !== 'renamed')) {
      const r = killedAt(step, '--force');
      expect(r.signal, step).toBe('SIGKILL');
      expect(readFileSync(out).equals(first), `killed at ${step}: the previous deck`).toBe(true);
      expect(temps(), step).toHaveLength(1);
      rmSync(join(dir, temps()[0]!));
    }
    // Killed just after the rename: the new deck, complete.
    expect(killedAt('renamed', '--force').signal).toBe('SIGKILL');
    expect(temps()).toEqual([]);
    expect(
      (await deckProblems(readFileSync(out), { slides, prospect: 'Killed Co' })).problems,
    ).toEqual([]);
  });

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

describe('writeFileAtomic', () => {
  it('refuses an existing file, replaces it with force, and leaves no temp file', () => {
    const dir = tmp();
    const path = join(dir, 'a.pptx');
    writeFileAtomic(path, new Uint8Array([1, 2, 3]));
    expect(() => writeFileAtomic(path, new Uint8Array([4]))).toThrow(FileExistsError);
    expect([...readFileSync(path)]).toEqual([1, 2, 3]);
    writeFileAtomic(path, new Uint8Array([4]), { force: true });
    expect([...readFileSync(path)]).toEqual([4]);
    expect(readdirSync(dir)).toEqual(['a.pptx']);
  });
});

describe('partnerkit decks', () => {
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

  it("writes every type's deck with progress, then refuses to overwrite them", async () => {
    const dir = join(tmp(), 'out');
    const r = run('decks', '--out', dir);
    expect(r.status, r.stderr).toBe(0);
    const ids = dataset.partnerTypes.map((t) => t.id);
    expect(readdirSync(dir).sort()).toEqual(ids.map((id) => `${id}.pptx`).sort());
    expect(r.stderr.trim().split('\n')).toHaveLength(ids.length); // one progress line per deck
    expect(r.stderr).toMatch(new RegExp(`\\[${ids.length}/${ids.length}\\]`));
    for (const id of ids.slice(0, 3))
      expect(
        (
          await deckProblems(readFileSync(join(dir, `${id}.pptx`)), {
            slides: slideCount(single(id)),
            // A ready deck is set for its kind of partner (no company named yet).
            prospect: `For ${pluralNoun(typeNoun(dataset.partnerTypes.find((t) => t.id === id)!.name))}`,
          })
        ).problems,
      ).toEqual([]);
    const again = run('decks', '--out', dir);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/already exist .* pass --force/);
    expect(run('decks', '--out', dir, '--force').status).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(ids.map((id) => `${id}.pptx`).sort()); // no staging folder left behind
  });

  it('writes the decks the build ships, byte for byte, with SOURCE_DATE_EPOCH set', () => {
    // The build renders ready decks on the same worker threads; dist/ was built without the
    // variable, so compare two CLI runs made apart in time, and one against the pool's output.
    // Three workers whatever the machine: which deck lands on which worker then varies from run to run.
    const env = { ...process.env, SOURCE_DATE_EPOCH: '1764374400', PARTNERKIT_DECK_WORKERS: '3' };
    const runAt = (dir: string) =>
      spawnSync(process.execPath, [CLI, 'decks', '--out', dir], {
        cwd: ROOT,
        encoding: 'utf8',
        env,
      });
    const a = join(tmp(), 'a');
    const b = join(tmp(), 'b');
    expect(runAt(a).status).toBe(0);
    expect(runAt(b).status).toBe(0);
    for (const t of dataset.partnerTypes)
      expect(
        readFileSync(join(b, `${t.id}.pptx`)).equals(readFileSync(join(a, `${t.id}.pptx`))),
        t.id,
      ).toBe(true);
  });
});
