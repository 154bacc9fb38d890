// A small static server for dist/: `npm start` serves the built kit, and the browser tests
// use the same server (no `astro preview` background mode, no dependency). It is meant to be
// fit to put behind a proxy: it serves only regular files whose real path is inside the site
// folder, answers GET and HEAD only, survives a file it cannot read, sends the headers a
// `<meta>` policy cannot carry, and drops connections that are slow to send their request.
import { constants, type Stats } from 'node:fs';
import { open, realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync } from 'node:fs';
import type { Socket } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGzip } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.csv': 'text/csv; charset=utf-8',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  '.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  '.webmanifest': 'application/manifest+json',
};

const COMPRESSIBLE = /^(text\/|application\/(json|manifest\+json)|image\/svg\+xml)/;

/**
 * Sent with every answer. `nosniff` stops a browser from running a file as another type;
 * `frame-ancestors` (which a `<meta>` policy cannot carry) stops other sites framing the kit.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'content-security-policy': "frame-ancestors 'none'",
  'x-frame-options': 'DENY',
  'referrer-policy': 'strict-origin-when-cross-origin',
};

export interface ServeOptions {
  /** Time allowed to receive a request's headers (slow clients are dropped), ms. */
  headersTimeoutMs?: number;
  /** Time allowed to receive a whole request, ms. */
  requestTimeoutMs?: number;
  /** An idle kept-alive connection is closed after this long, ms. */
  keepAliveTimeoutMs?: number;
}

const DEFAULTS: Required<ServeOptions> = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
};

/** The real path of `path` when it exists and lies inside `realRoot`; undefined otherwise. */
async function inside(realRoot: string, path: string): Promise<string | undefined> {
  let real: string;
  try {
    real = await realpath(path);
  } catch {
    return undefined;
  }
  return real === realRoot || real.startsWith(realRoot + sep) ? real : undefined;
}

async function statOf(path: string): Promise<Stats | undefined> {
  try {
    return await stat(path);
  } catch {
    return undefined;
  }
}

/**
 * Map a URL to a regular file in the site folder: a folder means its index.html. A path whose
 * real location (symbolic links followed) is outside the folder is not found, whatever it is.
 * The folder's own real path is read on every request, so a build that swaps dist/ for a new
 * one is served at once.
 */
async function resolveFile(root: string, url: string): Promise<string | undefined> {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url, 'http://localhost').pathname);
  } catch {
    return undefined;
  }
  if (pathname.includes('\0')) return undefined;
  let realRoot: string;
  try {
    realRoot = await realpath(root);
  } catch {
    return undefined;
  }
  const candidate = join(realRoot, pathname);
  if (candidate !== realRoot && !candidate.startsWith(realRoot + sep)) return undefined;
  const real = await inside(realRoot, candidate);
  if (!real) return undefined;
  const st = await statOf(real);
  if (st?.isFile()) return real;
  if (!st?.isDirectory()) return undefined;
  const index = await inside(realRoot, join(real, 'index.html'));
  return index && (await statOf(index))?.isFile() ? index : undefined;
}

/** Send a file; a file that cannot be opened or read is a 500, never a crash. */
async function sendFile(
  req: IncomingMessage,
  res: ServerResponse,
  file: string,
  status: number,
): Promise<void> {
  let handle;
  try {
    handle = await open(file, constants.O_RDONLY | constants.O_NOFOLLOW);
  } catch {
    return sendText(res, 500, 'The server could not read this file.\n');
  }
  let size: number;
  try {
    size = (await handle.stat()).size;
  } catch {
    await handle.close().catch(() => {});
    return sendText(res, 500, 'The server could not read this file.\n');
  }
  const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
  // Text is sent gzipped when the browser asks, as every static host does (pages, scripts,
  // styles, JSON): what the browser tests and Lighthouse see is what a visitor gets.
  const gzip =
    COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'content-type': type,
    'cache-control': 'no-cache',
    vary: 'accept-encoding',
    ...(gzip ? { 'content-encoding': 'gzip' } : { 'content-length': size }),
  });
  if (req.method === 'HEAD') {
    await handle.close().catch(() => {});
    res.end();
    return;
  }
  const stream = handle.createReadStream();
  stream.on('error', () => res.destroy()); // headers are sent: cut the answer short, keep serving
  res.on('close', () => stream.destroy());
  if (gzip) {
    const zip = createGzip();
    zip.on('error', () => res.destroy());
    stream.pipe(zip).pipe(res);
  } else stream.pipe(res);
}

function sendText(res: ServerResponse, status: number, text: string, extra = {}) {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'content-type': 'text/plain; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...extra,
  });
  res.end(text);
}

async function handle(root: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD')
    return sendText(res, 405, 'Only GET and HEAD are allowed.\n', { allow: 'GET, HEAD' });
  const file = await resolveFile(root, req.url ?? '/');
  if (file) return sendFile(req, res, file, 200);
  // The site's own 404 page when it has one (inside the folder, a regular file), else plain text.
  const notFound = await resolveFile(root, '/404.html');
  if (notFound) return sendFile(req, res, notFound, 404);
  return sendText(res, 404, 'Not found\n');
}

export function serveStatic(
  dir: string,
  port = 0,
  host = '127.0.0.1',
  options: ServeOptions = {},
): Promise<{ server: Server; url: string }> {
  const root = resolve(dir);
  const o = { ...DEFAULTS, ...options };
  const server = createServer(
    {
      headersTimeout: o.headersTimeoutMs,
      requestTimeout: o.requestTimeoutMs,
      keepAliveTimeout: o.keepAliveTimeoutMs,
      // How often Node checks the two timeouts above (its default, 30 s, lets a slow client
      // hold a connection for that much longer).
      connectionsCheckingInterval: Math.min(1_000, o.headersTimeoutMs),
    },
    (req, res) => {
      handle(root, req, res).catch(() => sendText(res, 500, 'Internal error.\n'));
    },
  );
  // A connection must deliver its first request's headers in time, even one that sends
  // nothing at all (Node's headersTimeout counts from its first byte).
  const waiting = new WeakMap<Socket, NodeJS.Timeout>();
  server.on('connection', (socket: Socket) => {
    const timer = setTimeout(() => socket.destroy(), o.headersTimeoutMs);
    waiting.set(socket, timer);
    socket.once('close', () => clearTimeout(timer));
  });
  server.on('request', (req: IncomingMessage) => clearTimeout(waiting.get(req.socket)));
  // A connection that stops reading or sending mid-answer is closed too.
  server.timeout = o.requestTimeoutMs;
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      const address = server.address();
      const p = typeof address === 'object' && address ? address.port : port;
      ok({ server, url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${p}` });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? 'dist';
  if (!existsSync(dir)) {
    process.stderr.write(`No ${dir}/ folder: run \`npm run build\` first.\n`);
    process.exit(1);
  }
  const { url } = await serveStatic(
    dir,
    Number(process.env.PORT ?? 4321),
    process.env.HOST ?? '127.0.0.1',
  );
  process.stdout.write(`Partnerkit is served at ${url}/  (Ctrl+C to stop)\n`);
}
