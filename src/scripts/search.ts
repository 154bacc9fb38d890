// Site search with Pagefind. The index (dist/pagefind/) is built by `npm run build`; its
// script is loaded on first use with a dynamic import, so pages that never search never pay
// for it. Filters use the same facets as the stories index (type, role, audience, vertical).

interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
  locations?: number[];
  weighted_locations?: { balanced_score: number }[];
}
interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  sub_results?: PagefindSubResult[];
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  search(
    term: string | null,
    o?: { filters?: Record<string, string> },
  ): Promise<{ results: { data(): Promise<PagefindResultData> }[] }>;
}

const FACETS = ['type', 'role', 'audience', 'vertical'] as const;

/** A text field's value (a form field can also hold a File, which has no text here). */
const text = (v: FormDataEntryValue | null): string => (typeof v === 'string' ? v : '');

class PkSearch extends HTMLElement {
  private pagefind: Promise<Pagefind> | undefined;
  private run = 0;

  connectedCallback() {
    const form = this.querySelector('form')!;
    const input = form.querySelector<HTMLInputElement>('input[name=q]')!;
    const status = this.querySelector('.search-status')!;
    status.textContent = '';
    const params = new URL(location.href).searchParams;
    input.value = params.get('q') ?? '';
    for (const f of FACETS) {
      const select = form.querySelector<HTMLSelectElement>(`select[name=${f}]`);
      const v = params.get(f);
      if (select && v && [...select.options].some((o) => o.value === v)) select.value = v;
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const later = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void this.search(form), 150);
    };
    form.addEventListener('input', later);
    form.addEventListener('change', later);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.search(form);
    });
    if (input.value || FACETS.some((f) => params.get(f))) void this.search(form);
  }

  private load(): Promise<Pagefind> {
    const url = this.dataset.bundle ?? '/pagefind/pagefind.js';
    this.pagefind ??= (import(/* @vite-ignore */ url) as Promise<Pagefind>).then(async (p) => {
      await p.options({ excerptLength: 24 });
      return p;
    });
    return this.pagefind;
  }

  private async search(form: HTMLFormElement) {
    const run = ++this.run;
    const status = this.querySelector('.search-status')!;
    const list = this.querySelector('.search-results')!;
    const data = new FormData(form);
    const term = text(data.get('q')).trim();
    const filters: Record<string, string> = {};
    for (const f of FACETS) {
      const v = text(data.get(f));
      if (v) filters[f] = v;
    }
    const url = new URL(location.href);
    url.search = '';
    if (term) url.searchParams.set('q', term);
    for (const [k, v] of Object.entries(filters)) url.searchParams.set(k, v);
    history.replaceState(null, '', url);
    if (!term && !Object.keys(filters).length) {
      list.replaceChildren();
      status.textContent = '';
      return;
    }
    let pagefind: Pagefind;
    try {
      pagefind = await this.load();
    } catch {
      status.textContent =
        'The search index is missing: it is built by `npm run build` (the dev server has none).';
      return;
    }
    const found = await pagefind.search(term || null, { filters });
    const results = await Promise.all(found.results.slice(0, 20).map((r) => r.data()));
    if (run !== this.run) return;
    list.replaceChildren(...results.map(resultItem));
    status.textContent = found.results.length
      ? `${found.results.length} result${found.results.length === 1 ? '' : 's'}${found.results.length > 20 ? ', showing the first 20' : ''}.`
      : 'No results. Try fewer words or clear a filter.';
  }
}

/**
 * Sections of a page that match (Pagefind splits pages at headings with an id: playbook
 * sections, each objection, guide chapters): the three with most matches, in page order.
 * The page's own top (before its first heading) is left out.
 */
function matchingSections(r: PagefindResultData): PagefindSubResult[] {
  const subs = (r.sub_results ?? []).filter((s) => s.url !== r.url && s.url.includes('#'));
  const top = [...subs].sort((a, b) => score(b) - score(a)).slice(0, 3);
  return subs.filter((s) => top.includes(s));
}

/** How well a section matches: Pagefind's scores of its matches (rare words count more). */
const score = (s: PagefindSubResult): number =>
  s.weighted_locations?.reduce((sum, w) => sum + w.balanced_score, 0) ?? s.locations?.length ?? 0;

/** An excerpt with Pagefind's <mark>s kept as elements and everything else as text. */
function excerpt(html: string, className?: string): HTMLParagraphElement {
  const p = document.createElement('p');
  if (className) p.className = className;
  // Pagefind's excerpt is our own page text with <mark> around the matches: keep only those marks.
  for (const part of html.split(/(<mark>.*?<\/mark>)/)) {
    const m = /^<mark>(.*)<\/mark>$/.exec(part);
    if (m) {
      const mark = document.createElement('mark');
      mark.textContent = decode(m[1]!);
      p.append(mark);
    } else p.append(decode(part));
  }
  return p;
}

/** One result: the page, linked to its best-matching section, and up to three matching sections. */
function resultItem(r: PagefindResultData): HTMLLIElement {
  const li = document.createElement('li');
  li.className = 'search-result';
  const sections = matchingSections(r);
  const best = [...sections].sort((a, b) => score(b) - score(a))[0];
  const h = document.createElement('h2');
  const a = document.createElement('a');
  a.href = best ? best.url : r.url;
  a.textContent = r.meta.title ?? r.url;
  h.append(a);
  const kind = document.createElement('span');
  kind.className = 'tag';
  kind.textContent = r.meta.kind ?? 'Page';
  li.append(h, kind, excerpt(best ? best.excerpt : r.excerpt));
  if (sections.length > 0) {
    const subs = document.createElement('ul');
    subs.className = 'search-subs';
    subs.setAttribute('aria-label', `Matching sections of ${r.meta.title ?? 'this page'}`);
    for (const s of sections) {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = s.url;
      link.textContent = s.title;
      item.append(link, excerpt(s.excerpt, 'muted'));
      subs.append(item);
    }
    li.append(subs);
  }
  return li;
}

/** Undo the HTML escaping in an excerpt, as text (never parsed as HTML). */
function decode(s: string): string {
  return s.replace(
    /&(lt|gt|quot|#39|amp);/g,
    (_, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[e] ?? _,
  );
}

customElements.define('pk-search', PkSearch);

export {};
