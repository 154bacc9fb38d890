// Node-only: how much JavaScript each built page loads, before any interaction and on demand.
// Byte counts are deterministic, so the budgets in test/build/budgets.test.ts assert them and
// `npm run bench` reports them from this same module.
//
// Up front = classic and module <script>s in the page (inline or src), <link rel=modulepreload>,
// and everything those import statically, transitively. On demand = what the up-front code
// reaches through `import()` (and their static imports), minus what is already up front.
// Sizes are per file, gzip at zlib's default level, as a static host would serve them.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { init, parse } from 'es-module-lexer';
import { htmlPages, readPage, urlOfPage, type ParsedPage } from './dist-files.ts';

await init;

/** A JavaScript file in dist/, with what it imports. */
export interface Chunk {
  /** Site path, e.g. `/_astro/compare.BdRz9.js`. */
  url: string;
  bytes: number;
  gzip: number;
  staticImports: string[];
  dynamicImports: string[];
  /** Holds pptxgenjs (found by its own strings, whatever the chunk is named). */
  pptxgenjs: boolean;
  /** Part of the search (Pagefind) bundle, which budgets count separately. */
  search: boolean;
}

/** One page's JavaScript. All sizes in bytes, gzip unless named otherwise. */
export interface PageWeight {
  /** URL path of the page, e.g. `/partners/reseller/`. */
  page: string;
  /** The page's file in dist/. */
  file: string;
  /** Chunks loaded before any interaction (search included; see `upfrontGzip`). */
  upfront: string[];
  /** Chunks only loaded once code asks for them (`import()`). */
  onDemand: string[];
  /** Inline <script> bodies (not JSON data islands), gzip. */
  inlineGzip: number;
  /** Up-front JavaScript without search: what the budgets limit. */
  upfrontGzip: number;
  /** Up-front JavaScript that belongs to search (Pagefind), counted apart. */
  searchGzip: number;
  onDemandGzip: number;
  /** Raw (uncompressed) bytes of the up-front set, search excluded, inline included. */
  upfrontBytes: number;
}

const JS_TYPES = new Set(['', 'module', 'text/javascript', 'application/javascript']);
/** Strings that only pptxgenjs's bundle contains. */
const PPTX_SIGNATURES = ['PptxGenJS', 'ppt/presentation.xml'];

export const gzipSize = (data: string | Buffer) => gzipSync(data).length;

/** Resolve an import specifier against the URL of the chunk that holds it. */
function resolveSpecifier(spec: string, from: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(spec) || spec.startsWith('//')) return spec; // external: kept so a check can see it
  if (!spec.startsWith('.') && !spec.startsWith('/')) return undefined; // bare specifier: not a file
  return new URL(spec, `http://site${from}`).pathname;
}

/** Imports of some JavaScript source, resolved against `from` (the URL of the file or page holding it). */
export function importsOf(
  source: string,
  from: string,
): { staticImports: string[]; dynamicImports: string[] } {
  const staticImports: string[] = [];
  const dynamicImports: string[] = [];
  let imports: ReturnType<typeof parse>[0];
  try {
    [imports] = parse(source);
  } catch {
    return { staticImports, dynamicImports };
  }
  for (const i of imports) {
    if (i.d === -2 || i.n === undefined) continue; // import.meta, or import() of a computed value
    const url = resolveSpecifier(i.n, from);
    if (!url) continue;
    (i.d === -1 ? staticImports : dynamicImports).push(url);
  }
  return { staticImports, dynamicImports };
}

export class PageWeights {
  private readonly chunks = new Map<string, Chunk | undefined>();
  readonly dist: string;
  constructor(dist: string) {
    this.dist = dist;
  }

