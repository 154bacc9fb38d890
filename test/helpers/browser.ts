import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { serveStatic } from '../../src/node/static-server.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The built site; PK_DIST points the build and browser tests at another build (e.g. a bench copy). */
export const DIST = process.env.PK_DIST ?? join(import.meta.dirname, '..', '..', 'dist');

/**
 * Debian's Chromium, never a downloaded browser. A missing browser is an error, not a skip:
 * `.ci/run` installs it, and a developer sees the install command.
 */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}. Install it with \`apt-get install chromium\` (or set CHROMIUM_PATH).`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** Serve the built site on a free loopback port. */
export async function serveDist() {
  if (!existsSync(join(DIST, 'index.html')))
    throw new Error('dist/ is not built: run `npm run build` (npm test does it for you).');
  return serveStatic(DIST, 0);
}

/** Collect console errors and page errors, so a test can assert there were none. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  // ERR_ABORTED is the browser cancelling a request when the test navigates on: not a fault.
  page.on('requestfailed', (r) => {
    if (r.failure()?.errorText !== 'net::ERR_ABORTED')
      errors.push(`request failed: ${r.url()} (${r.failure()?.errorText})`);
  });
  return errors;
}

/**
 * For a test file: serve dist/ and start Chromium before its tests, stop both after.
 * Read `site.browser` and `site.base` inside tests (they are set once `beforeAll` has run).
 */
export function useServedSite(): { readonly browser: Browser; readonly base: string } {
  const site = {} as { browser: Browser; base: string };
  let close: (() => void) | undefined;
  beforeAll(async () => {
    const served = await serveDist();
    site.base = served.url;
    close = () => served.server.close();
    site.browser = await launchBrowser();
  });
  afterAll(async () => {
    await site.browser?.close();
    close?.();
  });
  return site;
}
