// "Tailor a deck" in Chromium: fill the form, press the button, receive a .pptx download that
// passes the same checks as every other deck. pptxgenjs loads only on the click, and nothing is
// sent anywhere: every request stays on the site and is a GET of its own files.
import { readFileSync } from 'node:fs';
import type { Page, Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { deckProblems } from '../helpers/pptx.ts';
import { useServedSite, watchErrors } from '../helpers/browser.ts';
import { chartCount, dataset, deckFor, single, stories } from '../helpers/decks.ts';
import type { CaseRequest } from '../../src/core/business-case/types.ts';

const site = useServedSite();

function watchRequests(page: Page) {
  const requests: Request[] = [];
  page.on('request', (r) => requests.push(r));
  return requests;
}

async function tailor(
  page: Page,
  fields: {
    prospect: string;
    contact?: string;
    vertical?: string;
    segment?: string;
    audience?: string;
  },
) {
  const form = page.locator('pk-tailor-deck form');
  await form.getByLabel("Prospect's company").fill(fields.prospect);
  if (fields.contact) await form.getByLabel('Prepared for').fill(fields.contact);
  if (fields.vertical) await form.getByLabel('Vertical').selectOption(fields.vertical);
  if (fields.segment) await form.getByLabel('Segment').selectOption(fields.segment);
  if (fields.audience) await form.getByLabel('Audience').selectOption(fields.audience);
  const started = Date.now();
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    form.getByRole('button', { name: /Build the deck/ }).click(),
  ]);
  const path = await download.path();
  return {
    bytes: readFileSync(path),
    fileName: download.suggestedFilename(),
    ms: Date.now() - started,
  };
}

