// The strict Content Security Policy in Chromium: one page of every page type loads, the
// calculator recomputes and draws its charts, search runs Pagefind, the deck button downloads a
// deck, all with no CSP violation. Then hostile links: script-injection payloads in every query
// parameter of the calculator (and the other pages that read the URL) must neither run nor
// appear as elements.
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { filesUnder, htmlPages, readPage, urlOfPage } from '../helpers/dist-files.ts';
import { loadData } from '../../src/node/load-data.ts';
import { pageTypeOf } from '../helpers/page-weight.ts';
import { ASSUMPTION_KEYS } from '../../src/core/assumption-registry.ts';
import { DIST, useServedSite } from '../helpers/browser.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const { dataset } = loadData(ROOT);
const ids = new Set<string>();
for (const list of [
  dataset!.partnerTypes,
  dataset!.verticals,
  dataset!.segments,
  dataset!.vendor.products,
])
  for (const x of list) ids.add(x.id);
for (const f of filesUnder(join(ROOT, 'content'), (f) => /\.mdx?$/.test(f)))
  ids.add(f.replace(/^.*\//, '').replace(/\.mdx?$/, ''));

const pages = htmlPages(DIST).map((file) => ({
  file,
  url: urlOfPage(file),
  parsed: readPage(DIST, file),
}));
/** One page of each type: `/partners/[id]/`, `/partners/[id]/business-case/`, `/stories/[id]/`, ... */
const byType = new Map<string, (typeof pages)[number]>();
for (const p of pages)
  if (!byType.has(pageTypeOf(p.url, ids))) byType.set(pageTypeOf(p.url, ids), p);
const has = (p: (typeof pages)[number], tag: string) =>
  p.parsed.elements.some((e) => e.tag === tag);
const calculatorPages = pages.filter((p) => has(p, 'pk-calculator'));
const searchPage = pages.find((p) => has(p, 'pk-search'));
const deckPage = pages.find((p) => has(p, 'pk-tailor-deck'));

const site = useServedSite();

interface Watched {
  context: BrowserContext;
  page: Page;
  /** CSP violations: from `securitypolicyviolation` events and from the console. */
  violations: () => Promise<string[]>;
  /** Dialogs (alert, confirm, prompt) the page opened. */
  dialogs: string[];
}

/** A fresh context that records every CSP violation, in the page and on the console. */
async function watched(): Promise<Watched> {
  const context = await site.browser.newContext({ acceptDownloads: true });
  await context.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__csp.push(
        `${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`,
      ),
    );
  });
  const page = await context.newPage();
  const consoleCsp: string[] = [];
  page.on('console', (m) => {
    if (
      /content security policy|refused to (load|execute|apply|evaluate|compile|connect|create)/i.test(
        m.text(),
      )
    )
      consoleCsp.push(`console: ${m.text()}`);
  });
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  const violations = async () => [
    ...consoleCsp,
    ...(await page
      .evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])
      .catch(() => [])),
  ];
  return { context, page, violations, dialogs };
}

describe('no CSP violation on any page type', () => {
  it.for([...byType.entries()].map(([type, p]) => [type, p.url] as const))(
    '%s (%s)',
    { timeout: 60_000 },
    async ([, url]) => {
      const w = await watched();
      try {
        await w.page.goto(`${site.base}${url}`, { waitUntil: 'networkidle' });
        expect(await w.violations()).toEqual([]);
      } finally {
        await w.context.close();
      }
    },
  );

  it('the calculator recomputes and draws its charts', { timeout: 60_000 }, async () => {
    expect(calculatorPages.length).toBeGreaterThan(0);
    const w = await watched();
    try {
      for (const p of calculatorPages.slice(0, 2)) {
        await w.page.goto(`${site.base}${p.url}`, { waitUntil: 'networkidle' });
        const calc = w.page.locator('pk-calculator');
        await expect
          .poll(() => calc.getAttribute('data-charts-version'), { timeout: 20_000 })
          .not.toBeNull();
        const before = await calc.getAttribute('data-version');
        const input = w.page.locator('pk-calculator input[data-key]').first();
        await input.fill((await input.getAttribute('max')) ?? '1'); // a valid value other than the default
        await input.press('Tab');
        await expect.poll(() => calc.getAttribute('data-version')).not.toBe(before);
        // and the charts redrawn for that version (a violation would come from drawing them)
        const version = await calc.getAttribute('data-version');
        await expect.poll(() => calc.getAttribute('data-charts-version')).toBe(version);
      }
      expect(await w.violations()).toEqual([]);
    } finally {
      await w.context.close();
    }
  });

  it('search runs Pagefind (WebAssembly) and shows results', { timeout: 60_000 }, async () => {
    expect(searchPage, 'the search page has a <pk-search> element').toBeDefined();
    const w = await watched();
    try {
      await w.page.goto(`${site.base}${searchPage!.url}`, { waitUntil: 'networkidle' });
      const term = dataset!.partnerTypes[0]!.name.split(/\s+/)[0]!;
      await w.page.locator('pk-search input[name=q]').fill(term);
      await w.page.locator('pk-search input[name=q]').press('Enter');
      await expect
        .poll(() => w.page.locator('pk-search .search-results > li').count(), { timeout: 20_000 })
        .toBeGreaterThan(0);
      expect(await w.violations()).toEqual([]);
    } finally {
      await w.context.close();
    }
  });

  it('the deck button downloads a deck', { timeout: 120_000 }, async () => {
    expect(deckPage, 'a page with the <pk-tailor-deck> form').toBeDefined();
    const w = await watched();
    try {
      await w.page.goto(`${site.base}${deckPage!.url}`, { waitUntil: 'networkidle' });
      const deck = w.page.locator('pk-tailor-deck').first();
      await deck.locator('input[name=prospect]').fill('Acme Ltd');
      const download = w.page.waitForEvent('download', { timeout: 90_000 });
      await deck.locator('button[type=submit]').click();
      const file = await download;
      expect(file.suggestedFilename()).toMatch(/\.pptx$/);
      expect(await w.violations()).toEqual([]);
    } finally {
      await w.context.close();
    }
  });
});

