import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic, type ServeOptions } from '../../src/node/static-server.ts';

const SECRET = 'outside-secret-7f3a';
let base: string;
let dist: string;
let secretDir: string;
const servers: Server[] = [];

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'pk-serve-'));
  dist = join(base, 'dist');
  secretDir = join(base, 'secret');
  mkdirSync(join(dist, 'partners', 'msp'), { recursive: true });
  mkdirSync(secretDir);
  writeFileSync(join(secretDir, 'passwd'), `${SECRET}\n`);
  writeFileSync(join(dist, 'index.html'), '<h1>Home</h1>');
  writeFileSync(join(dist, 'partners', 'msp', 'index.html'), '<h1>MSP</h1>');
  writeFileSync(join(dist, 'app.js'), 'console.log(1);');
  // Links out of the site: a folder and a file. And one that stays inside.
  symlinkSync(secretDir, join(dist, 'dirlink'));
  symlinkSync(join(secretDir, 'passwd'), join(dist, 'passwd.txt'));
  symlinkSync(join(dist, 'partners', 'msp'), join(dist, 'msp-alias'));
});

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((ok) => s.close(ok))));
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

async function serve(dir = dist, options: ServeOptions = {}) {
  const { server, url } = await serveStatic(dir, 0, '127.0.0.1', options);
  servers.push(server);
  return url;
}

/** A request written by hand, so paths reach the server exactly as typed (no URL clean-up). */
function raw(url: string, request: string): Promise<string> {
  const { port } = new URL(url);
  return new Promise((ok, fail) => {
    const socket = connect(Number(port), '127.0.0.1', () => socket.write(request));
    let data = '';
    socket.on('data', (d: Buffer) => (data += d.toString('latin1')));
    socket.on('end', () => ok(data));
    socket.on('error', fail);
  });
}

