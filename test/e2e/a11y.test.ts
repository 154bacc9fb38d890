// Accessibility: axe-core (WCAG 2.1 A and AA) on every built page in Debian's Chromium, then on
// the calculator and the deck form after using them by keyboard alone.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { htmlPages, readPage, urlOfPage } from '../helpers/dist-files.ts';
import { axeViolations, describeFindings } from '../helpers/axe.ts';
import { DIST, useServedSite } from '../helpers/browser.ts';

const pages = htmlPages(DIST).map((file) => ({
  file,
  url: urlOfPage(file),
  parsed: readPage(DIST, file),
}));
const calculatorPages = pages.filter((p) =>
  p.parsed.elements.some((e) => e.tag === 'pk-calculator'),
);
/** A page with the "Tailor a deck" form. */
const deckPage = pages.find((p) => p.parsed.elements.some((e) => e.tag === 'pk-tailor-deck'));

const site = useServedSite();

/** Press Tab until the focused element matches `selector` (at most `limit` presses). */
export async function tabTo(page: Page, selector: string, limit = 200): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`${selector} is not reachable with Tab within ${limit} presses`);
}

describe('WCAG 2.1 A and AA (axe-core) on every page', () => {
  it.for(pages.map((p) => [p.url] as const))('%s', { timeout: 120_000 }, async ([url]) => {
    const page = await site.browser.newPage();
    try {
      await page.goto(`${site.base}${url}`, { waitUntil: 'load' });
      const found = await axeViolations(page);
      expect(describeFindings(url, found)).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('used by keyboard alone', () => {
  it(
    'the calculator: Tab to an input, type a value, Enter; then no violation',
    { timeout: 120_000 },
    async () => {
      expect(calculatorPages.length).toBeGreaterThan(0);
      const page = await site.browser.newPage();
      try {
        const { url } = calculatorPages[0]!;
        await page.goto(`${site.base}${url}`, { waitUntil: 'load' });
        const version = () => page.locator('pk-calculator').getAttribute('data-version');
        const before = await version();
        await tabTo(page, 'pk-calculator input[type=number]');
        const max = await page.evaluate(
          () => (document.activeElement as HTMLInputElement).max || '1',
        );
        await page.keyboard.press('Control+A');
        await page.keyboard.type(max); // a valid value other than the default
        await page.keyboard.press('Enter');
        await expect.poll(version).not.toBe(before);
        // and a bad value, so the field's error message is checked too
        await page.keyboard.press('Control+A');
        await page.keyboard.type('-99999999');
        const field = await page.evaluate(() => document.activeElement!.id);
        await page.keyboard.press('Tab');
        // the field's error message is shown before axe looks at it
        await expect
          .poll(() => page.locator(`#${field}`).getAttribute('aria-invalid'))
          .toBe('true');
        expect(describeFindings(`${url} after keyboard input`, await axeViolations(page))).toEqual(
          [],
        );
      } finally {
        await page.close();
      }
    },
  );

  it(
    'the deck form: Tab to it, fill it in, Enter; then no violation',
    { timeout: 120_000 },
    async () => {
      expect(deckPage, 'a page with the <pk-tailor-deck> form').toBeDefined();
      const page = await site.browser.newPage({ acceptDownloads: true });
      try {
        await page.goto(`${site.base}${deckPage!.url}`, { waitUntil: 'load' });
        // first Enter with no company name: the form says what is missing
        await tabTo(page, 'pk-tailor-deck input[name=prospect]');
        await page.keyboard.press('Enter');
        await expect
          .poll(() => page.locator('pk-tailor-deck [data-deck-status]').textContent())
          .not.toBe('');
        expect(
          describeFindings(`${deckPage!.url} with the form's error`, await axeViolations(page)),
        ).toEqual([]);
        await page.keyboard.type('Acme Ltd');
        await tabTo(page, 'pk-tailor-deck select[name=vertical]');
        await page.keyboard.press('ArrowDown');
        await tabTo(page, 'pk-tailor-deck button[type=submit]');
        const download = page.waitForEvent('download', { timeout: 90_000 });
        await page.keyboard.press('Enter');
        expect((await download).suggestedFilename()).toMatch(/\.pptx$/);
        expect(
          describeFindings(`${deckPage!.url} after keyboard use`, await axeViolations(page)),
        ).toEqual([]);
      } finally {
        await page.close();
      }
    },
  );
});
