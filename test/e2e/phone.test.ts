// The business case and the deck form on a phone (390 x 844): the key figures before the
// inputs, a compact summary in view while an input deep in the form is edited, every
// sensitivity driver labelled in full on the chart (and at a laptop's width), and a deck built
// from the form.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loadData } from '../../src/node/load-data.ts';
import { useServedSite, watchErrors } from '../helpers/browser.ts';
import { chartsDrawn, layoutProblems } from '../helpers/layout.ts';

const { dataset } = loadData(join(import.meta.dirname, '..', '..'));
const type =
  dataset!.partnerTypes.find((t) => t.id === 'managed-service-provider') ??
  dataset!.partnerTypes[0]!;
const PHONE = { width: 390, height: 844 };
const site = useServedSite();

const phone = async (): Promise<Page> => {
  const context = await site.browser.newContext({
    viewport: PHONE,
    isMobile: true,
    hasTouch: true,
    acceptDownloads: true,
  });
  return context.newPage();
};

const drawn = (page: Page) => chartsDrawn(page);

describe('the business case on a phone', () => {
  it('shows the key figures before the inputs, and a summary stays in view while editing', async () => {
    const page = await phone();
    const errors = watchErrors(page);
    await page.goto(`${site.base}/partners/${type.id}/business-case/`);
    await drawn(page);
    const top = async (selector: string) => (await page.locator(selector).boundingBox())!.y;
    expect(await top('[data-figure="npv"]')).toBeLessThan(await top('#case-form'));

    // an input half-way down the form: scrolled to, the summary bar is on screen with it
    const input = page.locator('#in-newCustomersPerMonth');
    await input.scrollIntoViewIfNeeded();
    const bar = page.locator('.calc-summary-bar');
    const inView = async () => {
      const b = (await bar.boundingBox())!;
      return b.y >= 0 && b.y + b.height <= PHONE.height;
    };
    expect(await inView()).toBe(true);
    const before = await bar.locator('[data-summary="npv"]').textContent();
    await input.fill(String(Number(await input.inputValue()) + 3));
    await expect.poll(() => bar.locator('[data-summary="npv"]').textContent()).not.toBe(before);
    expect(await inView()).toBe(true);
    // the bar says what the figures say
    await expect
      .poll(async () => [
        await bar.locator('[data-summary="npv"]').textContent(),
        await bar.locator('[data-summary="payback"]').textContent(),
      ])
      .toEqual([
        await page.locator('[data-figure="npv"] [data-value]').textContent(),
        await page.locator('[data-figure="payback"] [data-value]').textContent(),
      ]);
    await drawn(page);
    expect(await layoutProblems(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('a phone that opens the page computes nothing until the case is used', async () => {
    const page = await phone();
    await page.goto(`${site.base}/partners/${type.id}/business-case/`, { waitUntil: 'load' });
    const calc = page.locator('pk-calculator');
    // the build-time case is on the page; the engine has not run and chart.js is not loaded
    await expect(page.locator('[data-figure="npv"] [data-value]').textContent()).resolves.toMatch(
      /\$/,
    );
    expect(await calc.getAttribute('data-version')).toBeNull();
    expect(
      await page.evaluate(() =>
        performance.getEntriesByType('resource').some((r) => /charts/.test(r.name)),
      ),
    ).toBe(false);
    // touching the form starts it
    await page.locator('#in-dealValue').focus();
    await expect.poll(() => calc.getAttribute('data-version')).toBe('1');
    await page.context().close();
  });

  it.for([320, 390, 1366])(
    'at %i px the sensitivity chart labels every driver in full, at 11 px or more',
    async (width) => {
      const page = await phone();
      await page.setViewportSize({ width, height: PHONE.height });
      // a type's case and the mix builder's, which has the most drivers
      for (const path of [`/partners/${type.id}/business-case/`, '/business-case/']) {
        await page.goto(`${site.base}${path}`);
        await drawn(page);
        const axis = await page.evaluate(() => {
          interface Scale {
            ticks: unknown[];
            width: number;
            options: { ticks: { padding: number } };
            _resolveTickFontOptions(i: number): { size: number; string: string };
          }
          const el = document.querySelector('pk-calculator') as unknown as {
            charts: {
              tornado: {
                ctx: CanvasRenderingContext2D;
                data: { labels: (string | string[])[] };
                scales: Record<string, Scale>;
              };
            };
          };
          const t = el.charts.tornado;
          const y = t.scales['y']!;
          const font = y._resolveTickFontOptions(0);
          t.ctx.save();
          t.ctx.font = font.string;
          // the widest line of any label, as drawn, against the room the axis gives it
          const lines = t.data.labels.flatMap((l) => (Array.isArray(l) ? l : [l]));
          const widest = lines.reduce(
            (w, line) => {
              const m = t.ctx.measureText(line).width;
              return m > w.width ? { line, width: m } : w;
            },
            { line: '', width: 0 },
          );
          t.ctx.restore();
          return {
            drivers: t.data.labels.length,
            drawn: y.ticks.length,
            font: font.size,
            widest,
            room: y.width - y.options.ticks.padding,
          };
        });
        expect(axis.drivers, path).toBeGreaterThan(5);
        expect(axis.drawn, path).toBe(axis.drivers);
        expect(axis.font, path).toBeGreaterThanOrEqual(11);
        expect(
          axis.widest.width,
          `${path}: "${axis.widest.line}" fits its axis`,
        ).toBeLessThanOrEqual(axis.room);
      }
      await page.context().close();
    },
  );
});

describe('the deck form on a phone', () => {
  it('fills in and builds a deck', { timeout: 120_000 }, async () => {
    const page = await phone();
    const errors = watchErrors(page);
    await page.goto(`${site.base}/partners/${type.id}/`);
    const panel = page.locator('pk-tailor-deck');
    // a block panel, not the inline element whose background painted as slivers
    expect(await panel.evaluate((el) => getComputedStyle(el).display)).toBe('block');
    await panel.getByLabel("Prospect's company").fill('Northwind IT');
    await panel.getByLabel('Vertical').selectOption({ index: 1 });
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 90_000 }),
      panel.getByRole('button', { name: /Build the deck/ }).tap(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.pptx$/);
    expect(
      readFileSync(await download.path())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    expect(await layoutProblems(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
