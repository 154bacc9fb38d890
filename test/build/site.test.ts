import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadData } from '../../src/node/load-data.ts';
import { DIST } from '../helpers/browser.ts';
import { earningsOffer } from '../../src/core/offer.ts';
import { article, lowerName } from '../../src/core/business-case/summary-sentence.ts';

const root = join(import.meta.dirname, '..', '..');
const { dataset } = loadData(root);
const html = (path: string) => readFileSync(join(DIST, path), 'utf8');

describe('the example kit builds', () => {
  it('the shipped example data is valid and has at least 11 partner types', () => {
    expect(dataset).toBeDefined();
    expect(dataset!.partnerTypes.length).toBeGreaterThanOrEqual(11);
  });

  it('yields a playbook page per partner type, each with its economics and sources', () => {
    for (const t of dataset!.partnerTypes) {
      const file = join('partners', t.id, 'index.html');
      expect(existsSync(join(DIST, file)), file).toBe(true);
      const page = html(file);
      expect(page).toContain(`<h1>${t.name.replaceAll('&', '&amp;')}</h1>`);
      for (const s of t.revenueStreams) expect(page).toContain(s.name.replaceAll('&', '&amp;'));
      for (const o of t.objections) expect(page).toContain(`id="objection-${o.id}"`);
      for (const s of t.sources) expect(page).toContain(`id="source-${s.id}"`);
    }
  });

  it('the home page has one card per partner type, ordered by name, each linking its playbook once', () => {
    const page = html('index.html');
    const cards = [
      ...page.matchAll(/<li class="[^"]*\bpartner-card\b[^"]*" data-type="([^"]+)"/g),
    ].map((m) => m[1]);
    const byName = [...dataset!.partnerTypes].sort((a, b) => a.name.localeCompare(b.name));
    expect(cards).toEqual(byName.map((t) => t.id));
    for (const t of dataset!.partnerTypes)
      expect(page.split(`href="/partners/${t.id}/"`).length - 1, t.id).toBe(1);
  });

  it('a playbook for a type that does not resell opens with what it earns, before its income mix', () => {
    const vendor = dataset!.vendor.name;
    for (const t of dataset!.partnerTypes) {
      const page = html(join('partners', t.id, 'index.html'));
      const earn = page.indexOf('id="earn"');
      if (t.transacts) {
        expect(earn, t.id).toBe(-1);
        continue;
      }
      const offer = earningsOffer(dataset!, t)!;
      expect(page, t.id).toContain(`What you earn with ${vendor.replaceAll('&', '&amp;')}`);
      expect(earn, t.id).toBeLessThan(page.indexOf('id="economics"'));
      for (const f of offer.figures) expect(page, `${t.id} ${f.id}`).toContain(f.value);
    }
  });

  it('downloads: each deck is described as written for its own type', () => {
    const page = html('downloads/index.html');
    for (const t of dataset!.partnerTypes) {
      const name = lowerName(t.name).replaceAll('&', '&amp;');
      expect(page, t.id).toContain(`written for ${article(lowerName(t.name))} ${name}`);
    }
    expect(page).not.toContain('Managed service providers and other recurring-revenue partners');
  });

  it('a 404 page links home and to search', () => {
    const page = html('404.html');
    expect(page).toContain('href="/"');
    expect(page).toContain('action="/search/"');
    expect(page).toMatch(/<h1[^>]*>This page is not in the kit<\/h1>/);
  });

  it('the guide shows each snippet’s file name and scrolls code in its own box', () => {
    const page = html('guide/index.html');
    const source = readFileSync(join(root, 'content', 'guide', 'index.mdx'), 'utf8');
    const titles = [...source.matchAll(/^```\w+ [^\n]*title="([^"]+)"/gm)].map((m) => m[1]);
    expect(titles.length).toBeGreaterThan(2);
    for (const title of titles)
      expect(page).toContain(`<figcaption class="code-title">${title}</figcaption>`);
    const pres = page.split('<pre').length - 1;
    expect(page.split('<div class="code-scroll" tabindex="0" role="region"').length - 1).toBe(pres);
  });
});
