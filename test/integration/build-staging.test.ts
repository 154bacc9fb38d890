// `npm run build` on a copy of the project, made to fail or killed: dist/ stays byte-identical to
// the last good build and a server on it keeps answering; data and content errors are the kit's
// own messages, exit 1, no stack trace. (test/integration/site-publish.test.ts kills the
// publishing step at every named moment without Astro.)
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, readlinkSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoCopy } from '../helpers/repo-copy.ts';

const BUILD_MS = 300_000;
let root: string;
let server: ChildProcess | undefined;
let url: string;
let good: Map<string, string> | undefined;

const cli = () => join(root, 'src', 'cli', 'partnerkit.ts');
const env = (fault = '') => ({
  ...process.env,
  ASTRO_TELEMETRY_DISABLED: '1',
  PARTNERKIT_BUILD_FAULT: fault,
});

interface Run {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** `npm run build`'s command in the copy, as its own process (the test keeps serving meanwhile). */
function startBuild(fault?: string): { child: ChildProcess; done: Promise<Run> } {
  const child = spawn(process.execPath, [cli(), 'build'], { cwd: root, env: env(fault) });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<Run>((ok) =>
    child.once('close', (status, signal) => ok({ status, signal, stdout, stderr })),
  );
  return { child, done };
}

/**
 * A build, with the live site fetched all along: every answer must be the last good build's.
 * Returns the build's outcome and how many times the site answered while it ran.
 */
async function build(fault?: string, poll = true): Promise<Run & { answered: number }> {
  const { done } = startBuild(fault);
  let finished = false;
  void done.then(() => (finished = true));
  let answered = 0;
  // Each round trip is a real request (the loop yields to the event loop); no site yet, no polling.
  while (poll && good && !finished) {
    await stillServed();
    answered++;
  }
  return { ...(await done), answered };
}

/** Every file of the site dist/ shows, by path, with its SHA-256. */
function hashes(): Map<string, string> {
  const out = new Map<string, string>();
  const dist = join(root, 'dist');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(relative(dist, p), createHash('sha256').update(readFileSync(p)).digest('hex'));
    }
  };
  walk(dist);
  return out;
}

const builds = () => readdirSync(join(root, '.partnerkit', 'builds')).sort();

/** The live site answers, page and deck, with the bytes of the last good build. */
async function stillServed() {
  expect(good, 'a good build to compare with').toBeDefined();
  for (const path of ['index.html', 'partners/reseller/index.html', 'decks/reseller.pptx']) {
    const res = await fetch(`${url}/${path}`);
    expect(res.status, path).toBe(200);
    const body = Buffer.from(await res.arrayBuffer());
    expect(createHash('sha256').update(body).digest('hex'), path).toBe(good!.get(path));
  }
}

/** A stack frame, as Node prints an uncaught error. */
const STACK = /^\s+at .+:\d+:\d+\)?$/m;

beforeAll(async () => {
  root = repoCopy();
  const first = await build();
  expect(first.status, first.stderr.slice(-3000)).toBe(0);
  good = hashes();
  // `npm run serve`, as its own process.
  server = spawn(process.execPath, [join(root, 'src', 'node', 'static-server.ts'), 'dist'], {
    cwd: root,
    env: { ...process.env, PORT: '0' },
  });
  url = await new Promise<string>((ok, fail) => {
    let out = '';
    server!.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /served at (http:\/\/\S+?)\/ /.exec(out);
      if (m) ok(m[1]!);
    });
    server!.once('exit', (code) => fail(new Error(`the server exited (${code}): ${out}`)));
  });
}, BUILD_MS);

