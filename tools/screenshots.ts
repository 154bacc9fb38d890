// `npm run screenshots`: pictures of the built site as people see it. One page of each page
// type (see representativePages in test/helpers/site-pages.ts), at a phone's 390 px and a laptop's
// 1366 px, full length, and printed to A4 PDF, into screenshots/ (git-ignored). Run
// `npm run build` first. `-- --all` takes every page; `-- /a/ /b/` takes the pages named.
//
//   npm run screenshots                 screenshots/<page>--390.png, --1366.png, .pdf
//   npm run screenshots -- --all
//   npm run screenshots -- /partners/reseller/ /business-case/
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { pageGroups, representativePages } from '../test/helpers/site-pages.ts';
import { serveStatic } from '../src/node/static-server.ts';

const ROOT = join(import.meta.dirname, '..');
const DIST = join(ROOT, 'dist');
const OUT = join(ROOT, 'screenshots');
const WIDTHS = [
  { width: 390, height: 844 },
  { width: 1366, height: 900 },
];

const { values, positionals } = parseArgs({
  options: { all: { type: 'boolean', default: false } },
  allowPositionals: true,
});
if (!existsSync(join(DIST, 'index.html'))) {
  process.stderr.write('dist/ is not built: run `npm run build` first.\n');
  process.exit(1);
}
const urls = positionals.length
  ? positionals
  : values.all
    ? pageGroups(ROOT, DIST).flatMap((g) => g.urls)
    : [...representativePages(ROOT, DIST), '/no-such-page/'];

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
const { server, url: base } = await serveStatic(DIST, 0);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const name = (u: string) => u.replace(/^\/|\/$/g, '').replace(/[/?=&,]+/g, '_') || 'home';
try {
  for (const u of urls) {
    for (const size of WIDTHS) {
      const page = await browser.newPage({ viewport: size });
      await page.goto(`${base}${u}`, { waitUntil: 'networkidle' });
      await page.evaluate(() => document.fonts.ready);
      // a business case draws its charts once they come near the screen
      const canvas = page.locator('pk-calculator canvas[data-chart]').first();
      if (await canvas.count()) {
        await canvas.scrollIntoViewIfNeeded();
        await page.waitForFunction(
          () => document.querySelector<HTMLElement>('pk-calculator')?.dataset.chartsVersion,
        );
        await page.evaluate(() => window.scrollTo(0, 0));
      }
      // Sections laid out only near the screen (content-visibility: auto) would be blank in a
      // full-length picture: lay them out, as a reader scrolling down would see them.
      await page.evaluate(() => {
        for (const el of document.querySelectorAll<HTMLElement>('*'))
          if (getComputedStyle(el).contentVisibility === 'auto')
            el.style.contentVisibility = 'visible';
      });
      const file = join(OUT, `${name(u)}--${size.width}.png`);
      await page.screenshot({ path: file, fullPage: true });
      if (size.width === 1366) {
        await page.emulateMedia({ media: 'print' });
        await page.pdf({ path: join(OUT, `${name(u)}.pdf`), format: 'A4', printBackground: true });
      }
      await page.close();
    }
    process.stdout.write(`${u}\n`);
  }
} finally {
  await browser.close();
  server.close();
}
process.stdout.write(`written to ${OUT}/\n`);
