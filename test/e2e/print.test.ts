// Printing, in Chromium, to A4 PDF: one page of each page type (test/helpers/site-pages.ts), so a
// new kind of page is printed without being listed. Nothing is wider than the printable width,
// page counts stay sensible, a business case carries its inputs and its link, a playbook keeps
// each objection with its answer on one sheet and prints its sources' addresses.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { bindDefaultProse } from '../../src/core/prose-tokens.ts';
import { loadData } from '../../src/node/load-data.ts';
import { representativePages } from '../helpers/site-pages.ts';
import { DIST, useServedSite } from '../helpers/browser.ts';
import { chartsDrawn, layoutProblems } from '../helpers/layout.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const { dataset } = loadData(ROOT);
const urls = representativePages(ROOT, DIST);
/** A4 less the 14 mm margins of the print stylesheet, in CSS pixels (96 per inch). */
const PRINTABLE_WIDTH = Math.floor(((210 - 28) / 25.4) * 96);
/** More sheets than this for one page would be a layout fault, not content. */
const MAX_SHEETS = 12;
const site = useServedSite();
const dir = mkdtempSync(join(tmpdir(), 'pk-print-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function ready(page: Page, url: string) {
  await page.goto(`${site.base}${url}`, { waitUntil: 'networkidle' });
  await chartsDrawn(page);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

/** Print to PDF; the text of each sheet (poppler's pdftotext, installed by .ci/run). */
async function print(page: Page, name: string): Promise<string[]> {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, await page.pdf({ format: 'A4', printBackground: true }));
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const sheets = Number(/Pages:\s+(\d+)/.exec(info)![1]);
  return Array.from({ length: sheets }, (_, i) =>
    execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), '-layout', file, '-'], {
      encoding: 'utf8',
    }),
  );
}

const flat = (s: string) => s.replace(/\s+/g, ' ');

describe('printed to A4', () => {
  it.for(urls)('%s fits the page width and a sensible number of sheets', async (url) => {
    const page = await site.browser.newPage({ viewport: { width: PRINTABLE_WIDTH, height: 1000 } });
    await page.emulateMedia({ media: 'print' });
    await ready(page, url);
    expect(await layoutProblems(page)).toEqual([]);
    const sheets = await print(page, url.replace(/\W+/g, '_'));
    expect(sheets.length).toBeGreaterThan(0);
    expect(sheets.length).toBeLessThanOrEqual(MAX_SHEETS);
    await page.close();
  });

  it('a business case prints its inputs, their basis and the link to the same case', async () => {
    const url = urls.find((u) => /\/business-case\/$/.test(u) && u.startsWith('/partners/'))!;
    const page = await site.browser.newPage();
    await ready(page, `${url}?dealValue=31000`);
    const labels = await page
      .locator('fieldset.calc-group:not([hidden]) .field label')
      .allTextContents();
    expect(labels.length).toBeGreaterThan(10);
    const text = flat((await print(page, 'case')).join('\n'));
    expect(text).toContain('Inputs and assumptions');
    for (const label of labels) expect(text).toContain(flat(label.trim()));
    expect(text).toContain('$31,000'); // the value in the link, as the case used it, grouped
    expect(text).not.toMatch(/\$\d{4,}/); // no "$36000" beside "$36,000" on the same paper
    expect(text.replace(/\s/g, '')).toContain(`${site.base}${url}?`.replace(/\s/g, ''));
    await page.close();
  });

  it.for(dataset!.partnerTypes.map((t) => t.id))(
    'the %s playbook starts its first section on the first sheet and prints no "On this page"',
    async (id) => {
      // A reseller's first section is how it makes money; a non-reseller's is its offer.
      const type = dataset!.partnerTypes.find((t) => t.id === id)!;
      const page = await site.browser.newPage();
      await ready(page, `/partners/${type.id}/`);
      const sheets = (await print(page, `playbook-${type.id}`)).map(flat);
      expect(sheets[0]).toContain(type.name);
      expect(sheets.join(' ').toLowerCase()).not.toContain('on this page'); // printed in capitals
      if (type.transacts) {
        // the heading and its figures, not a heading alone at the foot of the sheet
        expect(sheets[0]).toContain('How they make money');
        expect(sheets[0]).toContain(flat(type.revenueStreams[0]!.name));
      } else expect(sheets[0]).toContain('What you earn with');
      await page.close();
    },
  );

  it('a playbook keeps each objection with its answer and prints its sources’ addresses', async () => {
    // Objections as the page states them: their tokens bound to the type's default case.
    const type = bindDefaultProse(dataset!).partnerTypes.find(
      (t) => t.objections.length >= 3 && t.sources.length,
    )!;
    const page = await site.browser.newPage();
    await ready(page, `/partners/${type.id}/`);
    const sheets = (await print(page, 'playbook')).map(flat);
    const sheetOf = (s: string) => sheets.findIndex((p) => p.includes(s));
    for (const o of type.objections) {
      const q = flat(o.objection).slice(0, 30);
      const a = flat(o.response).slice(0, 30);
      expect(sheetOf(q), `objection "${q}"`).toBeGreaterThanOrEqual(0);
      expect(sheetOf(a), `answer to "${q}"`).toBe(sheetOf(q));
    }
    const all = sheets.join(' ').replace(/\s/g, '');
    for (const s of type.sources) expect(all, s.url).toContain(s.url.replace(/\s/g, ''));
    await page.close();
  });

  it('the comparison prints each chosen type as a block in readable type, not a column strip', async () => {
    const [a, b] = dataset!.partnerTypes;
    const page = await site.browser.newPage();
    await page.emulateMedia({ media: 'print' });
    await ready(page, `/compare/?types=${a!.id},${b!.id}`);
    const blocks = await page.evaluate(() => ({
      table: getComputedStyle(document.querySelector('.compare-sheet .table-scroll')!).display,
      shown: [...document.querySelectorAll<HTMLElement>('.compare-card')]
        .filter((c) => getComputedStyle(c).display !== 'none')
        .map((c) => ({ id: c.dataset.col, px: parseFloat(getComputedStyle(c).fontSize) })),
    }));
    expect(blocks.table).toBe('none');
    expect(blocks.shown.map((c) => c.id)).toEqual([a!.id, b!.id]);
    // 9 pt is 12 CSS px; the old 11-column table printed at 7.5 pt (10 px)
    for (const c of blocks.shown) expect(c.px).toBeGreaterThanOrEqual(12);
    const sheets = await print(page, 'compare');
    expect(sheets.length).toBeLessThanOrEqual(3);
    const text = flat(sheets.join(' '));
    expect(text).toContain(a!.name);
    expect(text).toContain(b!.name);
    await page.close();
  });
});
