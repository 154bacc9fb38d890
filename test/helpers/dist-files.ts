// Node-only: read a built site (dist/) the way a browser would: pages, the elements that load
// something, ids that fragments can point at, and url() references in CSS. Shared by the
// page-weight budgets, the link checker, the browser tests and `npm run bench`.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse, type DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/** Every file under `dir`, as paths relative to it with forward slashes, sorted. */
export function filesUnder(dir: string, keep: (rel: string) => boolean = () => true): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, e.name);
      if (e.isDirectory()) walk(full);
      else {
        const rel = relative(dir, full).split(sep).join('/');
        if (keep(rel)) out.push(rel);
      }
    }
  };
  walk(dir);
  return out.sort();
}

/** The HTML pages of a built site (relative paths such as `partners/reseller/index.html`). */
export const htmlPages = (dist: string) => filesUnder(dist, (f) => f.endsWith('.html'));

/** The URL path a page is served at: `partners/reseller/index.html` -> `/partners/reseller/`. */
export const urlOfPage = (rel: string) => '/' + rel.replace(/(^|\/)index\.html$/, '$1');

/** One element as the checks need it: its tag, attributes, and the text of a script or style. */
export interface HtmlElement {
  tag: string;
  attrs: Record<string, string>;
  /** Text content, only kept for <script> and <style>. */
  text?: string;
}

export interface ParsedPage {
  elements: HtmlElement[];
  /** Every `id` (and `<a name>`) in the page: the targets of `#fragment` links. */
  ids: Set<string>;
}

const textOf = (el: Element): string =>
  el.childNodes
    .map((c) => ('value' in c && c.nodeName === '#text' ? (c as { value: string }).value : ''))
    .join('');

/** Parse an HTML document into a flat element list (templates included). */
export function parsePage(html: string): ParsedPage {
  const elements: HtmlElement[] = [];
  const ids = new Set<string>();
  const visit = (node: Node) => {
    if ('tagName' in node) {
      const el = node;
      const attrs: Record<string, string> = {};
      for (const a of el.attrs) attrs[a.name] = a.value;
      const item: HtmlElement = { tag: el.tagName, attrs };
      if (el.tagName === 'script' || el.tagName === 'style') item.text = textOf(el);
      elements.push(item);
      if (attrs.id) ids.add(attrs.id);
      if (el.tagName === 'a' && attrs.name) ids.add(attrs.name);
      const content = (el as { content?: Node }).content;
      if (content) visit(content);
    }
    for (const c of ('childNodes' in node ? node.childNodes : []) as Node[]) visit(c);
  };
  visit(parse(html));
  return { elements, ids };
}

export const readPage = (dist: string, rel: string) =>
  parsePage(readFileSync(join(dist, rel), 'utf8'));

/** A reference from a page or a stylesheet to another URL, and whether it is a load or a navigation. */
export interface Reference {
  url: string;
  /** Element and attribute (or `css url()`), for messages. */
  via: string;
  /** true for things the browser fetches by itself (scripts, styles, images...); false for links a user follows. */
  load: boolean;
}

const srcsetUrls = (v: string) =>
  v
    .split(',')
    .map((c) => c.trim().split(/\s+/)[0] ?? '')
    .filter(Boolean);

/** The URLs a page refers to, with what refers to them. */
export function referencesOf(page: ParsedPage): Reference[] {
  const refs: Reference[] = [];
  const add = (url: string | undefined, via: string, load: boolean) => {
    if (url !== undefined && url.trim() !== '') refs.push({ url: url.trim(), via, load });
  };
  for (const { tag, attrs } of page.elements) {
    switch (tag) {
      case 'a':
      case 'area':
        add(attrs.href, `<${tag} href>`, false);
        break;
      case 'link': {
        const rel = (attrs.rel ?? '').toLowerCase().split(/\s+/);
        // canonical/alternate links name a page, they do not load it
        const load = !rel.some(
          (r) =>
            r === 'canonical' ||
            r === 'alternate' ||
            r === 'author' ||
            r === 'license' ||
            r === 'help',
        );
        add(attrs.href, `<link rel="${attrs.rel ?? ''}" href>`, load);
        if (attrs.imagesrcset)
          for (const u of srcsetUrls(attrs.imagesrcset)) add(u, '<link imagesrcset>', true);
        break;
      }
      case 'form':
        add(attrs.action, '<form action>', false);
        break;
      case 'object':
        add(attrs.data, '<object data>', true);
        break;
      case 'video':
        add(attrs.poster, '<video poster>', true);
        add(attrs.src, `<${tag} src>`, true);
        break;
      case 'use':
      case 'image':
        add(attrs.href ?? attrs['xlink:href'], `<${tag} href>`, true);
        break;
      default:
        if ('src' in attrs) add(attrs.src, `<${tag} src>`, true);
    }
    if (attrs.srcset) for (const u of srcsetUrls(attrs.srcset)) add(u, `<${tag} srcset>`, true);
  }
  for (const el of page.elements)
    if (el.tag === 'style' && el.text)
      for (const u of cssUrls(el.text)) add(u, '<style> url()', true);
  for (const el of page.elements)
    if (el.attrs.style) for (const u of cssUrls(el.attrs.style)) add(u, 'style="" url()', true);
  return refs;
}

/** url(...) and @import targets in CSS text. */
export function cssUrls(css: string): string[] {
  const out: string[] = [];
  for (const m of css.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)/g))
    out.push(m[1] ?? m[2] ?? m[3] ?? '');
  for (const m of css.matchAll(/@import\s+(?:"([^"]*)"|'([^']*)')/g)) out.push(m[1] ?? m[2] ?? '');
  return out.filter((u) => u !== '' && !u.startsWith('data:'));
}

/** True when a reference leaves the site: another origin, or a scheme that is not a path. */
export function isExternal(url: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//');
}

/** A Content Security Policy as directive name -> sources. */
export function parseCsp(policy: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) out.set(name.toLowerCase(), sources);
  }
  return out;
}
