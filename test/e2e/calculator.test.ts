// The business-case calculator in Chromium: recomputing on input, the link as the state,
// inline messages for nonsense, keyboard use, the mix builder, the CSV, hostile links, offline.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loadData } from '../../src/node/load-data.ts';
import { useServedSite, watchErrors } from '../helpers/browser.ts';

const { dataset } = loadData(join(import.meta.dirname, '..', '..'));
const types = dataset!.partnerTypes;
const type = types.find((t) => t.id === 'managed-service-provider') ?? types[0]!;
const PATH = `/partners/${type.id}/business-case/`;
const site = useServedSite();

interface Snapshot {
  version: number;
  sentence: string;
  figures: Record<string, string>;
  revenue: (number | null)[][];
  cash: (number | null)[];
  tornado: (number | null)[][];
  payback: number | null;
}

/**
 * Wait until the calculator has rendered at least `after` full cases, none is waiting (typing
 * quickly folds several inputs into one full run) and the charts show the last one.
 */
async function settled(page: Page, after = 1): Promise<void> {
  await page.waitForFunction((n) => {
    const el = document.querySelector<HTMLElement>('pk-calculator');
    return (
      !!el &&
      Number(el.dataset.version) >= n &&
      !el.hasAttribute('data-pending') &&
      el.dataset.chartsVersion === el.dataset.version
    );
  }, after);
}

async function snapshot(page: Page): Promise<Snapshot> {
  return page.evaluate(() => {
    interface ChartLike {
      data: { datasets: { data: (number | null)[] }[] };
      options: { plugins: { pkPayback: { month: number | null } } };
    }
    const el = document.querySelector('pk-calculator') as HTMLElement & {
      charts: { revenue: ChartLike; cash: ChartLike; tornado: ChartLike };
    };
    const figures: Record<string, string> = {};
    for (const f of el.querySelectorAll<HTMLElement>('[data-figure]'))
      figures[f.dataset.figure!] = f.querySelector('[data-value]')!.textContent ?? '';
    return {
      version: Number(el.dataset.version),
      sentence: el.querySelector('[data-out="sentence"]')!.textContent ?? '',
      figures,
      revenue: el.charts.revenue.data.datasets.map((d) => [...d.data]),
      cash: [...el.charts.cash.data.datasets[0]!.data],
      tornado: el.charts.tornado.data.datasets.map((d) => [...d.data]),
      payback: el.charts.cash.options.plugins.pkPayback.month,
    };
  });
}

/** Text and chart numbers on screen hold no NaN or Infinity. */
async function expectNoBadNumbers(page: Page, s: Snapshot): Promise<void> {
  const text = await page.locator('main').innerText();
  expect(text).not.toMatch(/NaN|Infinity|∞/);
  for (const v of [...s.revenue.flat(), ...s.cash, ...s.tornado.flat()])
    expect(v === null || Number.isFinite(v)).toBe(true);
}