  /** A JavaScript file by its site path; undefined when it is not in dist/ (or is external). */
  chunk(url: string): Chunk | undefined {
    if (this.chunks.has(url)) return this.chunks.get(url);
    const path = join(this.dist, decodeURIComponent(url.split(/[?#]/)[0]!));
    let chunk: Chunk | undefined;
    if (url.startsWith('/') && existsSync(path)) {
      const source = readFileSync(path, 'utf8');
      chunk = {
        url,
        bytes: Buffer.byteLength(source),
        gzip: gzipSize(source),
        ...importsOf(source, url),
        pptxgenjs: PPTX_SIGNATURES.some((s) => source.includes(s)),
        search: url.startsWith('/pagefind/'),
      };
    }
    this.chunks.set(url, chunk);
    return chunk;
  }

  /** Every chunk reachable from `roots` through static imports (roots included). */
  staticClosure(roots: Iterable<string>): Set<string> {
    const seen = new Set<string>();
    const todo = [...roots];
    while (todo.length) {
      const url = todo.pop()!;
      if (seen.has(url)) continue;
      seen.add(url);
      todo.push(...(this.chunk(url)?.staticImports ?? []));
    }
    return seen;
  }

  /** Weigh one page (path relative to dist/). */
  page(file: string, parsed: ParsedPage = readPage(this.dist, file)): PageWeight {
    const pageUrl = urlOfPage(file);
    const roots: string[] = [];
    const dynamicRoots: string[] = [];
    let inlineGzip = 0;
    let inlineBytes = 0;
    for (const el of parsed.elements) {
      if (el.tag === 'script') {
        if (!JS_TYPES.has((el.attrs.type ?? '').toLowerCase())) continue; // JSON data, templates
        if (el.attrs.src !== undefined) {
          const url = resolveSpecifier(
            el.attrs.src.startsWith('.') || el.attrs.src.startsWith('/')
              ? el.attrs.src
              : `./${el.attrs.src}`,
            pageUrl,
          );
          if (url) roots.push(url);
        } else if (el.text?.trim()) {
          inlineBytes += Buffer.byteLength(el.text);
          inlineGzip += gzipSize(el.text);
          const found = importsOf(el.text, pageUrl);
          roots.push(...found.staticImports);
          dynamicRoots.push(...found.dynamicImports);
        }
      } else if (
        el.tag === 'link' &&
        /(^|\s)modulepreload(\s|$)/i.test(el.attrs.rel ?? '') &&
        el.attrs.href
      ) {
        const url = resolveSpecifier(el.attrs.href, pageUrl);
        if (url) roots.push(url);
      }
    }
    const upfront = this.staticClosure(roots);
    for (const url of upfront) dynamicRoots.push(...(this.chunk(url)?.dynamicImports ?? []));
    // on demand: everything reachable through import() at any depth, minus what is up front
    const onDemand = new Set<string>();
    const todo = [...dynamicRoots];
    while (todo.length) {
      const url = todo.pop()!;
      if (upfront.has(url) || onDemand.has(url)) continue;
      onDemand.add(url);
      const c = this.chunk(url);
      if (c) todo.push(...c.staticImports, ...c.dynamicImports);
    }
    const sum = (
      urls: Iterable<string>,
      pick: (c: Chunk) => number,
      keep: (c: Chunk) => boolean = () => true,
    ) =>
      [...urls].reduce((n, u) => {
        const c = this.chunk(u);
        return c && keep(c) ? n + pick(c) : n;
      }, 0);
    return {
      page: pageUrl,
      file,
      upfront: [...upfront].sort(),
      onDemand: [...onDemand].sort(),
      inlineGzip,
      upfrontGzip:
        inlineGzip +
        sum(
          upfront,
          (c) => c.gzip,
          (c) => !c.search,
        ),
      searchGzip: sum(
        upfront,
        (c) => c.gzip,
        (c) => c.search,
      ),
      onDemandGzip: sum(onDemand, (c) => c.gzip),
      upfrontBytes:
        inlineBytes +
        sum(
          upfront,
          (c) => c.bytes,
          (c) => !c.search,
        ),
    };
  }

  /** Every page of the site. */
  all(): PageWeight[] {
    return htmlPages(this.dist).map((f) => this.page(f));
  }
}

/**
 * A page's type, for grouping: path segments that are ids of data or content entries become
 * `[id]`, so `/partners/reseller/` and `/partners/isv/` are both `/partners/[id]/`.
 */
export function pageTypeOf(page: string, ids: ReadonlySet<string>): string {
  return page
    .split('/')
    .map((s) => (ids.has(s) ? '[id]' : s))
    .join('/');
}

/** Human-readable kilobytes (1 KB = 1,000 bytes, as budgets are written). */
export const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
