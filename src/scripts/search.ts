// Site search with Pagefind. The index (dist/pagefind/) is built by `npm run build`; its
// script is loaded on first use with a dynamic import, so pages that never search never pay
// for it. Filters use the same facets as the stories index (type, role, audience, vertical).

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
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
    list.replaceChildren(
      ...results.map((r) => {
        const li = document.createElement('li');
        li.className = 'search-result';
        const h = document.createElement('h2');
        const a = document.createElement('a');
        a.href = r.url;
        a.textContent = r.meta.title ?? r.url;
        h.append(a);
        const kind = document.createElement('span');
        kind.className = 'tag';
        kind.textContent = r.meta.kind ?? 'Page';
        const p = document.createElement('p');
        // Pagefind's excerpt is our own page text with <mark> around the matches: keep only those marks.
        for (const part of r.excerpt.split(/(<mark>.*?<\/mark>)/)) {
          const m = /^<mark>(.*)<\/mark>$/.exec(part);
          if (m) {
            const mark = document.createElement('mark');
            mark.textContent = decode(m[1]!);
            p.append(mark);
          } else p.append(decode(part));
        }
        li.append(h, kind, p);
        return li;
      }),
    );
    status.textContent = found.results.length
      ? `${found.results.length} result${found.results.length === 1 ? '' : 's'}${found.results.length > 20 ? ', showing the first 20' : ''}.`
      : 'No results. Try fewer words or clear a filter.';
  }
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
