// The measuring tools behind the budgets and the bench, on a small hand-made dist/.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  cssUrls,
  isExternal,
  parseCsp,
  parsePage,
  referencesOf,
  urlOfPage,
} from '../helpers/dist-files.ts';
import { gzipSize, pageTypeOf, PageWeights } from '../helpers/page-weight.ts';

function site(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'pk-weight-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('PageWeights', () => {
  const big = 'x'.repeat(5000);
  const dist = site({
    'index.html': `<!doctype html><html><head><script type="module" src="/_astro/entry.js"></script><link rel="modulepreload" href="/_astro/pre.js"><script type="application/json">{"not":"js"}</script></head><body><script type="module">import "/_astro/inline-dep.js";</script></body></html>`,
    '_astro/entry.js': `import{a}from"./shared.js";const b=()=>import("./deck.js");const s=()=>import("/pagefind/pagefind.js");console.log(a,b,s,"${big}");`,
    '_astro/shared.js': 'export const a=1;',
    '_astro/pre.js': 'export const p=2;',
    '_astro/inline-dep.js': 'export const i=3;',
    '_astro/deck.js': 'import"./pptx.js";export const d=4;',
    '_astro/pptx.js': 'const name="PptxGenJS";export{name};',
    'pagefind/pagefind.js': 'export const search=1;',
  });
  const w = new PageWeights(dist).page('index.html');

  it('counts scripts, modulepreloads, inline modules and their static imports up front', () => {
    expect(w.upfront).toEqual([
      '/_astro/entry.js',
      '/_astro/inline-dep.js',
      '/_astro/pre.js',
      '/_astro/shared.js',
    ]);
    expect(w.inlineGzip).toBe(gzipSize('import "/_astro/inline-dep.js";'));
    expect(w.upfrontGzip).toBeGreaterThan(w.inlineGzip);
    expect(w.upfrontGzip).toBeLessThan(5000); // gzip, not raw bytes
  });

  it('puts import() targets and their static imports on demand, search apart', () => {
    expect(w.onDemand).toEqual(['/_astro/deck.js', '/_astro/pptx.js', '/pagefind/pagefind.js']);
    expect(w.searchGzip).toBe(0); // search is only loaded on demand here
  });

  it('recognises pptxgenjs by its own strings', () => {
    const weights = new PageWeights(dist);
    expect(weights.chunk('/_astro/pptx.js')?.pptxgenjs).toBe(true);
    expect(weights.chunk('/_astro/deck.js')?.pptxgenjs).toBe(false);
    expect(weights.chunk('/_astro/missing.js')).toBeUndefined();
  });

  it('groups pages by type with ids replaced', () => {
    const ids = new Set(['reseller', 'isv']);
    expect(pageTypeOf('/partners/reseller/business-case/', ids)).toBe(
      '/partners/[id]/business-case/',
    );
    expect(pageTypeOf('/compare/', ids)).toBe('/compare/');
  });
});

describe('dist-files', () => {
  it('lists loads and navigations separately', () => {
    const page = parsePage(
      `<html><head><link rel="stylesheet" href="/a.css"><link rel="canonical" href="https://example.com/"><link rel="icon" href="https://cdn.example.com/i.png"></head>` +
        `<body><a href="/x/#y" id="top">x</a><img src="data:image/png;base64,AA" srcset="/s1.png 1x, /s2.png 2x"><div style="background:url(/bg.png)"></div><template><img src="/in-template.png"></template></body></html>`,
    );
    const refs = referencesOf(page).map((r) => `${r.load ? 'load' : 'nav'} ${r.url}`);
    expect(refs).toEqual([
      'load /a.css',
      'nav https://example.com/',
      'load https://cdn.example.com/i.png',
      'nav /x/#y',
      'load data:image/png;base64,AA',
      'load /s1.png',
      'load /s2.png',
      'load /in-template.png',
      'load /bg.png',
    ]);
    expect(page.ids.has('top')).toBe(true);
  });

  it('reads url() and @import in CSS, skipping data: URLs', () => {
    expect(
      cssUrls(
        `@import "/x.css"; a{background:url('/a.png')} b{background:url(data:image/png;base64,AA)} c{mask:url( "/c.svg" )}`,
      ),
    ).toEqual(['/a.png', '/c.svg', '/x.css']);
  });

  it('tells other origins and schemes from paths', () => {
    expect(isExternal('https://example.com/x')).toBe(true);
    expect(isExternal('//example.com/x')).toBe(true);
    expect(isExternal('mailto:a@b.c')).toBe(true);
    expect(isExternal('/x/')).toBe(false);
    expect(isExternal('x.html#a')).toBe(false);
  });

  it('maps pages to URLs and parses a CSP', () => {
    expect(urlOfPage('index.html')).toBe('/');
    expect(urlOfPage('partners/isv/index.html')).toBe('/partners/isv/');
    expect(urlOfPage('404.html')).toBe('/404.html');
    const csp = parseCsp("default-src 'self'; script-src 'self' 'sha256-x';");
    expect(csp.get('script-src')).toEqual(["'self'", "'sha256-x'"]);
  });
});
