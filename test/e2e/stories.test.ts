// Stories and search in Chromium: search finds a known story, filters narrow the stories index
// in place, and every live figure in a story equals what the calculator shows for its inputs.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { FIGURES, type FigureName } from '../../src/core/stories/figures.ts';
import { visibleStories } from '../../src/core/stories/messages.ts';
import { loadStories } from '../../src/node/load-content.ts';
import { useServedSite, watchErrors } from '../helpers/browser.ts';

const stories = visibleStories(loadStories(join(import.meta.dirname, '..', '..')), false);
const site = useServedSite();

const resultUrls = (page: Page) =>
  page
    .locator('pk-search .search-results a')
    .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));

describe('search', () => {
  it('returns a known story for words from its text', async () => {
    const page = await site.browser.newPage();
    const errors = watchErrors(page);
    await page.goto(`${site.base}/search/`);
    await page.locator('pk-search input[name=q]').fill('deal registration');
    await expect
      .poll(() => resultUrls(page), { timeout: 20_000 })
      .toContain('/stories/reseller-sales-lead-deal-registration/');
    expect(new URL(page.url()).searchParams.get('q')).toBe('deal registration');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('filters narrow the results to the chosen audience and partner type', async () => {
    const page = await site.browser.newPage();
    const errors = watchErrors(page);
    await page.goto(`${site.base}/search/?q=payback`);
    await expect
      .poll(async () => (await resultUrls(page)).length, { timeout: 20_000 })
      .toBeGreaterThan(3);
    const all = await resultUrls(page);
    await page.locator('pk-search select[name=type]').selectOption('reseller');
    await page.locator('pk-search select[name=audience]').selectOption('cfo');
    // Only reseller pages for a CFO (or for everyone, like the playbook) remain.
    const allowed = new Set([
      '/partners/reseller/',
      ...stories
        .filter((s) => s.data.types.includes('reseller') && s.data.audience === 'cfo')
        .map((s) => `/stories/${s.id}/`),
    ]);
    // Wait for the results of both filters: "fewer than before" already holds once the type
    // filter alone has narrowed them (a reseller story for another audience still listed).
    await expect
      .poll(
        async () => {
          const urls = await resultUrls(page);
          return (
            urls.length < all.length &&
            urls.includes('/stories/reseller-cfo-payback/') &&
            urls.every((u) => allowed.has(u))
          );
        },
        { timeout: 20_000 },
      )
      .toBe(true);
    const narrowed = await resultUrls(page);
    expect(narrowed).toContain('/stories/reseller-cfo-payback/');
    for (const url of narrowed) expect(allowed.has(url), url).toBe(true);
    expect(new URL(page.url()).searchParams.get('audience')).toBe('cfo');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the stories index', () => {
  it('lists every published story and no draft', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.base}/stories/`);
    const ids = await page
      .locator('.story-card')
      .evaluateAll((cards) => cards.map((c) => (c as HTMLElement).dataset.story));
    expect(ids.sort()).toEqual(stories.map((s) => s.id).sort());
    await page.close();
  });

  it('filters narrow the list without a page reload, and the choice is kept in the link', async () => {
    const page = await site.browser.newPage();
    const errors = watchErrors(page);
    await page.goto(`${site.base}/stories/`);
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
    const visible = () =>
      page
        .locator('.story-card:visible')
        .evaluateAll((cards) => cards.map((c) => (c as HTMLElement).dataset.story!));
    expect((await visible()).length).toBe(stories.length);

    await page.getByLabel('Partner type').selectOption('reseller');
    const resellers = stories.filter((s) => s.data.types.includes('reseller')).map((s) => s.id);
    expect((await visible()).sort()).toEqual(resellers.sort());

    await page.getByLabel('Audience').selectOption('cfo');
    expect(await visible()).toEqual(
      stories
        .filter((s) => s.data.types.includes('reseller') && s.data.audience === 'cfo')
        .map((s) => s.id),
    );
    await expect(page.locator('.filter-status').textContent()).resolves.toMatch(
      /^Showing 1 of \d+ stories\.$/,
    );

    await page.getByLabel('Audience').selectOption('marketing-lead');
    expect(await visible()).toEqual([]);
    await expect(page.locator('.story-empty').isVisible()).resolves.toBe(true);

    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
    const url = new URL(page.url());
    expect([url.searchParams.get('type'), url.searchParams.get('audience')]).toEqual([
      'reseller',
      'marketing-lead',
    ]);
    await page.reload();
    expect(await visible()).toEqual([]);
    await page.getByRole('button', { name: 'Show all' }).click();
    await expect.poll(async () => (await visible()).length).toBe(stories.length);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the vertical filter keeps stories for that vertical and stories for any vertical', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.base}/stories/?vertical=healthcare`);
    const shown = await page
      .locator('.story-card:visible')
      .evaluateAll((cards) => cards.map((c) => (c as HTMLElement).dataset.story!));
    expect(shown.sort()).toEqual(
      stories
        .filter((s) => s.data.verticals.length === 0 || s.data.verticals.includes('healthcare'))
        .map((s) => s.id)
        .sort(),
    );
    await page.close();
  });
});

describe('live figures', () => {
  it(
    'every live figure in a story equals what the calculator shows for the same inputs',
    { timeout: 180_000 },
    async () => {
      const page = await site.browser.newPage();
      const errors = watchErrors(page);
      let compared = 0;
      for (const story of stories) {
        await page.goto(`${site.base}/stories/${story.id}/`);
        const figures = await page.locator('.live-figure').evaluateAll((els) =>
          els.map((e) => ({
            name: (e as HTMLElement).dataset.figure!,
            text: e.textContent.trim(),
          })),
        );
        if (!figures.length) continue;
        await page.locator('a.story-calculator').click();
        await page.waitForFunction(
          () =>
            (document.querySelector('pk-calculator') as unknown as { lastCase?: unknown } | null)
              ?.lastCase !== undefined,
        );
        expect(await page.locator('select[data-picker=vertical]').inputValue()).toBe(
          story.data.verticals[0] ?? '',
        );
        expect(await page.locator('select[data-picker=segment]').inputValue()).toBe(
          story.data.segments[0] ?? '',
        );
        for (const f of figures) {
          const shown = await page
            .locator(`.figure[data-figure="${FIGURES[f.name as FigureName].view}"] [data-value]`)
            .textContent();
          expect(f.text, `${story.id}: <Figure name="${f.name}" />`).toBe(shown?.trim());
          compared++;
        }
      }
      expect(compared).toBeGreaterThan(20);
      expect(errors).toEqual([]);
      await page.close();
    },
  );
});