describe('the business-case calculator in Chromium', () => {
  it('renders the full default case without JavaScript', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.base}${PATH}`);
    await expect(page.locator('[data-out="sentence"]').textContent()).resolves.toMatch(/\$/);
    await expect(page.locator('[data-figure="npv"] [data-value]').textContent()).resolves.toMatch(
      /^-?\$[\d,]+$/,
    );
    await expect(
      page.locator('table[data-out="scenario-table"] thead th').allTextContents(),
    ).resolves.toEqual(['Less volume, slower', 'Expected', 'More volume, faster']);
    const horizon = Number(await page.locator('#in-horizonMonths').inputValue());
    await expect(page.locator('table[data-out="monthly-table"] tbody tr').count()).resolves.toBe(
      horizon + 1,
    );
    await context.close();
  });

  it('changing an input changes the summary, the figures and the chart data', async () => {
    const page = await site.browser.newPage();
    const errors = watchErrors(page);
    await page.goto(`${site.base}${PATH}`);
    await settled(page);
    const before = await snapshot(page);
    const dealValue = page.locator('#in-dealValue');
    const doubled = String(Number(await dealValue.inputValue()) * 2);
    await dealValue.fill(doubled);
    await settled(page, before.version + 1);
    const after = await snapshot(page);
    expect(after.sentence).not.toBe(before.sentence);
    expect(after.figures.npv).not.toBe(before.figures.npv);
    expect(after.figures.grossProfit).not.toBe(before.figures.grossProfit);
    expect(after.revenue).not.toEqual(before.revenue);
    expect(after.cash).not.toEqual(before.cash);
    expect(after.tornado).not.toEqual(before.tornado);
    // The override is in the link and marked on the field.
    expect(new URL(page.url()).searchParams.get('dealValue')).toBe(doubled);
    await expect(
      page.locator('.field[data-key="dealValue"]').getAttribute('data-overridden'),
    ).resolves.toBe('');
    await expectNoBadNumbers(page, after);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('fetches its data after the page is up, and keeps what was typed before it arrived', async () => {
    // The calculator's data file is held back until the recruiter has typed a deal value and
    // picked a mix share: both are applied once it arrives, and nothing is reset.
    const page = await site.browser.newPage();
    const errors = watchErrors(page);
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const requested: string[] = [];
    await page.route('**/case-data.json', async (route) => {
      requested.push(new URL(route.request().url()).pathname);
      await held;
      await route.continue();
    });
    await page.goto(`${site.base}${PATH}`);
    await expect.poll(() => requested).toEqual([`${PATH}case-data.json`]);
    const dealValue = page.locator('#in-dealValue');
    const tripled = String(Number(await dealValue.inputValue()) * 3);
    const npvBefore = await page.locator('[data-figure="npv"] [data-value]').textContent();
    await dealValue.fill(tripled);
    expect(await page.locator('pk-calculator').getAttribute('data-ready')).toBeNull();
    release();
    await settled(page);
    expect(await dealValue.inputValue()).toMatch(
      new RegExp(`^${tripled.replace(/\B(?=(\d{3})+$)/g, ',?')}$`),
    );
    expect(new URL(page.url()).searchParams.get('dealValue')).toBe(tripled);
    expect(await page.locator('[data-figure="npv"] [data-value]').textContent()).not.toBe(
      npvBefore,
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a copied link reproduces the same case after reload, in a new page', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.base}${PATH}`);
    await settled(page);
    const v0 = (await snapshot(page)).version;
    await page.locator('#pick-vertical').selectOption({ index: 1 });
    const customers = Number(await page.locator('#in-newCustomersPerMonth').inputValue()) + 1;
    const renewal = (await page.locator('#in-renewalRate').inputValue()) === '85' ? '80' : '85';
    await page.locator('#in-newCustomersPerMonth').fill(String(customers));
    await page.locator('#in-renewalRate').fill(renewal);
    await settled(page, v0 + 1);
    const shown = await snapshot(page);
    const link = page.url();
    expect(new URL(link).searchParams.get('renewalRate')).toBe(String(Number(renewal) / 100));
    expect(new URL(link).searchParams.get('newCustomersPerMonth')).toBe(String(customers));
    expect(new URL(link).searchParams.get('vertical')).toBe(dataset!.verticals[0]!.id);

    const other = await site.browser.newPage();
    const errors = watchErrors(other);
    await other.goto(link);
    await settled(other);
    const again = await snapshot(other);
    expect({ ...again, version: 0 }).toEqual({ ...shown, version: 0 });
    await expect(other.locator('#in-renewalRate').inputValue()).resolves.toBe(renewal);
    await expect(other.locator('#pick-vertical').inputValue()).resolves.toBe(
      dataset!.verticals[0]!.id,
    );
    await other.reload();
    await settled(other);
    expect({ ...(await snapshot(other)), version: 0 }).toEqual({ ...shown, version: 0 });
    expect(other.url()).toBe(link);
    expect(errors).toEqual([]);
    await page.close();
    await other.close();
  });

  for (const [name, raw] of [
    ['negative', '-5'],
    ['empty', ''],
    ['letters', 'abc'],
    ['absurdly large', '1e400'],
    ['NaN', 'NaN'],
  ] as const) {
    it(`a ${name} value shows an inline message and the last valid numbers stay`, async () => {
      const page = await site.browser.newPage();
      const errors = watchErrors(page);
      await page.goto(`${site.base}${PATH}`);
      await settled(page);
      const before = await snapshot(page);
      const previewBefore = await page
        .locator('pk-calculator')
        .evaluate((el: HTMLElement) => el.dataset.previewVersion);
      const input = page.locator('#in-dealValue');
      // Clear the field, then put the whole entry in with one input event (typing it key by
      // key would pass through valid values on the way, "1" before "1e400").
      await input.click();
      await input.press('Control+A');
      await input.press('Backspace');
      if (raw) await page.keyboard.insertText(raw);
      await page.waitForFunction(
        () => document.querySelector('#in-dealValue')?.getAttribute('aria-invalid') === 'true',
      );
      const message = await page.locator('#err-dealValue').textContent();
      expect(message).toMatch(/Not a number|Empty|Out of range/);
      await expect(input.getAttribute('aria-describedby')).resolves.toContain('err-dealValue');
      // The input handler recomputes synchronously when a value is used: no new preview, nothing pending.
      await expect(
        page.locator('pk-calculator').evaluate((el: HTMLElement) => ({
          preview: el.dataset.previewVersion,
          pending: el.hasAttribute('data-pending'),
        })),
      ).resolves.toEqual({ preview: previewBefore, pending: false });
      const after = await snapshot(page);
      expect(after).toEqual(before);
      await expectNoBadNumbers(page, after);
      expect(new URL(page.url()).searchParams.has('dealValue')).toBe(false);
      // Fixing it clears the message and recomputes.
      await input.fill('30000');
      await settled(page, before.version + 1);
      await expect(input.getAttribute('aria-invalid')).resolves.toBeNull();
      await expect(page.locator('#err-dealValue').isHidden()).resolves.toBe(true);
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it('works from the keyboard: tab to an input and change it', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.base}${PATH}`);
    await settled(page);
    const before = await snapshot(page);
    let reached = false;
    for (let i = 0; i < 80 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.id === 'in-newCustomersPerMonth');
    }
    expect(reached).toBe(true);
    await page.keyboard.press('ArrowUp');
    await settled(page, before.version + 1);
    const after = await snapshot(page);
    expect(after.figures.npv).not.toBe(before.figures.npv);
    // The live region announces the new summary once typing pauses.
    await page.waitForFunction(() =>
      (document.querySelector('[data-out="announce"]')?.textContent ?? '').startsWith('Updated:'),
    );
    await page.close();
  });

  it('the mix builder computes a 60/40 mix and keeps it in the link', async () => {
    const page = await site.browser.newPage();
    const errors = watchErrors(page);
    await page.goto(`${site.base}/business-case/`);
    await settled(page);
    const [a, b] = [
      types.find((t) => t.id === 'managed-service-provider') ?? types[2]!,
      types.find((t) => t.id === 'reseller') ?? types[3]!,
    ];
    for (const input of await page.locator('input[data-mix-type]').all()) await input.fill('0');
    await page.locator(`#mix-${a.id}`).fill('60');
    await page.locator(`#mix-${b.id}`).fill('40');
    await page.waitForFunction(
      ([x, y]) => {
        const el = document.querySelector('pk-calculator') as HTMLElement & {
          lastCase?: { lanes: { type: string; weight: number }[] };
        };
        const lanes = el.lastCase?.lanes ?? [];
        return (
          lanes.length === 2 && lanes.some((l) => l.type === x) && lanes.some((l) => l.type === y)
        );
      },
      [a.id, b.id],
    );
    const lanes = await page.evaluate(() =>
      (
        document.querySelector('pk-calculator') as HTMLElement & {
          lastCase: { lanes: { type: string; weight: number }[] };
        }
      ).lastCase.lanes.map((l) => [l.type, l.weight]),
    );
    expect(Object.fromEntries(lanes)).toEqual({ [a.id]: 0.6, [b.id]: 0.4 });
    expect(new URL(page.url()).searchParams.get('mix')).toBe(`${a.id}=0.6,${b.id}=0.4`);
    const shown = await snapshot(page);
    // A mix with every share at 0 is refused with a message; the last case stays.
    await page.locator(`#mix-${b.id}`).fill('0');
    await settled(page, shown.version + 1);
    const single = await snapshot(page);
    await page.locator(`#mix-${a.id}`).fill('0');
    await expect(page.locator('#err-mix').textContent()).resolves.toMatch(/at least one/);
    await expect(page.locator('#err-mix').isVisible()).resolves.toBe(true);
    expect(await snapshot(page)).toEqual(single);
    // The link rebuilds the mix.
    const link = `${site.base}/business-case/?mix=${a.id}=0.6,${b.id}=0.4`;
    const other = await site.browser.newPage();
    await other.goto(link);
    await settled(other);
    await expect(other.locator(`#mix-${a.id}`).inputValue()).resolves.toBe('60');
    expect((await snapshot(other)).figures).toEqual(shown.figures);
    expect(errors).toEqual([]);
    await page.close();
    await other.close();
  });

  it('downloads the monthly table as CSV with horizon + 1 data rows', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.base}${PATH}?horizonMonths=24`);
    await settled(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const text = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '');
    const lines = text.split('\r\n').filter(Boolean);
    expect(lines[0]).toMatch(/^Month,/);
    expect(lines).toHaveLength(1 + 24 + 1);
    expect(lines[1]).toMatch(/^0,/);
    expect(lines.at(-1)).toMatch(/^24,/);
    expect(text).not.toMatch(/NaN|Infinity/);
    await page.close();
  });

  it('a link with script-injection payloads executes nothing and injects nothing', async () => {
    const page = await site.browser.newPage();
    const errors = watchErrors(page);
    let dialogs = 0;
    page.on('dialog', async (d) => {
      dialogs++;
      await d.dismiss();
    });
    const payload = '"><script>alert(1)</script><img src=x onerror=alert(2)>';
    const q = new URLSearchParams({
      type: payload,
      mix: `${payload}=1`,
      vertical: payload,
      segment: payload,
      product: payload,
      dealValue: payload,
      hires: `1${payload}`,
    });
    const hostile = `${site.base}${PATH}?${q}`;
    await page.goto(hostile);
    await settled(page);
    // Loaded, scripts run and the case computed: an injected element or handler would be there now.
    await page.goto(`${site.base}/business-case/?${q}`, { waitUntil: 'networkidle' });
    await settled(page);
    expect(dialogs).toBe(0);
    expect(
      await page
        .locator(
          'img[src="x"], [onerror], script:not([src]):not([type="application/json"]), script[src]:not([src^="/_astro/"])',
        )
        .count(),
    ).toBe(0);
    // The problems are shown as text beside the field and in the form status.
    await expect(page.locator('#err-dealValue').textContent()).resolves.toContain('not used');
    await expect(page.locator('[data-out="form-status"]').textContent()).resolves.toContain(
      '<script>',
    );
    expect(errors.filter((e) => !/request failed: .*\/x$/.test(e))).toEqual([]);
    await page.close();
  });

  it('tells other scripts about each case: pk:case-change on document and data-request', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.base}${PATH}`);
    await settled(page);
    await page.evaluate(() => {
      (window as unknown as { seen: unknown[] }).seen = [];
      document.addEventListener('pk:case-change', (e) =>
        (window as unknown as { seen: unknown[] }).seen.push((e as CustomEvent).detail),
      );
    });
    const hires = Number(await page.locator('#in-hires').inputValue()) + 1;
    await page.locator('#in-hires').fill(String(hires));
    await page.waitForFunction(() => (window as unknown as { seen: unknown[] }).seen.length > 0);
    const [detail] = await page.evaluate(() => (window as unknown as { seen: unknown[] }).seen);
    expect(detail).toEqual({ mix: [{ type: type.id, weight: 1 }], overrides: { hires } });
    const attr = await page.locator('pk-calculator').getAttribute('data-request');
    expect(JSON.parse(attr!)).toEqual(detail);
    await page.close();
  });

  it('works offline once loaded, and loads nothing from another origin', async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    const foreign: string[] = [];
    page.on('request', (r) => {
      if (
        !r.url().startsWith(site.base) &&
        !r.url().startsWith('blob:') &&
        !r.url().startsWith('data:')
      )
        foreign.push(r.url());
    });
    await page.goto(`${site.base}${PATH}`);
    await settled(page);
    await context.setOffline(true);
    const before = await snapshot(page);
    await page
      .locator('#in-certifications')
      .fill(String(Number(await page.locator('#in-certifications').inputValue()) + 3));
    await settled(page, before.version + 1);
    expect((await snapshot(page)).figures.npv).not.toBe(before.figures.npv);
    expect(foreign).toEqual([]);
    await context.close();
  });

  it('every partner type and the mix builder load with no console error and a finite case', async () => {
    const page = await site.browser.newPage();
    const errors = watchErrors(page);
    for (const path of [
      ...types.map((t) => `/partners/${t.id}/business-case/`),
      '/business-case/',
    ]) {
      const res = await page.goto(`${site.base}${path}`);
      expect(res?.status(), path).toBe(200);
      await settled(page);
      await expectNoBadNumbers(page, await snapshot(page));
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});
