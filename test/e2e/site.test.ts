import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadData } from '../../src/node/load-data.ts';
import { useServedSite, watchErrors } from '../helpers/browser.ts';
import { bindDefaultProse } from '../../src/core/prose-tokens.ts';

const { dataset } = loadData(join(import.meta.dirname, '..', '..'));
// The types as the pages state them: their prose bound to each one's default case.
const types = bindDefaultProse(dataset!).partnerTypes;
const site = useServedSite();

describe('the site in Chromium', () => {
  it('the home page lists every partner type once; the role filter narrows them and keeps the choice in the link', async () => {
    const page = await site.browser.newPage();
    const errors = watchErrors(page);
    await page.goto(`${site.base}/`);
    const shown = () =>
      page
        .locator('.partner-card:visible')
        .evaluateAll((cards) => cards.map((c) => (c as HTMLElement).dataset.type));
    expect((await shown()).sort()).toEqual(types.map((t) => t.id).sort());
    for (const role of ['influence', 'transact', 'retain'] as const) {
      await page.locator(`.filter-bar input[value=${role}]`).check({ force: true });
      const expected = types.filter((t) => t.journeyRoles.includes(role)).map((t) => t.id);
      expect((await shown()).sort(), role).toEqual(expected.sort());
      expect(new URL(page.url()).searchParams.get('role')).toBe(role);
      await expect(page.locator('.type-filter-status').textContent()).resolves.toBe(
        `Showing ${expected.length} of ${types.length} partner types.`,
      );
    }
    await page.reload();
    expect((await shown()).length).toBe(
      types.filter((t) => t.journeyRoles.includes('retain')).length,
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  it('search links a matching objection itself, not the top of its playbook', async () => {
    const type = types.find((t) => t.objections.length > 0)!;
    const objection = type.objections[0]!;
    const page = await site.browser.newPage();
    const errors = watchErrors(page);
    const words = objection.objection.replace(/[^\w\s']/g, ' ').trim();
    await page.goto(`${site.base}/search/?q=${encodeURIComponent(words)}&type=${type.id}`);
    const links = page.locator('.search-result a');
    await expect.poll(() => links.count(), { timeout: 20_000 }).toBeGreaterThan(0);
    const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toContain(`/partners/${type.id}/#objection-${objection.id}`);
    expect(await links.first().getAttribute('href')).toMatch(/#/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the guide lays out a code snippet when it comes near the screen, not all of them up front', async () => {
    // Hundreds of highlighted spans per snippet: laying them all out at load cost a phone
    // ~150 ms of blocking time (Lighthouse). A snippet far below is skipped until scrolled to.
    const page = await site.browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${site.base}/guide/`);
    const last = page.locator('.code-block pre').last();
    const drawn = () => last.evaluate((el) => el.checkVisibility({ contentVisibilityAuto: true }));
    expect(await page.locator('.code-block').count()).toBeGreaterThan(3);
    expect(await drawn()).toBe(false);
    await last.scrollIntoViewIfNeeded();
    await expect.poll(drawn).toBe(true);
    await page.close();
  });

  it('the guide’s code: highlighted markup is not drawn as pills; long lines scroll in their box', async () => {
    const page = await site.browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${site.base}/guide/`);
    const tokens = page.locator('.code-block .token.tag');
    expect(await tokens.count()).toBeGreaterThan(0);
    const borders = await tokens.evaluateAll((els) =>
      els.map((e) => getComputedStyle(e).borderTopWidth),
    );
    expect(new Set(borders)).toEqual(new Set(['0px']));
    const boxes = await page.locator('.code-scroll').evaluateAll((els) =>
      els.map((e) => ({
        scrolls: e.scrollWidth > e.clientWidth,
        wraps: getComputedStyle(e.querySelector('pre')!).whiteSpace,
      })),
    );
    expect(boxes.some((b) => b.scrolls)).toBe(true);
    expect(new Set(boxes.map((b) => b.wraps))).toEqual(new Set(['pre']));
    await page.close();
  });

  it('each playbook page loads with no console error', async () => {
    const page = await site.browser.newPage();
    const errors = watchErrors(page);
    for (const t of types) {
      const res = await page.goto(`${site.base}/partners/${t.id}/`);
      expect(res?.status(), t.id).toBe(200);
      await expect(page.locator('h1').textContent()).resolves.toBe(t.name);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the compare view shows the chosen types side by side and keeps the choice in the link', async () => {
    const page = await site.browser.newPage();
    const errors = watchErrors(page);
    const [a, b, c] = types;
    await page.goto(`${site.base}/compare/?types=${a!.id},${b!.id}`);
    const visibleHeads = () =>
      page
        .locator('.compare-table thead th[data-col]:visible')
        .evaluateAll((ths) => ths.map((th) => (th as HTMLElement).dataset.col));
    expect(await visibleHeads()).toEqual([a!.id, b!.id]);
    await page.getByLabel(c!.name, { exact: true }).check();
    expect(await visibleHeads()).toEqual([a!.id, b!.id, c!.id]);
    expect(new URL(page.url()).searchParams.get('types')).toBe(`${a!.id},${b!.id},${c!.id}`);
    await page.reload();
    expect(await visibleHeads()).toEqual([a!.id, b!.id, c!.id]);
    await expect(page.locator('.compare-status').textContent()).resolves.toContain('Comparing 3');
    expect(errors).toEqual([]);
    await page.close();
  });
});
