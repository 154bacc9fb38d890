import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const SERVER = join(import.meta.dirname, '..', '..', 'src', 'node', 'static-server.ts');
let base: string;
let child: ChildProcess | undefined;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'pk-serve-int-'));
  const dist = join(base, 'dist');
  mkdirSync(join(dist, 'locked'), { recursive: true });
  writeFileSync(join(dist, 'index.html'), '<h1>Home</h1>');
  writeFileSync(join(dist, 'locked', 'index.html'), '<h1>Locked</h1>');
  chmodSync(base, 0o755);
  chmodSync(dist, 0o755);
  chmodSync(join(dist, 'locked'), 0o755);
  chmodSync(join(dist, 'index.html'), 0o644);
  chmodSync(join(dist, 'locked', 'index.html'), 0o000);
});

afterAll(() => {
  if (child?.exitCode === null) child.kill();
  rmSync(base, { recursive: true, force: true });
});

/** `npm run serve`'s command on a free port; as an unprivileged user when run as root (root reads anything). */
function startServer(dist: string): Promise<string> {
  const asRoot = process.getuid?.() === 0;
  child = spawn(process.execPath, [SERVER, dist], {
    env: { ...process.env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
  });
  return new Promise((ok, fail) => {
    let out = '';
    child!.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /served at (http:\/\/\S+?)\/ /.exec(out);
      if (m) ok(m[1]!);
    });
    child!.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child!.on('exit', (code) => fail(new Error(`server exited (${code}): ${out}`)));
  });
}

describe('the static server with a file it cannot read', () => {
  it('answers 500 for that file and keeps serving the others', async () => {
    const url = await startServer(join(base, 'dist'));
    const locked = await fetch(`${url}/locked/`);
    expect(locked.status).toBe(500);
    expect(await locked.text()).not.toContain('Locked');
    const again = await fetch(`${url}/locked/`);
    expect(again.status).toBe(500);
    const home = await fetch(`${url}/`);
    expect(home.status).toBe(200);
    expect(await home.text()).toBe('<h1>Home</h1>');
    expect(child!.exitCode).toBeNull();
  });
});