describe('Tailor a deck, in Chromium', () => {
  it('on a reseller playbook: a tailored transact deck that passes the file checks, built on the page', async () => {
    const page = await site.browser.newPage();
    const errors = watchErrors(page);
    const requests = watchRequests(page);
    await page.goto(`${site.base}/partners/reseller/`);
    const before = requests.map((r) => r.url());
    expect(
      before.filter((u) => /pptxgen|jszip|render-pptx/i.test(u)),
      'pptxgenjs must not load before the button is pressed',
    ).toEqual([]);

    const vertical = dataset.verticals[0]!.id;
    const segment = dataset.segments[0]!.id;
    const prospect = 'Contoso & Söhne <GmbH>';
    const got = await tailor(page, { prospect, contact: 'Dana Levi, CEO', vertical, segment });
    const { deck } = deckFor(single('reseller', { vertical, segment }), {
      company: prospect,
      contact: 'Dana Levi, CEO',
    });
    expect(got.fileName).toBe(deck.meta.fileName);
    expect(got.fileName).toMatch(/\.pptx$/);
    const { problems, opened } = await deckProblems(got.bytes, {
      slides: deck.slides.length,
      prospect,
      charts: chartCount(deck),
    });
    expect(problems).toEqual([]);
    // The browser's deck is the Node model's deck: same figures, same slides.
    expect(opened.slideText.join(' ')).toContain(deck.figures.npv);
    expect(opened.slideText.join(' ')).toContain(deck.figures.payback);
    expect(opened.slideText[0]).toContain('Dana Levi, CEO');
    await expect(page.locator('[data-deck-status]').textContent()).resolves.toMatch(
      /^Downloaded .*\.pptx: \d+ slides/,
    );

    // pptxgenjs arrived with the click, from this site; nothing was sent anywhere.
    const after = requests.slice(before.length).map((r) => r.url());
    expect(after.some((u) => /pptxgen/i.test(u))).toBe(true);
    // So did the deck data: the shared part and the reseller's, not every type's.
    expect(before.filter((u) => u.includes('/deck-data/'))).toEqual([]);
    expect(
      after
        .filter((u) => u.includes('/deck-data/'))
        .map((u) => new URL(u).pathname)
        .sort(),
    ).toEqual(['/deck-data/shared.json', '/deck-data/types/reseller.json']);
    expect(
      requests
        .filter((r) => !r.url().startsWith(site.base) && !/^(data|blob):/.test(r.url()))
        .map((r) => r.url()),
    ).toEqual([]);
    expect(
      requests.filter((r) => r.method() !== 'GET').map((r) => `${r.method()} ${r.url()}`),
    ).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the audience picker puts the story written for that person on the story slide', async () => {
    const page = await site.browser.newPage();
    const errors = watchErrors(page);
    await page.goto(`${site.base}/partners/managed-service-provider/`);
    const got = await tailor(page, { prospect: 'Finance First Ltd', audience: 'cfo' });
    const { deck } = deckFor(
      single('managed-service-provider'),
      { company: 'Finance First Ltd' },
      undefined,
      { stories, audience: 'cfo' },
    );
    const { problems, opened } = await deckProblems(got.bytes, {
      slides: deck.slides.length,
      prospect: 'Finance First Ltd',
      charts: chartCount(deck),
    });
    expect(problems).toEqual([]);
    const i = deck.slides.findIndex((s) => s.kind === 'story');
    const pick = stories.find((s) => s.id === 'msp-cfo-smb')!;
    expect(deck.slides[i]!.title).toBe(pick.data.title);
    // The recruiter's speaker notes go in the notes, never on the slide.
    expect(opened.notes[i]).toContain(pick.data.speakerNotes![0]!.slice(0, 40));
    expect(opened.slideText[i]).not.toContain(pick.data.speakerNotes![0]!.slice(0, 40));
    const first = stories.find((s) => s.id === 'msp-cfo-smb')!.data.keyMessages[0]!;
    expect(opened.slideText[i]!.replace(/\s+/g, ' ')).toContain(first.slice(0, 40));
    // Drafts never reach the browser: the MSP education draft is not in the type's deck data.
    const served = await page.evaluate(async () =>
      (await fetch('/deck-data/types/managed-service-provider.json')).text(),
    );
    expect(served).toContain('msp-cfo-smb');
    expect(served).not.toContain('msp-education-draft');
    expect(errors).toEqual([]);
    await page.close();
  });

  it("on an influence type's playbook: the earnings-first deck, with a right-to-left name", async () => {
    const page = await site.browser.newPage();
    const errors = watchErrors(page);
    await page.goto(`${site.base}/partners/consultancy/`);
    const prospect = 'שותפים Advisory';
    const got = await tailor(page, { prospect });
    const { deck } = deckFor(single('consultancy'), { company: prospect });
    const { problems, opened } = await deckProblems(got.bytes, {
      slides: deck.slides.length,
      prospect,
      charts: chartCount(deck),
    });
    expect(problems).toEqual([]);
    expect(deck.slides[1]!.kind).toBe('earnings');
    expect(opened.slideText[1]).toMatch(/You earn/);
    expect(opened.slideText.join(' ')).not.toMatch(/discount|rebate|\bMDF\b/i);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("asks for the prospect's name instead of building a nameless deck", async () => {
    const page = await site.browser.newPage();
    let downloads = 0;
    page.on('download', () => downloads++);
    await page.goto(`${site.base}/partners/reseller/`);
    await page
      .locator('pk-tailor-deck form')
      .getByRole('button', { name: /Build the deck/ })
      .click();
    await expect(page.locator('[data-deck-status]').textContent()).resolves.toMatch(/company name/);
    expect(downloads).toBe(0);
    await page.close();
  });

  it("says which data is missing when the site lacks a type's deck data, and builds once it is back", async () => {
    const page = await site.browser.newPage();
    let downloads = 0;
    page.on('download', () => downloads++);
    await page.route('**/deck-data/types/reseller.json', (route) =>
      route.fulfill({ status: 404, body: 'not found' }),
    );
    await page.goto(`${site.base}/partners/reseller/`);
    const form = page.locator('pk-tailor-deck form');
    await form.getByLabel("Prospect's company").fill('Missing Data Ltd');
    await form.getByRole('button', { name: /Build the deck/ }).click();
    await expect
      .poll(() => page.locator('[data-deck-status]').textContent(), { timeout: 20_000 })
      .toBe('The deck could not be built: the partner type "reseller" is not on this site');
    expect(await page.locator('[data-deck-status]').getAttribute('class')).toContain('error');
    expect(downloads).toBe(0);
    // A failed fetch is not remembered: the next press, with the file back, builds the deck.
    await page.unroute('**/deck-data/types/reseller.json');
    const got = await tailor(page, { prospect: 'Missing Data Ltd' });
    expect(got.fileName).toMatch(/\.pptx$/);
    await page.close();
  });

  it('the playbook links its ready deck, and the downloads page lists every deck with its slides', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.base}/partners/reseller/`);
    const link = page.locator('[data-slot="playbook-actions"] a[data-deck-link]');
    const href = await link.getAttribute('href');
    expect(href).toBe('/decks/reseller.pptx');
    const res = await page.request.get(`${site.base}${href}`);
    expect(res.status()).toBe(200);
    const body = await res.body();
    const slides = deckFor(single('reseller'), { company: 'Your company' }).deck.slides.length;
    expect(
      (await deckProblems(body, { slides, prospect: 'For value-added resellers' })).problems,
    ).toEqual([]);
    await expect(link.textContent()).resolves.toContain('Download the deck (.pptx)');
    await page.goto(`${site.base}/downloads/`);
    const rows = await page
      .locator('.downloads li[data-type]')
      .evaluateAll((cards) => cards.map((c) => (c as HTMLElement).dataset.type));
    expect(rows.sort()).toEqual(dataset.partnerTypes.map((t) => t.id).sort());
    // The slide count shown is the rendered file's.
    await expect(
      page.locator('li[data-type="reseller"] [data-slides]').textContent(),
    ).resolves.toBe(String(slides));
    await expect(
      page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Downloads' })
        .count(),
    ).resolves.toBe(1);
    await page.close();
  });
});

describe('Tailor a deck on a business-case page', () => {
  it("uses the calculator's current numbers: a deck whose figures are the edited case's", async () => {
    const page = await site.browser.newPage();
    const errors = watchErrors(page);
    await page.goto(`${site.base}/partners/reseller/business-case/?type=reseller&dealValue=33333`);
    const calc = page.locator('pk-calculator');
    await page.locator('#in-newCustomersPerMonth').fill('5');
    await page.locator('#in-newCustomersPerMonth').press('Tab');
    await expect
      .poll(
        async () =>
          (JSON.parse((await calc.getAttribute('data-request')) ?? '{}') as Partial<CaseRequest>)
            .overrides?.newCustomersPerMonth,
        { timeout: 10_000 },
      )
      .toBe(5);
    const request = JSON.parse((await calc.getAttribute('data-request'))!) as CaseRequest;
    expect(request.overrides?.dealValue).toBe(33333);

    const got = await tailor(page, { prospect: 'Calculator Customer Ltd' });
    const { deck } = deckFor(request, { company: 'Calculator Customer Ltd' });
    const defaults = deckFor(single('reseller'), { company: 'Calculator Customer Ltd' }).deck;
    expect(deck.figures.npv).not.toBe(defaults.figures.npv);
    const { problems, opened } = await deckProblems(got.bytes, {
      slides: deck.slides.length,
      prospect: 'Calculator Customer Ltd',
      charts: chartCount(deck),
    });
    expect(problems).toEqual([]);
    const bc = deck.slides.findIndex((s) => s.kind === 'headline');
    expect(opened.slideText[bc]).toContain(deck.figures.npv);
    expect(opened.slideText[bc]).toContain(deck.figures.grossProfit);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("on the mix page: fetches the data of the types in the mix only, and builds the mix's deck", async () => {
    const page = await site.browser.newPage();
    const errors = watchErrors(page);
    const requests = watchRequests(page);
    await page.goto(`${site.base}/business-case/`);
    const calc = page.locator('pk-calculator');
    await expect
      .poll(
        async () =>
          (JSON.parse((await calc.getAttribute('data-request')) ?? '{"mix":[]}') as CaseRequest).mix
            .length,
        { timeout: 10_000 },
      )
      .toBe(2);
    const request = JSON.parse((await calc.getAttribute('data-request'))!) as CaseRequest;
    const got = await tailor(page, { prospect: 'Two Businesses Ltd' });
    const { deck } = deckFor(request, { company: 'Two Businesses Ltd' });
    const { problems, opened } = await deckProblems(got.bytes, {
      slides: deck.slides.length,
      prospect: 'Two Businesses Ltd',
      charts: chartCount(deck),
    });
    expect(problems).toEqual([]);
    expect(opened.slideText.join(' ')).toContain(deck.figures.npv);
    const fetched = requests
      .map((r) => new URL(r.url()).pathname)
      .filter((u) => u.startsWith('/deck-data/types/'));
    expect(fetched.sort()).toEqual(
      request.mix.map((m) => `/deck-data/types/${m.type}.json`).sort(),
    );
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('a link with a bad value: the calculator and the deck form read it alike', () => {
  // One reader (readCaseUrl) for both: "1,000" is one value that is not a number, never 1.
  for (const path of ['/business-case/?type=reseller&', '/partners/reseller/business-case/?']) {
    it(`${path}dealValue=1,000: both leave it out and both say so`, async () => {
      const page = await site.browser.newPage();
      const errors = watchErrors(page);
      await page.goto(`${site.base}${path}dealValue=1,000`);
      const said = /dealValue is one number: write thousands as 1000 or 1_000, not "1,000"/;
      // the calculator, beside the field
      await expect
        .poll(() => page.locator('pk-calculator #err-dealValue').textContent())
        .toMatch(said);
      expect(await page.locator('pk-calculator #err-dealValue').isVisible()).toBe(true);
      // the deck form, above its button's status
      const deckNote = page.locator('pk-tailor-deck [data-link-problems]');
      await expect.poll(() => deckNote.textContent()).toMatch(said);
      expect(await deckNote.isVisible()).toBe(true);
      expect(await deckNote.textContent()).toMatch(/^The link's dealValue is not used in the deck/);
      // and the case both start from has no dealValue of 1
      await expect
        .poll(() => page.locator('pk-calculator').getAttribute('data-request'))
        .toMatch(/"mix":\[\{"type":"reseller","weight":1\}\]/);
      expect(await page.locator('pk-calculator').getAttribute('data-request')).not.toMatch(
        /dealValue/,
      );
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});
