// Publishing a build (src/node/site-publish.ts), killed at every named moment, without Astro:
// a stand-in build (test/helpers/publish-child.ts) takes the same steps as `npm run build`.
// test/integration/build-staging.test.ts does the same with real Astro builds at a few moments.
import { spawn, spawnSync } from 'node:child_process';
import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FAULT_POINTS } from '../../src/node/fault-points.ts';
import { serveStatic } from '../../src/node/static-server.ts';

const CHILD = join(import.meta.dirname, '..', 'helpers', 'publish-child.ts');
const roots: string[] = [];
const servers: Server[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((ok) => s.close(ok))));
  roots.forEach((r) => rmSync(r, { recursive: true, force: true }));
});

function project(): string {
  const root = mkdtempSync(join(tmpdir(), 'pk-publish-'));
  roots.push(root);
  return root;
}

function build(root: string, content: string, fault?: string) {
  return spawnSync(process.execPath, [CHILD, root, content], {
    encoding: 'utf8',
    env: { ...process.env, PARTNERKIT_BUILD_FAULT: fault ?? '' },
  });
}

/** Every file the site folder shows (links followed), by name; undefined when there is no dist/. */
function site(root: string): Record<string, string> | undefined {
  const dist = join(root, 'dist');
  try {
    return Object.fromEntries(
      readdirSync(dist)
        .sort()
        .map((f) => [f, readFileSync(join(dist, f), 'utf8')]),
    );
  } catch {
    return undefined;
  }
}

const built = (content: string) => ({ 'about.html': `about ${content}`, 'index.html': content });

async function served(root: string) {
  const { server, url } = await serveStatic(join(root, 'dist'));
  servers.push(server);
  return async () => {
    const res = await fetch(`${url}/`);
    return `${res.status} ${await res.text()}`;
  };
}

describe('publishing a build', () => {
  it('publishes a complete build as dist/, a link to its folder', () => {
    const root = project();
    expect(build(root, 'one').status).toBe(0);
    expect(lstatSync(join(root, 'dist')).isSymbolicLink()).toBe(true);
    expect(site(root)).toEqual(built('one'));
  });

  const before = FAULT_POINTS.filter(
    (p) => p !== 'published' && p !== 'astro-started' && p !== 'pages-written',
  );
  it.each(before)(
    'a build killed at "%s" leaves dist/ as it was, served throughout; the next build publishes',
    async (point) => {
      const root = project();
      expect(build(root, 'one').status).toBe(0);
      const get = await served(root);
      expect(await get()).toBe('200 one');
      const killed = build(root, 'two', `kill:${point}`);
      expect(killed.signal).toBe('SIGKILL');
      expect(site(root)).toEqual(built('one'));
      expect(await get()).toBe('200 one');
      const next = build(root, 'three');
      expect(next.status, next.stderr).toBe(0);
      expect(site(root)).toEqual(built('three'));
      expect(await get()).toBe('200 three');
      // What the killed build left is cleaned up: the live build and the one before it remain.
      expect(readdirSync(join(root, '.partnerkit', 'builds')).length).toBeLessThanOrEqual(2);
    },
  );

  it('a build killed just after publishing leaves the new build, whole', () => {
    const root = project();
    expect(build(root, 'one').status).toBe(0);
    expect(build(root, 'two', 'kill:published').signal).toBe('SIGKILL');
    expect(site(root)).toEqual(built('two'));
  });

  it('a build that fails leaves dist/ as it was', () => {
    const root = project();
    expect(build(root, 'one').status).toBe(0);
    const failed = build(root, 'two', 'throw:decks-written');
    expect(failed.status).not.toBe(0);
    expect(site(root)).toEqual(built('one'));
  });

  it('keeps a dist/ folder from before as a build, and publishes beside it', () => {
    const root = project();
    mkdirSync(join(root, 'dist'));
    writeFileSync(join(root, 'dist', 'index.html'), 'old');
    expect(build(root, 'two', 'kill:link-made').signal).toBe('SIGKILL');
    expect(site(root)).toEqual({ 'index.html': 'old' });
    expect(build(root, 'three').status).toBe(0);
    expect(site(root)).toEqual(built('three'));
  });

  it('runs one build at a time: a second is refused with a message, a killed one’s lock is taken over', async () => {
    const root = project();
    expect(build(root, 'one').status).toBe(0);
    const holder = spawn(process.execPath, [CHILD, root, 'held', 'hold'], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    await new Promise<void>((ok) => holder.stdout.once('data', () => ok()));
    const refused = build(root, 'two');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(
      new RegExp(`another build is running in this folder \\(process ${holder.pid},`),
    );
    expect(site(root)).toEqual(built('one'));
    // Killed while it holds the lock: the lock stays behind, and the next build takes it over.
    const gone = new Promise((ok) => holder.once('exit', ok));
    holder.kill('SIGKILL');
    await gone;
    const next = build(root, 'three');
    expect(next.status, next.stderr).toBe(0);
    expect(site(root)).toEqual(built('three'));
  });
});