describe('the static server (npm start)', () => {
  it('serves pages, folders as their index.html, and links that stay inside the site', async () => {
    const url = await serve();
    const home = await fetch(`${url}/`);
    expect(home.status).toBe(200);
    expect(await home.text()).toBe('<h1>Home</h1>');
    expect(await (await fetch(`${url}/partners/msp/`)).text()).toBe('<h1>MSP</h1>');
    expect(await (await fetch(`${url}/msp-alias/`)).text()).toBe('<h1>MSP</h1>');
    const js = await fetch(`${url}/app.js`);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('gzips text when the browser asks, and says how long a plain answer is', async () => {
    const url = await serve();
    const zipped = await raw(
      url,
      'GET / HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip\r\nConnection: close\r\n\r\n',
    );
    expect(zipped).toMatch(/\r\ncontent-encoding: gzip\r\n/i);
    expect(zipped).toMatch(/\r\nx-content-type-options: nosniff\r\n/i);
    const plain = await raw(url, 'GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(plain).toMatch(/\r\ncontent-length: 13\r\n/i);
    expect(plain.endsWith('<h1>Home</h1>')).toBe(true);
  });

  it('refuses symbolic links that lead out of the site folder', async () => {
    const url = await serve();
    for (const path of ['/dirlink/passwd', '/passwd.txt', '/dirlink/']) {
      const res = await fetch(`${url}${path}`);
      expect(res.status, path).toBe(404);
      expect(await res.text(), path).not.toContain(SECRET);
    }
  });

  it('refuses paths that climb out of the site folder, however they are written', async () => {
    const url = await serve();
    for (const path of [
      '/../secret/passwd',
      '/%2e%2e/secret/passwd',
      '/..%2fsecret%2fpasswd',
      '/partners/../../secret/passwd',
      '/%00',
      '/%E0%A4%A',
    ]) {
      const answer = await raw(url, `GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
      expect(answer, path).toMatch(/^HTTP\/1\.1 (400|404) /);
      expect(answer, path).not.toContain(SECRET);
    }
  });

  it('serves a dist/ that is a link to a build (as npm run build publishes it) by the build’s real path', async () => {
    // .partnerkit/builds/<one>/ and <two>/, dist -> .partnerkit/builds/one (relative, as published).
    const project = join(base, 'project');
    const builds = join(project, '.partnerkit', 'builds');
    mkdirSync(join(builds, 'one'), { recursive: true });
    mkdirSync(join(builds, 'two'), { recursive: true });
    writeFileSync(join(builds, 'one', 'index.html'), 'build one');
    writeFileSync(join(builds, 'two', 'index.html'), 'build two');
    writeFileSync(join(builds, 'two', 'only-in-two.txt'), SECRET);
    // A link inside the live build to the build beside it: outside the live site's real path.
    symlinkSync(join(builds, 'two'), join(builds, 'one', 'other-build'));
    symlinkSync(join('.partnerkit', 'builds', 'one'), join(project, 'dist'));
    const url = await serve(join(project, 'dist'));
    expect(await (await fetch(`${url}/`)).text()).toBe('build one');
    for (const path of ['/other-build/only-in-two.txt', '/../two/only-in-two.txt']) {
      const answer = await raw(url, `GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
      expect(answer, path).toMatch(/^HTTP\/1\.1 404 /);
      expect(answer, path).not.toContain(SECRET);
    }
    // The link is read on every request: a published build is served at once.
    rmSync(join(project, 'dist'));
    symlinkSync(join('.partnerkit', 'builds', 'two'), join(project, 'dist'));
    expect(await (await fetch(`${url}/`)).text()).toBe('build two');
  });

  it('answers 405 to every method but GET and HEAD', async () => {
    const url = await serve();
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      const res = await fetch(`${url}/`, { method });
      expect(res.status, method).toBe(405);
      expect(res.headers.get('allow'), method).toBe('GET, HEAD');
    }
    // fetch refuses to send TRACE, so it goes by hand.
    expect(await raw(url, 'TRACE / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')).toMatch(
      /^HTTP\/1\.1 405 /,
    );
    const head = await raw(url, 'HEAD / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 200 /);
    expect(head).toMatch(/\r\ncontent-length: 13\r\n/i);
    expect(head.endsWith('\r\n\r\n')).toBe(true); // headers only
  });

  it('sends nosniff and frame-ancestors on every answer', async () => {
    const url = await serve();
    for (const [path, method, status] of [
      ['/', 'GET', 200],
      ['/nope/', 'GET', 404],
      ['/', 'POST', 405],
    ] as const) {
      const res = await fetch(`${url}${path}`, { method });
      expect(res.status).toBe(status);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-security-policy')).toBe("frame-ancestors 'none'");
    }
  });

  it("serves the site's own 404 page when it has one, plain text otherwise", async () => {
    const plain = await fetch(`${await serve()}/no-such-page/`);
    expect(plain.status).toBe(404);
    expect(await plain.text()).toBe('Not found\n');

    const designed = join(base, 'designed');
    mkdirSync(designed);
    writeFileSync(join(designed, 'index.html'), 'home');
    writeFileSync(join(designed, '404.html'), '<h1>This page is not in the kit</h1>');
    const res = await fetch(`${await serve(designed)}/no-such-page/`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await res.text()).toBe('<h1>This page is not in the kit</h1>');
  });

  it('drops a client that sends its request headers too slowly', async () => {
    const url = await serve(dist, { headersTimeoutMs: 300, requestTimeoutMs: 600 });
    const { port } = new URL(url);
    const started = Date.now();
    const closed = await new Promise<string>((ok, fail) => {
      const socket = connect(Number(port), '127.0.0.1', () => socket.write('GET / HTTP/1.1\r\n'));
      // One header line every 100 ms, never the blank line that ends them (slowloris).
      const drip = setInterval(() => socket.write('X-a: b\r\n'), 100);
      let data = '';
      socket.on('data', (d: Buffer) => (data += d.toString('latin1')));
      socket.on('close', () => {
        clearInterval(drip);
        ok(data);
      });
      socket.on('error', () => {});
      setTimeout(() => fail(new Error('connection still open after 5 s')), 5_000).unref();
    });
    expect(closed).not.toContain('200 OK');
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('closes a connection that never sends anything', async () => {
    const url = await serve(dist, { headersTimeoutMs: 300, requestTimeoutMs: 600 });
    const { port } = new URL(url);
    await new Promise<void>((ok, fail) => {
      const socket = connect(Number(port), '127.0.0.1');
      socket.resume(); // read, so the server's closing is seen
      socket.on('close', () => ok());
      socket.on('error', () => {});
      setTimeout(() => fail(new Error('idle connection still open after 5 s')), 5_000).unref();
    });
  });
});