describe('state read from the URL is never rendered as HTML', () => {
  const PAYLOADS = [
    '"><img src=x id=pk-injected onerror="window.__pwned=1">',
    '\'><svg id=pk-injected onload="window.__pwned=2">',
    '<script id=pk-injected>window.__pwned=3</script>',
    'javascript:window.__pwned=4',
    '</script><script id=pk-injected>window.__pwned=5</script>',
    '{{constructor.constructor("window.__pwned=6")()}}',
  ];

  /** Query parameters a page may read: the calculator's link format, compare and search. */
  const PARAMS = [
    'type',
    'types',
    'mix',
    'vertical',
    'segment',
    'product',
    'q',
    'role',
    'audience',
    'audiences',
    'story',
    ...ASSUMPTION_KEYS,
  ];

  const VARIANTS = ['type', 'mix'] as const;

  /** The page's scripts have read the URL: every custom element is defined (upgraded) and the calculator has computed. */
  async function scriptsRan(page: Page) {
    await page.waitForFunction(() =>
      [...document.querySelectorAll('*')]
        .filter((e) => e.localName.includes('-'))
        .every((e) => customElements.get(e.localName) !== undefined),
    );
    for (const calc of await page.locator('pk-calculator').all())
      await expect.poll(() => calc.getAttribute('data-version')).not.toBeNull();
  }

  const targets = () => {
    const t = [
      ...calculatorPages.slice(0, 1),
      ...calculatorPages.filter((p) => p.url === '/business-case/'),
    ];
    for (const url of ['/compare/', '/search/', '/stories/']) {
      const p = pages.find((x) => x.url === url);
      if (p) t.push(p);
    }
    return [...new Set(t)];
  };

  it(
    'payloads in every query parameter neither run nor become elements',
    { timeout: 180_000 },
    async () => {
      expect(calculatorPages.length).toBeGreaterThan(0);
      expect(targets().map((p) => p.url)).toContain('/business-case/');
      const w = await watched();
      const findings: string[] = [];
      let checked = 0;
      try {
        for (const p of targets()) {
          for (const [payload, variant] of PAYLOADS.flatMap((x) =>
            VARIANTS.map((v) => [x, v] as const),
          )) {
            const q = new URLSearchParams();
            for (const k of PARAMS) if (k !== 'mix') q.set(k, payload);
            // With `mix` set the `type` parameter is not read: one link without it (the payload
            // as the type), one with the mix in its own syntax (`type=weight,...`), the payload as
            // a type id and as a weight.
            if (variant === 'mix')
              q.set('mix', `${payload}=50,${dataset!.partnerTypes[0]!.id}=${payload}`);
            await w.page.goto(`${site.base}${p.url}?${q}`, { waitUntil: 'networkidle' });
            await scriptsRan(w.page);
            if (p.url === '/business-case/') {
              // The calculator read the hostile type or mix and says so, as text.
              const status = await w.page.locator('[data-out="form-status"]').textContent();
              if (variant === 'type')
                expect(status, payload).toContain(
                  `The link's type was not used: unknown partner type \`${payload}\``,
                );
              else {
                expect(status, payload).toContain("The link's mix was not used: the weight of `");
                expect(status, payload).toContain('__pwned');
              }
              checked++;
            }
            const state = await w.page.evaluate(() => ({
              pwned: (window as unknown as { __pwned?: number }).__pwned,
              injected: document.querySelectorAll('#pk-injected, img[src="x"], [onerror], [onload]')
                .length,
            }));
            if (state.pwned !== undefined)
              findings.push(`${p.url} ran the payload ${JSON.stringify(payload)}`);
            if (state.injected)
              findings.push(
                `${p.url} rendered ${state.injected} element(s) from ${JSON.stringify(payload)}`,
              );
          }
        }
        expect(findings).toEqual([]);
        expect(checked).toBe(PAYLOADS.length * VARIANTS.length);
        expect(w.dialogs).toEqual([]);
        // a payload rendered as markup would also show up as a blocked inline handler or script
        expect(await w.violations()).toEqual([]);
      } finally {
        await w.context.close();
      }
    },
  );
});
