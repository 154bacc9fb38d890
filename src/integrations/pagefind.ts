import type { AstroPrerenderer } from 'astro';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';

/**
 * The pages that opt into search (Base.astro's `search` prop), by path: playbooks, stories,
 * the guide, products, plays, the coverage map and the program audit. test/build/search-index.test.ts checks that these and the pages marked
 * `data-pagefind-body` are the same set.
 */
export const isSearchablePath = (pathname: string): boolean =>
  /^\/(?:partners\/[^/]+|stories\/[^/]+|guide|products(?:\/[^/]+)?|plays(?:\/[^/]+)?|coverage|program)\/?$/.test(
    pathname,
  );

/**
 * Builds the full-text search index into <outDir>/pagefind/ with the Pagefind Node API (the
 * binary ships in the npm package; nothing is downloaded), while Astro writes the pages: it wraps
 * Astro's prerenderer (the `setPrerenderer` option of `astro:build:start`) so that the searchable
 * pages are rendered first, and hands each one's HTML to Pagefind as it is rendered. Pagefind
 * indexes and writes its files on its own threads while the other pages render; indexing dist/
 * after the build, it had been the last second of a 1,000-page build. Pages opt in through
 * Base.astro's `search` prop, which marks `data-pagefind-body` and the filters. Called by the
 * partnerkit() integration (src/integrations/partnerkit.ts); `done()` at the end of the build.
 */
export function searchIndexWhileRendering(
  outDir: string,
  setPrerenderer: (make: (base: AstroPrerenderer) => AstroPrerenderer) => void,
): SearchIndex {
  const index = new SearchIndex(join(outDir, 'pagefind'));
  setPrerenderer((base) => searchableFirst(base, index));
  return index;
}

/**
 * Astro's prerenderer, with the searchable pages first and each one's HTML passed to `index` as
 * it is rendered (a copy of the response: Astro writes the page as before).
 */
function searchableFirst(base: AstroPrerenderer, index: SearchIndex): AstroPrerenderer {
  return {
    ...base,
    name: `${base.name}+search`,
    async getStaticPaths() {
      const paths = await base.getStaticPaths();
      const searchable = paths.filter((p) => isSearchablePath(p.pathname));
      index.expect(searchable.length);
      return [...searchable, ...paths.filter((p) => !isSearchablePath(p.pathname))];
    },
    async render(request, options) {
      const result = await base.render(request, options);
      const { pathname } = new URL(request.url);
      if (isSearchablePath(pathname)) {
        const response = result instanceof Response ? result : result.response;
        index.add(pathname, response.clone().text().then(forIndexing));
      }
      return result;
    },
  };
}

/**
 * A page's HTML as Pagefind needs it: its head (the title and language) and the element it
 * indexes (`<main data-pagefind-body>`, Base.astro's, which holds the page's filters and
 * metadata too), without style, script and SVG elements, which it does not index. The site's
 * header, navigation and footer are not indexed either; each page also inlines a ~25 KB
 * stylesheet. Pagefind's service gets every page base64-encoded through a pipe and parses it,
 * so what it is not sent costs it nothing: 30% fewer bytes and ~10% less of its CPU, and the
 * index it writes is byte-identical (test/build/search-index.test.ts).
 */
export function forIndexing(html: string): string {
  const body = html.search(/<main\b[^>]*\sdata-pagefind-body/);
  const end = html.lastIndexOf('</main>');
  const head = html.indexOf('<body');
  const kept =
    body < 0 || end < body || head < 0 || head > body
      ? html
      : `${html.slice(0, head)}<body>${html.slice(body, end)}</main></body></html>`;
  return kept.replace(/<(style|script|svg)\b[^>]*>[\s\S]*?<\/\1>/g, '');
}

/**
 * One Pagefind index for one build: pages are added as they come, and the files are written
 * once the last expected page is in, without waiting for the rest of the build.
 */
export class SearchIndex {
  private readonly outputPath: string;
  private readonly index: Promise<pagefind.PagefindIndex>;
  private readonly adding: Promise<void>[] = [];
  private readonly errors: string[] = [];
  private expected = Number.POSITIVE_INFINITY;
  private writing: Promise<void> | undefined;

  constructor(outputPath: string) {
    this.outputPath = outputPath;
    this.index = pagefind.createIndex({ forceLanguage: 'en' }).then(({ index, errors }) => {
      if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
      return index;
    });
    this.index.catch(() => {}); // reported by done()
  }

  /** How many pages the build will add (known once Astro has listed its paths). */
  expect(pages: number) {
    this.expected = pages;
    this.writeWhenComplete();
  }

  add(url: string, html: Promise<string>) {
    const added = Promise.all([this.index, html]).then(async ([index, content]) => {
      const r = await index.addHTMLFile({ url, content });
      if (r.errors.length) this.errors.push(`${url}: ${r.errors.join('; ')}`);
    });
    added.catch((e: unknown) =>
      this.errors.push(`${url}: ${e instanceof Error ? e.message : String(e)}`),
    );
    this.adding.push(added);
    this.writeWhenComplete();
  }

  private writeWhenComplete() {
    if (this.writing || this.adding.length < this.expected) return;
    this.writing = Promise.allSettled(this.adding).then(async () => {
      if (this.errors.length) return;
      const index = await this.index;
      mkdirSync(this.outputPath, { recursive: true });
      const written = await index.writeFiles({ outputPath: this.outputPath });
      if (written.errors.length)
        this.errors.push(`writing ${this.outputPath}: ${written.errors.join('; ')}`);
    });
  }

  /** Wait for the index to be written; the number of pages in it. Throws with Pagefind's errors. */
  async done(): Promise<number> {
    try {
      await this.index;
      this.expected = Math.min(this.expected, this.adding.length); // e.g. a build with no searchable page
      this.writeWhenComplete();
      await this.writing;
      if (this.errors.length)
        throw new Error(`Pagefind could not build the search index:\n${this.errors.join('\n')}`);
      return this.adding.length;
    } finally {
      await this.index.then((i) => i.deleteIndex()).catch(() => {});
      await pagefind.close();
    }
  }
}
