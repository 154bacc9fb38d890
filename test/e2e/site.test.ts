import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadData } from '../../src/node/load-data.ts';
import { useServedSite, watchErrors } from '../helpers/browser.ts';

const { dataset } = loadData(join(import.meta.dirname, '..', '..'));
const types = dataset!.partnerTypes;
const site = useServedSite();

describe('the site in Chromium', () => {
  it('the home page lists every partner type, grouped by journey role', async () => {
    const page = await site.browser.newPage();
    const errors = watchErrors(page);
    await page.goto(`${site.base}/`);
    for (const role of ['influence', 'transact', 'retain'] as const) {
      const listed = await page
        .locator(`section[data-role=${role}] .partner-card`)
        .evaluateAll((cards) => cards.map((c) => (c as HTMLElement).dataset.type));
      expect(listed.sort()).toEqual(
        types
          .filter((t) => t.journeyRoles.includes(role))
          .map((t) => t.id)
          .sort(),
      );
    }
    expect(errors).toEqual([]);
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
