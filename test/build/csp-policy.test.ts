// Every built page carries a strict Content Security Policy (Astro's security.csp, as a <meta>):
// no 'unsafe-inline' and no 'unsafe-eval' for scripts, 'wasm-unsafe-eval' only where search
// runs Pagefind's WebAssembly, and the site-wide directives from astro.config.mjs.
// test/e2e/csp.test.ts then checks in Chromium that nothing on any page type is blocked.
import { describe, expect, it } from 'vitest';
import { htmlPages, parseCsp, readPage } from '../helpers/dist-files.ts';
import { DIST } from '../helpers/browser.ts';

/** Pages allowed to compile WebAssembly: search (Pagefind). */
const WASM_PAGES = /^search\//;

const pages = htmlPages(DIST).map((file) => {
  const metas = readPage(DIST, file).elements.filter(
    (e) => e.tag === 'meta' && e.attrs['http-equiv']?.toLowerCase() === 'content-security-policy',
  );
  return { file, metas, policy: parseCsp(metas[0]?.attrs.content ?? '') };
});

describe('a strict Content Security Policy on every page', () => {
  it('each page has exactly one policy', () => {
    expect(pages.length).toBeGreaterThan(0);
    expect(
      pages
        .filter((p) => p.metas.length !== 1)
        .map((p) => `${p.file}: ${p.metas.length} CSP meta elements`),
    ).toEqual([]);
  });

  it("no 'unsafe-inline' or 'unsafe-eval' for scripts; 'wasm-unsafe-eval' only on the search page", () => {
    const bad: string[] = [];
    for (const p of pages) {
      for (const name of ['script-src', 'script-src-elem', 'script-src-attr', 'default-src']) {
        const sources = p.policy.get(name) ?? [];
        for (const s of sources) {
          if (
            s === "'unsafe-inline'" ||
            s === "'unsafe-eval'" ||
            s === '*' ||
            /^(https?|data|blob):?$/.test(s)
          )
            bad.push(`${p.file}: ${name} allows ${s}`);
          if (s === "'wasm-unsafe-eval'" && !WASM_PAGES.test(p.file))
            bad.push(`${p.file}: ${name} allows ${s} outside search`);
        }
      }
      if (!p.policy.has('script-src')) bad.push(`${p.file}: no script-src`);
    }
    expect(bad).toEqual([]);
  });

  it('the site-wide directives are in every policy', () => {
    const want: Record<string, string[]> = {
      'default-src': ["'self'"],
      'img-src': ["'self'", 'data:'],
      'connect-src': ["'self'"],
      'object-src': ["'none'"],
      'base-uri': ["'self'"],
      'form-action': ["'self'"],
    };
    const bad = pages.flatMap((p) =>
      Object.entries(want)
        .filter(([d, v]) => JSON.stringify(p.policy.get(d)) !== JSON.stringify(v))
        .map(
          ([d, v]) =>
            `${p.file}: ${d} is ${JSON.stringify(p.policy.get(d))}, expected ${JSON.stringify(v)}`,
        ),
    );
    expect(bad).toEqual([]);
  });

  it("styles need no 'unsafe-inline' either", () => {
    const bad = pages.flatMap((p) =>
      ['style-src', 'style-src-elem', 'style-src-attr']
        .filter((d) => p.policy.get(d)?.includes("'unsafe-inline'"))
        .map((d) => `${p.file}: ${d} allows 'unsafe-inline'`),
    );
    expect(bad).toEqual([]);
  });
});
