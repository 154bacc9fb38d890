// Every internal link and asset in dist/ resolves: href/src/srcset in every page, url() in every
// stylesheet; a directory means its index.html, and a #fragment must be an id in the target page.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  cssUrls,
  filesUnder,
  htmlPages,
  isExternal,
  readPage,
  referencesOf,
  urlOfPage,
  type ParsedPage,
} from '../helpers/dist-files.ts';
import { PageWeights } from '../helpers/page-weight.ts';
import { DIST } from '../helpers/browser.ts';

const pages = new Map<string, ParsedPage>(htmlPages(DIST).map((f) => [f, readPage(DIST, f)]));

/** The dist/ file a site path is served from, or undefined. */
function fileFor(pathname: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(pathname).replace(/^\/+/, '');
  } catch {
    return undefined;
  }
  const full = join(DIST, path);
  if (path !== '' && !path.endsWith('/') && existsSync(full) && statSync(full).isFile())
    return path;
  const index = join(path, 'index.html');
  return existsSync(join(DIST, index)) ? index.replace(/^\/+/, '') : undefined;
}

/** What is wrong with a reference from `fromUrl` (a site path), or undefined when it resolves. */
function problem(ref: string, fromUrl: string, fromFile: string): string | undefined {
  if (isExternal(ref)) return undefined; // another origin or scheme (mailto:, data:): not ours to resolve
  const url = new URL(ref, `http://site${fromUrl}`);
  const target =
    url.pathname === new URL(`http://site${fromUrl}`).pathname && ref.startsWith('#')
      ? fromFile
      : fileFor(url.pathname);
  if (!target) return `${url.pathname} does not exist`;
  const fragment = decodeURIComponent(url.hash.slice(1));
  if (fragment && target.endsWith('.html')) {
    const page = pages.get(target);
    if (page && !page.ids.has(fragment)) return `#${fragment} is no id in ${target}`;
  }
  return undefined;
}

describe('links and assets in dist/ resolve', () => {
  it('every internal href, src and srcset in every page', () => {
    expect(pages.size).toBeGreaterThan(0);
    const broken: string[] = [];
    for (const [file, page] of pages) {
      for (const r of referencesOf(page)) {
        const p = problem(r.url, urlOfPage(file), file);
        if (p) broken.push(`${file}: ${r.via} ${r.url}: ${p}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('every import and import() of a literal path in every script', () => {
    const weights = new PageWeights(DIST);
    const broken: string[] = [];
    for (const js of filesUnder(DIST, (f) => f.endsWith('.js') || f.endsWith('.mjs'))) {
      const chunk = weights.chunk(`/${js}`)!;
      for (const u of [...chunk.staticImports, ...chunk.dynamicImports]) {
        if (!isExternal(u) && !fileFor(u)) broken.push(`${js}: import ${u} does not exist`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('every url() and @import in every stylesheet', () => {
    const broken: string[] = [];
    for (const css of filesUnder(DIST, (f) => f.endsWith('.css'))) {
      for (const u of cssUrls(readFileSync(join(DIST, css), 'utf8'))) {
        if (u.startsWith('#')) continue; // SVG filter/marker references inside the same document
        const p = problem(u, `/${css}`, css);
        if (p) broken.push(`${css}: url(${u}): ${p}`);
      }
    }
    expect(broken).toEqual([]);
  });
});
