// Every built page at a small phone's 320 px, a phone's 390 px, a tablet's 768 px and a laptop's
// 1366 px: the page never scrolls sideways and no text is cut off by its box (see layoutProblems).
// New pages are checked without being listed: the list is dist/.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlPages, urlOfPage } from '../helpers/dist-files.ts';
import { DIST, useServedSite } from '../helpers/browser.ts';
import { chartsDrawn, layoutProblems } from '../helpers/layout.ts';

const urls = htmlPages(DIST).map(urlOfPage);
const WIDTHS = [320, 390, 768, 1366] as const;
const site = useServedSite();

describe.for(WIDTHS)('at %i px wide', (width) => {
  let page: Page;
  beforeAll(async () => {
    page = await site.browser.newPage({ viewport: { width, height: 900 } });
  });
  afterAll(() => page?.close());

  it('there are pages to check', () => expect(urls.length).toBeGreaterThan(10));

  it.for(urls)('%s', async (url) => {
    await page.goto(`${site.base}${url}`, { waitUntil: 'load' });
    // the calculator's charts size themselves once drawn
    await chartsDrawn(page);
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    expect(await layoutProblems(page)).toEqual([]);
  });
});

describe('search results on a phone', () => {
  it.for([320, 390])(
    'at %i px the results for a common word do not widen the page',
    async (width) => {
      const page = await site.browser.newPage({ viewport: { width, height: 900 } });
      await page.goto(`${site.base}/search/?q=referral`);
      const results = page.locator('.search-result');
      await expect.poll(() => results.count(), { timeout: 20_000 }).toBeGreaterThan(5);
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      expect(await layoutProblems(page)).toEqual([]);
      await page.close();
    },
  );
});

describe('/program/ benefits table', () => {
  // [width, whether the table scrolls in its own box]
  it.for([
    [390, true],
    [1366, false],
  ] as const)(
    'at %i px each type reads "can use N of M" on one line, each cell on one line, and the type stays in view',
    async ([width, scrolls]) => {
      const page = await site.browser.newPage({ viewport: { width, height: 900 } });
      await page.goto(`${site.base}/program/`, { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      const m = await page.evaluate(() => {
        const lines = (el: Element) => {
          const r = document.createRange();
          r.selectNodeContents(el);
          return new Set([...r.getClientRects()].map((x) => Math.round(x.top))).size;
        };
        const table = document.querySelector('.benefits-table')!;
        const box = table.closest('.table-scroll')!;
        const shares = [...table.querySelectorAll('.benefit-share')];
        const first = table.querySelector('tbody th')!;
        box.scrollLeft = box.scrollWidth;
        const stuck = Math.abs(
          first.getBoundingClientRect().left - box.getBoundingClientRect().left,
        );
        return {
          shares: shares.map((s) => s.textContent.trim()),
          shareLines: shares.map(lines),
          cellLines: [...table.querySelectorAll('td')].map(lines),
          overflow: box.scrollWidth - box.clientWidth,
          stuck,
        };
      });
      expect(m.shares.length).toBeGreaterThan(0);
      for (const s of m.shares) expect(s).toMatch(/^can use \d+ of \d+$/);
      expect(new Set(m.shareLines)).toEqual(new Set([1]));
      expect(new Set(m.cellLines)).toEqual(new Set([1]));
      // On a laptop the table fits its column; on a phone it scrolls in its own box with the
      // partner type kept at the left edge.
      expect(m.overflow > 0).toBe(scrolls);
      expect(m.stuck).toBeLessThan(1);
      await page.close();
    },
  );
});