afterAll(() => {
  if (server?.exitCode === null) server.kill();
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('npm run build never takes the site down', () => {
  it('a story that would run code fails before anything is built: its messages, exit 1, no stack trace', async () => {
    const story = join(root, 'content', 'stories', 'zz-hostile.mdx');
    const before = builds();
    writeFileSync(
      story,
      "---\ntitle: Hostile\nsummary: x\ntypes: [reseller]\naudience: owner\nkeyMessages:\n  - x\nstatus: published\nowner: M\nlastReviewed: 2026-11-01\n---\n\nimport fs from 'node:fs';\n\n{fs.readFileSync('/etc/passwd', 'utf8')}\n",
    );
    try {
      const run = await build();
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(
        /^error content\/stories\/zz-hostile\.mdx:13:1 .*imports code into the page/m,
      );
      expect(run.stderr).toMatch(/^error content\/stories\/zz-hostile\.mdx:15:1 .*is JavaScript/m);
      expect(run.stderr).toMatch(/dist\/ was not changed/);
      expect(run.stderr + run.stdout).not.toMatch(STACK);
      expect(run.stderr + run.stdout).not.toMatch(/unhandled error/i);
      expect(run.stdout).not.toMatch(/\[build\]/); // Astro never started
      expect(builds().filter((b) => !before.includes(b))).toEqual([]); // nothing was built
    } finally {
      rmSync(story);
    }
    expect(hashes()).toEqual(good);
    await stillServed();
  });

  it('a data error: the kit’s message at its line, exit 1, no stack trace, no hook error', async () => {
    const file = join(root, 'data', 'partner-types', 'reseller.yaml');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace(/^name: (.*)$/m, 'name: $1: the channel'));
    try {
      const run = await build();
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(
        /^error data\/partner-types\/reseller\.yaml:\d+:\d+ the `: ` inside this value/m,
      );
      expect(run.stderr + run.stdout).not.toMatch(STACK);
      expect(run.stderr + run.stdout).not.toMatch(/unhandled error/i);
    } finally {
      writeFileSync(file, text);
    }
    expect(hashes()).toEqual(good);
    await stillServed();
  });

  it(
    'held when every page is written (decks and search unfinished), a second build refused, then SIGKILL: dist/ as it was, still served',
    async () => {
      const { child, done } = startBuild('hold:pages-written');
      let stderr = '';
      child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
      // Serve all along until the build says it is holding (the point is named, not timed).
      let polls = 0;
      while (!stderr.includes('fault point "pages-written": holding')) {
        expect(child.exitCode, stderr.slice(-2000)).toBeNull();
        await stillServed();
        polls++;
      }
      expect(polls).toBeGreaterThan(0);
      const second = await build();
      expect(second.status).toBe(1);
      expect(second.stderr).toMatch(
        new RegExp(`another build is running in this folder \\(process ${child.pid},`),
      );
      expect(second.answered).toBeGreaterThan(0);
      child.kill('SIGKILL');
      expect((await done).signal).toBe('SIGKILL');
      expect(hashes()).toEqual(good);
      await stillServed();
    },
    BUILD_MS,
  );

  it(
    'failing inside Astro (a build hook throws): "The build failed", exit 1, no stack trace, dist/ as it was',
    async () => {
      const run = await build('throw:astro-started');
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(
        /The build failed:\nthe build was made to fail at "astro-started"/,
      );
      expect(run.stderr).toMatch(/dist\/ was not changed/);
      expect(run.stderr + run.stdout).not.toMatch(STACK);
      expect(hashes()).toEqual(good);
      await stillServed();
    },
    BUILD_MS,
  );

  it(
    'the next build takes over the killed builds’ lock, publishes, and cleans their leftovers',
    async () => {
      const before = readlinkSync(join(root, 'dist'));
      // A band few default cases stay inside: the build warns for each at its type's line (the
      // check runs on its own thread beside the pages) and still publishes.
      const vendor = join(root, 'data', 'vendor.yaml');
      const text = readFileSync(vendor, 'utf8');
      writeFileSync(vendor, text.replace(/^( {2}roiMax:\n {4}value:) 5$/m, '$1 0.5'));
      expect(readFileSync(vendor, 'utf8')).not.toBe(text);
      let run: Run;
      try {
        run = await build(undefined, false); // it publishes a new site: no comparing with the old
      } finally {
        writeFileSync(vendor, text);
      }
      expect(run.status, run.stderr.slice(-3000)).toBe(0);
      expect(run.stderr).toMatch(
        /^warning data\/partner-types\/[a-z-]+\.yaml:\d+:\d+ .*outside the plausibility bands in data\/vendor\.yaml: .*ROI of [\d,.]+% is above the band's 50%/m,
      );
      expect(run.stderr).toMatch(
        /^business cases: [\d,]+ default cases checked against the plausibility bands \([\d.]+ s on a worker thread, [\d.]+ s of CPU\), [1-9]\d* outside them$/m,
      );
      expect(run.stdout).toMatch(/Published: dist\/ is now \.partnerkit\/builds\//);
      expect(readlinkSync(join(root, 'dist'))).not.toBe(before);
      expect(builds()).toHaveLength(2); // the live build and the one before it
      const res = await fetch(`${url}/partners/reseller/`);
      expect(res.status).toBe(200);
    },
    BUILD_MS,
  );
});
