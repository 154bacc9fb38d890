// The search index holds exactly the pages that opt into search: every page marked
// `data-pagefind-body` (playbooks, stories, the guide) and nothing else, so the list of
// searchable paths in src/integrations/pagefind.ts cannot drift from the pages.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { describe, expect, it } from 'vitest';
import { forIndexing, isSearchablePath } from '../../src/integrations/pagefind.ts';
import { filesUnder, htmlPages } from '../helpers/dist-files.ts';

const DIST = join(import.meta.dirname, '..', '..', 'dist');

const fragments = () => {
  const dir = join(DIST, 'pagefind', 'fragment');
  return readdirSync(dir).map((f) => {
    const text = gunzipSync(readFileSync(join(dir, f))).toString('utf8');
    return JSON.parse(text.slice(text.indexOf('{'))) as { url: string; content: string };
  });
};

const urlOf = (file: string) => `/${relative(DIST, file).replace(/index\.html$/, '')}`;

describe('the search index', () => {
  it('indexes every page that opts into search, and no other', () => {
    const marked = htmlPages(DIST)
      .map((f) => join(DIST, f))
      .filter((f) => /<main[^>]*data-pagefind-body/.test(readFileSync(f, 'utf8')))
      .map(urlOf)
      .sort();
    const indexed = fragments()
      .map((f) => f.url)
      .sort();
    expect(marked.length).toBeGreaterThan(20);
    expect(indexed).toEqual(marked);
  });

  it('indexes what a playbook says, not the deck panel every playbook shares (else "PowerPoint" would find them all)', () => {
    const playbook = fragments().find((f) => f.url === '/partners/reseller/')!;
    expect(playbook.content).toMatch(/reseller/i);
    expect(playbook.content).not.toContain('Builds a PowerPoint deck');
    expect(playbook.content).not.toContain("Prospect's company");
  });

  it('keeps a label and its words apart in every playbook ("You answer The case...", not "answerThe")', () => {
    const playbooks = fragments().filter((f) => /^\/partners\/[^/]+\/$/.test(f.url));
    expect(playbooks.length).toBeGreaterThan(5);
    for (const f of playbooks) {
      expect(f.content, f.url).toContain('You answer ');
      expect(f.content, f.url).not.toMatch(/You answer[A-Z“"]/);
      // a revenue stream's name and its share: "suppliers 55%", never "suppliers55%"
      expect(f.content, f.url).not.toMatch(/[a-z)]\d+(\.\d+)?%/);
    }
  });

  it('is the same index whether Pagefind gets the whole page or only what it indexes (the build sends less)', async () => {
    // One page of each searchable kind, as built: each indexed twice, whole and trimmed.
    const pages = new Map<string, string>();
    for (const f of htmlPages(DIST)) {
      const url = urlOf(join(DIST, f));
      const kind = url.split('/')[1]!;
      if (isSearchablePath(url) && !pages.has(kind))
        pages.set(kind, readFileSync(join(DIST, f), 'utf8'));
    }
    expect([...pages.keys()].sort()).toEqual(
      expect.arrayContaining([
        'coverage',
        'guide',
        'partners',
        'plays',
        'products',
        'program',
        'stories',
      ]),
    );
    const write = async (html: (page: string) => string) => {
      const out = mkdtempSync(join(tmpdir(), 'pk-pagefind-'));
      const { index } = await pagefind.createIndex({ forceLanguage: 'en' });
      for (const [kind, page] of pages) {
        const r = await index!.addHTMLFile({ url: `/${kind}/`, content: html(page) });
        expect(r.errors).toEqual([]);
      }
      await index!.writeFiles({ outputPath: out });
      await index!.deleteIndex();
      const files = new Map(
        filesUnder(out, () => true).map((f) => [f, readFileSync(join(out, f)).toString('base64')]),
      );
      rmSync(out, { recursive: true, force: true });
      return files;
    };
    try {
      const whole = await write((page) => page);
      const trimmed = await write(forIndexing);
      expect(whole.size).toBeGreaterThan(pages.size);
      expect([...trimmed.keys()].sort()).toEqual([...whole.keys()].sort());
      expect(trimmed).toEqual(whole);
      // and it is less: the site's chrome, stylesheet, scripts and icons stay out
      for (const page of pages.values())
        expect(forIndexing(page).length).toBeLessThan(page.length * 0.8);
    } finally {
      await pagefind.close();
    }
  });
});
